/**
 * Bundles the command line into dist/bundle/ after tsc: the CLI, the piece
 * worker and the engine it loads to summarize rows, each one file. Node 20 loads a module at a time, and a report loads
 * some 300 (ours, ajv's, yaml's): about a quarter of its start-up. The modules
 * tsc writes to dist/src stay, for the library export and the tests.
 *   node dist/scripts/bundle.js
 */
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
});
