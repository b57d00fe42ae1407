/**
 * The data files of a run, each read once into the engine: --source
 * overrides checked, every file found before the first is read, a source's
 * key applied, progress shown on a terminal. Shared by report, check and
 * validate.
 */
import { recordKeysOf } from '../compute/record-keys.js';
import { error, UserError } from '../core/diagnostics.js';
import type { FileSourceDef, Framework } from '../core/framework.js';
import type { SourceStats } from '../core/report.js';
import { didYouMean } from '../core/suggest.js';
import type { Row } from '../core/values.js';
import { defaultSplit, findFiles, readSources, type ReadOptions } from '../load/data/index.js';
import type { OutputStream } from './io.js';
import { withProgress } from './progress.js';

/** Told the paths of the data files a run will read, before it reads them: a chance to refuse the run early. */
export type BeforeReading = (dataFiles: readonly string[]) => Promise<void>;

type RowTarget = (source: string) => Pick<ReadOptions, 'period' | 'range' | 'onRow' | 'maxReported' | 'columns' | 'split' | 'summaries'> & {
  readonly range?: { readonly purpose: string } | null;
};

/** --threads N: N threads (the main thread and N - 1 workers) instead of the default. */
export function splitFor(threads: number | undefined): Pick<ReadOptions, 'split'> {
  return threads === undefined ? {} : { split: defaultSplit(threads) };
}

/** A source with a key admits the first record of each key: the rows must reach it in file order, one by one. */
function withoutSummaries<T extends { readonly summaries?: unknown }>(rows: T, keyed: boolean): Omit<T, 'summaries'> {
  if (!keyed) return rows;
  const { summaries: _summaries, ...rest } = rows;
  return rest;
}

/**
 * Reads each named file source once, in the order named; --source overrides must name a file source.
 * A source's key drops repeated records here, after period placement and row checks and before any
 * KPI or view sees them, so report, check and validate count the same duplicates.
 * Reads that take more than a second show their progress on `progress` when it is a terminal.
 * Every file is found (globs expanded) before the first is read, and told to `beforeReading`.
 */
export async function streamSources(
  framework: Framework,
  names: readonly string[],
  overrides: ReadonlyMap<string, string>,
  target: RowTarget,
  progress: OutputStream,
  beforeReading: BeforeReading = async () => {},
): Promise<SourceStats[]> {
  const fileSources = framework.sources.filter((source): source is FileSourceDef => source.kind === 'file');
  const unknown = [...overrides.keys()].filter((name) => !fileSources.some((source) => source.name === name));
  if (unknown.length > 0) {
    const known = fileSources.map((source) => source.name);
    throw new UserError(
      unknown.map((name) => error('usage/unknown-source', `--source ${name}=… names no file source.${didYouMean(name, known)} File sources: ${known.join(', ')}`)),
    );
  }
  const read = names.flatMap((name) => fileSources.filter((def) => def.name === name));
  const files = await Promise.all(read.map((source) => findFiles(source, framework.dir, overrides.get(source.name))));
  await beforeReading(files.flat().map((file) => file.path));
  return withProgress(progress, async (onProgress) => {
    const reads = read.map((source, index) => {
      const overridePath = overrides.get(source.name);
      const keys = recordKeysOf(source);
      const rows = target(source.name);
      const options: ReadOptions = {
        baseDir: framework.dir,
        timezone: framework.timezone,
        ...(overridePath !== undefined && { overridePath }),
        files: files[index],
        ...(onProgress !== undefined && { onProgress }),
        ...withoutSummaries(rows, keys !== undefined),
        ...(keys && {
          onRow: (row: Row) => {
            if (keys.admit(row)) rows.onRow(row);
          },
          ...(rows.columns && { columns: new Set([...rows.columns, ...(source.key ?? [])]) }),
        }),
      };
      return { def: source, options, rows, keys };
    });
    const stats = (await readSources(reads)).map((read, index) => {
      const { rows, keys } = reads[index] as (typeof reads)[number];
      const used = rows.range ? { usedFor: rows.range.purpose } : {};
      return { ...read, ...used, ...(keys && { key: keys.stats() }) };
    });
    // Reports list sources in framework order, whatever order they were read in.
    return fileSources.flatMap((def) => stats.filter((stat) => stat.name === def.name));
  });
}
