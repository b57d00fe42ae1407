/**
 * `npm run bench`: journey-kpi against DuckDB on the e-commerce framework,
 * on generated exports of a chosen size, in paired runs of fresh processes.
 *   node dist/scripts/bench/main.js [--scale 1 | --scales 1,3,10] [--runs 3] [--dir .bench] [--framework FILE] [--seed N]
 * Exits 1 when the two tools' values differ or a run fails.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_OPTIONS } from '../generate/examples.js';
import { differences, reportValues, type Values } from './compare.js';
import { datasetOptions, prepareDataset, warmUp, type Dataset } from './dataset.js';
import { measureNode } from './measure.js';
import { benchmarkReport, type Pair, type ScaleResult } from './report.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = resolve(ROOT, 'bin/journey-kpi.js');
const DUCKDB_SCRIPT = fileURLToPath(new URL('./duckdb-kpis.js', import.meta.url));
/** The machine this was written for has 2 cores; DuckDB gets no more than journey-kpi could use. */
const DUCKDB_THREADS = 2;

interface Options {
  readonly scales: readonly number[];
  readonly runs: number;
  readonly dir: string;
  readonly framework: string;
  readonly seed: number;
}

function readOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scale: { type: 'string', default: '1' },
      scales: { type: 'string' },
      runs: { type: 'string', default: '3' },
      dir: { type: 'string', default: resolve(ROOT, '.bench') },
      framework: { type: 'string', default: resolve(ROOT, 'examples/ecommerce/journey.yaml') },
      seed: { type: 'string', default: String(DEFAULT_OPTIONS.seed) },
    },
  });
  const scales = (values.scales ?? values.scale).split(',').map((text) => positive('scale', text));
  const runs = positive('runs', values.runs);
  if (!Number.isInteger(runs)) throw new Error(`--runs must be a whole number, got '${values.runs}'`);
  const seed = Number(values.seed);
  if (!/^\d+$/.test(values.seed) || !Number.isSafeInteger(seed)) throw new Error(`--seed must be a whole number, got '${values.seed}'`);
  return { scales, runs, dir: values.dir, framework: resolve(values.framework), seed };
}

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!(value > 0)) throw new Error(`--${name} must be a positive number, got '${text}'. Example: --${name} 1`);
  return value;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function runPair(dataset: Dataset, framework: string): Promise<{ pair: Pair; values: [Values, Values]; duckdbVersion: string }> {
  const { traffic, orders, survey } = dataset.files;
  const sources = ['--source', `traffic=${traffic}`, '--source', `orders=${orders}`, '--source', `survey=${survey}`];
  const journeyKpi = await measureNode([CLI, 'report', framework, '--format', 'json', ...sources]);
  const duckdb = await measureNode([DUCKDB_SCRIPT, String(DUCKDB_THREADS), traffic, orders, survey]);
  const duckdbOutput = JSON.parse(duckdb.stdout) as { duckdb: string; values: Values };
  return { pair: { journeyKpi, duckdb }, values: [reportValues(journeyKpi.stdout), duckdbOutput.values], duckdbVersion: duckdbOutput.duckdb };
}

/** The paired runs at one scale; a run that fails (out of memory, say) ends the scale, not the benchmark. */
async function measureScale(scale: number, options: Options): Promise<ScaleResult> {
  const dataset = await prepareDataset(options.dir, datasetOptions(scale, options.seed), log);
  await warmUp(dataset);
  const pairs: Pair[] = [];
  const found = new Set<string>();
  let rows = 0;
  let duckdbVersion = '';
  let failure: string | undefined;
  try {
    for (let run = 1; run <= options.runs; run++) {
      const { pair, values, duckdbVersion: version } = await runPair(dataset, options.framework);
      for (const difference of differences(...values)) found.add(difference);
      rows = ['traffic', 'orders', 'survey'].reduce((sum, source) => sum + (values[1][`${source}.rows_read`] ?? 0), 0);
      duckdbVersion = version;
      pairs.push(pair);
      log(`scale ${scale} run ${run}/${options.runs}: journey-kpi ${seconds(pair.journeyKpi.wallMs)}, DuckDB ${seconds(pair.duckdb.wallMs)}`);
    }
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    log(`scale ${scale}: ${failure}`);
  }
  return { scale, dataset, rows, pairs, differences: [...found], duckdbVersion, failure };
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const results: ScaleResult[] = [];
  for (const scale of options.scales) results.push(await measureScale(scale, options));
  const setup = { framework: relative(process.cwd(), options.framework), runs: options.runs, duckdbThreads: DUCKDB_THREADS };
  process.stdout.write(`${benchmarkReport(setup, results)}\n`);
  if (results.some((result) => result.differences.length > 0 || result.failure !== undefined)) process.exitCode = 1;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
