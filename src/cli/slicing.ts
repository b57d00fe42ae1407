/**
 * --compare, --trend, --by and baseline periods: the windows and segments a
 * run computes next to its period, and how their values join the report.
 */
import type { BaselineWindow, SliceResults } from '../compute/slices.js';
import type { ReportWindows } from '../compute/windows.js';
import { error, UserError } from '../core/diagnostics.js';
import type { Framework, KpiDef } from '../core/framework.js';
import type { Period } from '../core/period.js';
import type { Breakdown, ComputedKpi, KpiResult, ReportComparison, ReportTrend, StageResult, WindowedSources } from '../core/report.js';
import { didYouMean } from '../core/suggest.js';
import { segmentLabel, type SegmentLabel } from '../evaluate/segment-label.js';
import { breakdownOf, comparedWith, sliceValue } from '../evaluate/slices.js';
import { trendBuckets } from '../load/buckets.js';
import { comparisonPeriod } from '../load/comparison-period.js';
import { previousPeriod } from '../load/period.js';
import type { ComputeOptions } from './options.js';
import type { EngineSpec } from './piece-summaries.js';

export interface Slicing {
  readonly comparison?: Omit<ReportComparison, keyof WindowedSources>;
  readonly trend?: Omit<ReportTrend, keyof WindowedSources>;
  readonly by: readonly string[];
  /** How each --by column's values read (dates and times as such). */
  readonly labels: ReadonlyMap<string, SegmentLabel>;
}

export function slicingFor(framework: Framework, options: ComputeOptions, period: Period): Slicing {
  const kind = options.compare ?? framework.compare ?? 'none';
  const compared = comparisonPeriod(period, kind);
  const weekStart = framework.weekStart ?? 'monday';
  const by = checkedColumns(framework, options.by ?? []);
  return {
    ...(compared && kind !== 'none' && { comparison: { kind, period: compared } }),
    ...(options.trend !== undefined && { trend: { unit: options.trend, weekStart, buckets: trendBuckets(period, options.trend, weekStart) } }),
    by,
    labels: new Map(by.map((column) => [column, segmentLabel(framework, column)])),
  };
}

/** What the run's engine is planned from: the period, and its windows and segments. */
export function engineSpec(framework: Framework, selected: readonly KpiDef[], period: Period, slicing: Slicing): EngineSpec {
  const request = {
    windows: windowsOf(period),
    ...(slicing.comparison && { comparison: windowsOf(slicing.comparison.period) }),
    ...(slicing.trend && { buckets: slicing.trend.buckets.map(windowsOf) }),
    segments: slicing.by,
    baselines: baselineWindows(selected),
  };
  return { framework, selected: selected.map((kpi) => kpi.id), request };
}

/** One window per distinct baseline period the KPIs name, computing the KPIs that name it. */
function baselineWindows(kpis: readonly KpiDef[]): BaselineWindow[] {
  const byLabel = new Map<string, { period: Period; kpis: Set<string> }>();
  for (const { id, baselinePeriod } of kpis) {
    if (baselinePeriod === undefined) continue;
    const entry = byLabel.get(baselinePeriod.label) ?? { period: baselinePeriod, kpis: new Set<string>() };
    entry.kpis.add(id);
    byLabel.set(baselinePeriod.label, entry);
  }
  return [...byLabel.values()].map(({ period, kpis: ids }) => ({ windows: windowsOf(period), kpis: ids }));
}

/** The stages with each KPI's comparison and trend, and the breakdowns, as the report carries them; `windowed` says which sources the windows cannot place in time. */
export function sliced(stages: readonly StageResult[], kpis: readonly KpiDef[], slicing: Slicing, slices: SliceResults, windowed: WindowedSources) {
  const withSlices = (kpi: KpiResult): KpiResult => ({
    ...kpi,
    ...(slices.comparison && { comparison: comparedWith(kpi, valueIn(slices.comparison, kpi.id)) }),
    ...(slicing.trend && { trend: slices.buckets.map((bucket) => sliceValue(valueIn(bucket, kpi.id))) }),
  });
  const breakdowns: Breakdown[] = slices.segments.map((segment) => ({
    column: segment.column,
    kpis: kpis.map((kpi) => breakdownOf(kpi, segment.values, segment.unsplit.get(kpi.id), slicing.labels.get(segment.column))),
  }));
  return {
    stages: stages.map((stage) => ({ ...stage, kpis: stage.kpis.map(withSlices) })),
    ...(slicing.comparison && { comparison: { ...slicing.comparison, ...windowed } }),
    ...(slicing.trend && { trend: { ...slicing.trend, ...windowed } }),
    ...(breakdowns.length > 0 && { breakdowns }),
  };
}

function windowsOf(period: Period): ReportWindows {
  return { period, previous: previousPeriod(period) };
}

function valueIn(values: ReadonlyMap<string, ComputedKpi>, id: string): ComputedKpi {
  const value = values.get(id);
  if (!value) throw new Error(`a slice has no value for KPI '${id}'`);
  return value;
}

/** --by names a column some file source declares. */
function checkedColumns(framework: Framework, columns: readonly string[]): string[] {
  const declared = [...new Set(framework.sources.flatMap((source) => (source.kind === 'file' ? source.columns.map((column) => column.name) : [])))];
  const unknown = columns.filter((column) => !declared.includes(column));
  if (unknown.length > 0) {
    throw new UserError(
      unknown.map((column) => error('usage/unknown-column', `--by '${column}' is not a column of any source.${didYouMean(column, declared)} Declared columns: ${declared.join(', ')}`)),
    );
  }
  return [...new Set(columns)];
}
