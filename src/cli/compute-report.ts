/**
 * The pipeline behind report and check: resolve the period, plan the KPIs,
 * stream each source file once into the engine (stream-sources.ts),
 * evaluate against baselines and targets.
 */
import { relative } from 'node:path';
import type { Engine } from '../compute/engine.js';
import { error, UserError } from '../core/diagnostics.js';
import type { Framework, KpiDef } from '../core/framework.js';
import type { Period } from '../core/period.js';
import type { ComputedKpi, Report } from '../core/report.js';
import { didYouMean } from '../core/suggest.js';
import { summarize } from '../evaluate/index.js';
import { resolvePeriod } from '../load/period.js';
import type { Io } from './io.js';
import type { ComputeOptions } from './options.js';
import { parseSourceOverrides } from './options.js';
import { evaluatePeriodBaselines } from './evaluate-stages.js';
import { engineOf, rowSummaries } from './piece-summaries.js';
import { engineSpec, sliced, slicingFor } from './slicing.js';
import { splitFor, streamSources, type BeforeReading } from './stream-sources.js';

/** A computed run: the report, and the engine and values it came from, for a closer look (explain). */
export interface Run {
  readonly framework: Framework;
  readonly report: Report;
  readonly engine: Engine;
  readonly computed: ReadonlyMap<string, ComputedKpi>;
}

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
