/**
 * The benchmark's input: the example generator's three exports at a size,
 * cached under the bench directory by size and seed so reruns reuse them,
 * and read once before timing so every measured run finds them in the
 * page cache.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_FILES, writeExamples, type ExampleOptions } from '../generate/examples.js';

/** Scale 1: about 3 million traffic rows, 80 thousand orders, 20 thousand survey answers. */
const DEFAULT_SIZE = { trafficRows: 3_000_000, orders: 80_000, responses: 20_000 } as const;

export interface Dataset {
  readonly options: ExampleOptions;
  readonly files: { readonly traffic: string; readonly orders: string; readonly survey: string };
  readonly bytes: number;
}

export function datasetOptions(scale: number, seed: number): ExampleOptions {
  const size = (n: number) => Math.max(1, Math.round(n * scale));
  return { seed, trafficRows: size(DEFAULT_SIZE.trafficRows), orders: size(DEFAULT_SIZE.orders), responses: size(DEFAULT_SIZE.responses) };
}

/** The files for `options`, generated into `root` unless a complete earlier run of the same generator left them there. */
export async function prepareDataset(root: string, options: ExampleOptions, log: (line: string) => void): Promise<Dataset> {
  const dir = resolve(root, `seed${options.seed}-t${options.trafficRows}-o${options.orders}-r${options.responses}`);
  // Written last, with the generator's fingerprint: an interrupted generation, or one by another
  // version of the generator (a header renamed), is redone rather than measured.
  const complete = join(dir, 'complete');
  const fingerprint = await generatorFingerprint();
  if ((await readFile(complete, 'utf8').catch(() => '')) !== fingerprint) {
    log(`generating ${options.trafficRows} traffic rows, ${options.orders} orders, ${options.responses} answers in ${dir}`);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await writeExamples(dir, options);
    await writeFile(complete, fingerprint);
  }
  const files = {
    traffic: join(dir, EXAMPLE_FILES.traffic),
    orders: join(dir, EXAMPLE_FILES.orders),
    survey: join(dir, EXAMPLE_FILES.survey),
  };
  const sizes = await Promise.all(Object.values(files).map(async (file) => (await stat(file)).size));
  return { options, files, bytes: sizes.reduce((sum, size) => sum + size, 0) };
}

/** A hash of the generator's code, as built next to this file. */
async function generatorFingerprint(): Promise<string> {
  const dir = fileURLToPath(new URL('../generate/', import.meta.url));
  const names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.js')).sort();
  const hash = createHash('sha256');
  for (const name of names) hash.update(name).update(await readFile(join(dir, name)));
  return hash.digest('hex');
}

/** One untimed read of every file, so no measured run pays for the disk. */
export async function warmUp(dataset: Dataset): Promise<void> {
  for (const file of Object.values(dataset.files)) {
    for await (const chunk of createReadStream(file)) void chunk;
  }
}
