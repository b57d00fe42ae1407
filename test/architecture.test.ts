/**
 * The pipeline's layering, held by a test: the computing and evaluating
 * layers are pure, renderers only turn data into text, and the lower
 * layers never reach up into the command wiring.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

function sourceFiles(folder: string): string[] {
  const files = readdirSync(join(SRC, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(folder, name));
  expect(files.length, `${folder}/ has no source files`).toBeGreaterThan(0);
  return files;
}

/** Static imports and `import()` alike: a module loaded on demand is still a dependency. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  return [...text.matchAll(/(?:from\s+|import\(\s*)'([^']+)'/g)].map((match) => match[1] ?? '');
}

const PURE = ['core', 'formula', 'compute', 'evaluate', 'render'];
const MAY_NOT_IMPORT: Record<string, string[]> = {
  // core's framework types embed the formula syntax tree (formula/ast.ts), nothing else of formula/.
  core: ['/cli/', '/load/', '/compute/', '/evaluate/', '/render/', '/formula/parser', '/formula/lexer'],
  formula: ['/cli/', '/load/', '/compute/', '/evaluate/', '/render/'],
  compute: ['/cli/', '/load/', '/evaluate/', '/render/'],
  evaluate: ['/cli/', '/load/', '/compute/', '/render/'],
  render: ['/cli/', '/load/', '/compute/'],
  load: ['/cli/', '/compute/', '/evaluate/', '/render/'],
};

describe('architecture', () => {
  for (const folder of PURE) {
    it(`${folder}/ does no I/O: no node: modules, no process`, () => {
      for (const file of sourceFiles(folder)) {
        const text = readFileSync(join(SRC, file), 'utf8');
        const offending = importsOf(file).filter((spec) => spec.startsWith('node:'));
        expect(offending, file).toEqual([]);
        expect(/\bprocess\b/.test(text), `${file} uses process`).toBe(false);
        expect(/import\(\s*['"]node:|\brequire\(/.test(text), `${file} loads a module at run time`).toBe(false);
      }
    });
  }

  it('only render/ uses colours', () => {
    for (const folder of ['core', 'formula', 'compute', 'evaluate', 'load']) {
      for (const file of sourceFiles(folder)) expect(importsOf(file), file).not.toContain('chalk');
    }
  });

  for (const [folder, forbidden] of Object.entries(MAY_NOT_IMPORT)) {
    it(`${folder}/ imports only from the layers below it`, () => {
      for (const file of sourceFiles(folder)) {
        const upward = importsOf(file).filter((spec) => forbidden.some((layer) => `/${spec}`.includes(`.${layer}`)));
        expect(upward, file).toEqual([]);
      }
    });
  }
});
