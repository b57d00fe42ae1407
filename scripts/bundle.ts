/**
 * Bundles the command line into dist/bundle/ after tsc: the CLI, the piece
 * worker and the engine it loads to summarize rows, each one file. Node 20 loads a module at a time, and a report loads
 * some 300 (ours, ajv's, yaml's): about a quarter of its start-up. The modules
 * tsc writes to dist/src stay, for the library export and the tests.
 *   node dist/scripts/bundle.js
 */
import standalone from 'ajv/dist/standalone/index.js';
import { build, type Plugin } from 'esbuild';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepared, type CheckSpec } from '../src/load/compiled-check.js';
import { META_SCHEMA_CHECK } from '../src/load/data/meta-schema-check.js';
import { FRAMEWORK_CHECK } from '../src/load/framework/framework-validator.js';

const DIST = fileURLToPath(new URL('..', import.meta.url));

// Chunk names carry a hash of their content: an earlier build's would stay beside the new ones.
await rm(join(DIST, 'bundle'), { recursive: true, force: true });
await build({
  absWorkingDir: DIST,
  // piece-pool.ts finds its worker beside itself, and piece-summaries.ts itself, by name: all land in dist/bundle/.
  entryPoints: { cli: 'src/cli/main.js', 'piece-worker': 'src/load/data/piece-worker.js', 'piece-summaries': 'src/cli/piece-summaries.js' },
  outdir: 'bundle',
  bundle: true,
  // Each command's await import() becomes a chunk of its own, read only when that command runs.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // ajv and yaml are CommonJS, whose require() an ES module lacks.
  banner: { js: "import { createRequire as journeyKpiRequire } from 'node:module'; const require = journeyKpiRequire(import.meta.url);" },
  // Off at run time (reading them would slow the start); node --enable-source-maps maps a stack back to src/.
  sourcemap: true,
  logLevel: 'warning',
  plugins: [precompiledChecks()],
});

/**
 * The checks of compiled-check.ts as ajv's standalone code: each module
 * that compiles one when loaded is replaced by that check's compiled code,
 * exported under the same name, so a run starts with nothing to compile.
 */
function precompiledChecks(): Plugin {
  const checks: readonly { readonly module: string; readonly name: string; readonly spec: CheckSpec }[] = [
    { module: 'src/load/framework/framework-validator.js', name: 'validateFramework', spec: FRAMEWORK_CHECK },
    { module: 'src/load/data/meta-schema-check.js', name: 'validateAgainstMetaSchema', spec: META_SCHEMA_CHECK },
  ];
  return {
    name: 'precompiled-checks',
    setup(plugin) {
      for (const { module, name, spec } of checks) {
        plugin.onLoad({ filter: new RegExp(`${escapeRegExp(join(DIST, module))}$`) }, () => {
          const { ajv, key } = prepared(spec, { ...spec.options, code: { ...spec.options.code, source: true, esm: true } });
          return { contents: standalone.default(ajv, { [name]: key }), loader: 'js', resolveDir: DIST };
        });
      }
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
