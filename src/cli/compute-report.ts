/**
 * The pipeline behind report and check: load the framework, resolve the
 * period, plan the KPIs, stream each source file once into the engine,
 * evaluate against baselines and targets.
 */
import { relative } from 'node:path';
import type { Engine } from '../compute/engine.js';
import { recordKeysOf } from '../compute/record-keys.js';
import { error, UserError } from '../core/diagnostics.js';
import type { FileSourceDef, Framework, KpiDef } from '../core/framework.js';
import type { Period } from '../core/period.js';
import type { ComputedKpi, Report, SourceStats } from '../core/report.js';
import type { Row } from '../core/values.js';
import { didYouMean } from '../core/suggest.js';
import { summarize } from '../evaluate/index.js';
import { defaultSplit, findFiles, readSources, type ReadOptions } from '../load/data/index.js';
import { resolvePeriod } from '../load/period.js';
import type { Io, OutputStream } from './io.js';
import type { ComputeOptions } from './options.js';
import { parseSourceOverrides } from './options.js';
import { evaluatePeriodBaselines } from './evaluate-stages.js';
import { withProgress } from './progress.js';
import { engineOf, rowSummaries } from './piece-summaries.js';
import { engineSpec, sliced, slicingFor } from './slicing.js';

/** A computed run: the report, and the engine and values it came from, for a closer look (explain). */
export interface Run {
  readonly framework: Framework;
  readonly report: Report;
  readonly engine: Engine;
  readonly computed: ReadonlyMap<string, ComputedKpi>;
}

/** Told the paths of the data files a run will read, before it reads them: a chance to refuse the run early. */
export type BeforeReading = (dataFiles: readonly string[]) => Promise<void>;

export async function computeRun(framework: Framework, options: ComputeOptions, io: Pick<Io, 'cwd' | 'stderr'>, beforeReading?: BeforeReading): Promise<Run> {
  const period = periodFor(framework, options);
  const selected = selectKpis(framework, options);
  const slicing = slicingFor(framework, options, period);
  const spec = engineSpec(framework, selected, period, slicing);
  const engine = engineOf(spec);
  const overrides = parseSourceOverrides(options.source);
  const rowTarget = (source: string) => {
    const summaries = rowSummaries(engine, spec, source);
    return {
      period,
      range: engine.rangeOf(source),
      onRow: engine.rowSink(source),
      columns: engine.columnsRead(source),
      ...(summaries && { summaries }),
      ...splitFor(options.threads),
    };
  };
  const sources = await streamSources(framework, engine.sources, overrides, rowTarget, io.stderr, beforeReading);
  const computed = engine.finish();
  const results = engine.slices();
  const { rebased, evaluated } = evaluatePeriodBaselines(framework, selected, computed, results.baselines);
  const { stages, ...slices } = sliced(evaluated, selected, slicing, results, { sourcesWithoutTime: sourcesWithoutTime(framework, engine.sources) });
  const report = {
    journey: framework.journey,
    framework: relative(io.cwd, framework.file) || framework.file,
    period,
    currency: framework.currency ?? null,
    sources,
    stages,
    summary: summarize(stages.flatMap((stage) => stage.kpis)),
    ...slices,
  };
  return { framework: rebased, report, engine, computed };
}

/** The file sources among `read` that have no time column: every window of a comparison or a trend counts all their rows. */
function sourcesWithoutTime(framework: Framework, read: readonly string[]): string[] {
  return framework.sources.filter((source) => source.kind === 'file' && source.time === undefined && read.includes(source.name)).map((source) => source.name);
}

function periodFor(framework: Framework, options: ComputeOptions): Period {
  const usesRange = options.from !== undefined || options.to !== undefined;
  const period = options.period ?? (usesRange ? undefined : framework.period);
  if (period === undefined && !usesRange) {
    throw new UserError(
      error('usage/no-period', `${framework.file} sets no period: add 'period: 2026-Q3' to it, or pass --period or --from/--to`),
    );
  }
  return resolvePeriod({ period, from: options.from, to: options.to }, framework.timezone);
}

/** KPIs chosen by --stage and --kpi (all when neither is given); unknown ids are usage errors. */
function selectKpis(framework: Framework, options: Pick<ComputeOptions, 'stage' | 'kpi'>): KpiDef[] {
  const stageIds = framework.stages.map((stage) => stage.id);
  const all = framework.stages.flatMap((stage) => stage.kpis);
  const problems = [
    ...unknownIds('stage', options.stage, stageIds),
    ...unknownIds('kpi', options.kpi, all.map((kpi) => kpi.id)),
  ];
  if (problems.length > 0) throw new UserError(problems);
  return all.filter(
    (kpi) =>
      (options.stage.length === 0 || options.stage.includes(kpi.stageId)) &&
      (options.kpi.length === 0 || options.kpi.includes(kpi.id)),
  );
}

function unknownIds(kind: 'stage' | 'kpi', wanted: readonly string[], known: readonly string[]) {
  return wanted
    .filter((id) => !known.includes(id))
    .map((id) => error(`usage/unknown-${kind}`, `--${kind} '${id}' is not in the framework.${didYouMean(id, known)} Known: ${known.join(', ')}`));
}

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
