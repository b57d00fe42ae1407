/** The JSON of --compare, --trend and --by: fields present only when asked for (see README, "JSON output"). */
import type { Breakdown, KpiResult, Report, SliceValue } from '../core/report.js';
import { periodJson } from './json.js';

export function slicesJson(report: Report) {
  const { comparison, trend, breakdowns } = report;
  return {
    ...(comparison && { comparison: { kind: comparison.kind, period: periodJson(comparison.period), sources_without_time: comparison.sourcesWithoutTime } }),
    ...(trend && { trend: { unit: trend.unit, week_start: trend.weekStart, buckets: trend.buckets.map(periodJson), sources_without_time: trend.sourcesWithoutTime } }),
    ...(breakdowns && { breakdowns: breakdowns.map(breakdownJson) }),
  };
}

export function kpiSlicesJson(kpi: KpiResult) {
  const { comparison, trend } = kpi;
  return {
    ...(comparison && {
      comparison: { ...sliceJson(comparison), change: comparison.change, change_relative: comparison.changeRelative, change_points: comparison.changePoints },
    }),
    ...(trend && { trend: trend.map(sliceJson) }),
  };
}

function breakdownJson(breakdown: Breakdown) {
  return {
    column: breakdown.column,
    kpis: breakdown.kpis.map((kpi) => ({
      id: kpi.id,
      stage: kpi.stageId,
      unsplit: kpi.unsplit,
      segments: kpi.segments.map((segment) => ({ segment: segment.segment, ...sliceJson(segment) })),
    })),
  };
}

function sliceJson(slice: SliceValue) {
  return { value: slice.value, reason: slice.reason ?? null, sample: slice.sample };
}
