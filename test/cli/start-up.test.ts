/**
 * What every run loads before it knows its command: src/cli/main.ts and its static imports.
 * The framework loader, the engine and the renderers are loaded (await import) by the command
 * that runs, so --version, --help, init and kpis start without them, and report loads one renderer.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** What importing `file` loads: `import type` is erased, and `import()` waits for its call. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?\sfrom\s+'([^']+)'/gm)].map((match) => match[1] ?? '');
}

function loadedBy(entry: string): { readonly files: string[]; readonly packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec).replace(/\.js$/, '.ts'));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  visit(join(SRC, entry));
  return { files: [...files].map((file) => relative(SRC, file)).sort(), packages: [...packages].sort() };
}

describe('start-up', () => {
  const { files, packages } = loadedBy('cli/main.ts');

  it('reaches the command wiring through its static imports', () => {
    expect(files).toContain('cli/commands/report.ts');
    expect(files).toContain('cli/options.ts');
  });

  it('loads no YAML parser, schema validator, CSV parser, table or colour library', () => {
    expect(packages).toEqual(['commander']);
  });

  it('loads neither the framework loader, the formulas, the engine nor a renderer', () => {
    expect(files.filter((file) => /^(load|formula|compute)\//.test(file))).toEqual([]);
    expect(files.filter((file) => file.startsWith('render/'))).toEqual(['render/counts.ts']);
  });
});
