/** A KPI's values in other slices of the rows: the comparison period, trend buckets, segments. Pure. */
import type { KpiDef } from '../core/framework.js';
import type { BreakdownKpi, ComputedKpi, KpiComparison, KpiResult, SliceValue } from '../core/report.js';
import type { Value } from '../core/values.js';
import { finiteOrNull } from './kpi.js';
import type { SegmentLabel } from './segment-label.js';

export function sliceValue(computed: ComputedKpi): SliceValue {
  return computed.value === null ? { value: null, reason: computed.reason ?? 'no data', sample: computed.sample } : { value: computed.value, sample: computed.sample };
}

/** The change from the comparison period's value: absolute, relative, and in percentage points for percent KPIs. */
export function comparedWith(kpi: KpiResult, then: ComputedKpi): KpiComparison {
  const change = kpi.value !== null && then.value !== null ? finiteOrNull(kpi.value - then.value) : null;
  return {
    ...sliceValue(then),
    change,
    changeRelative: change !== null && then.value !== null && then.value !== 0 ? finiteOrNull(change / Math.abs(then.value)) : null,
    changePoints: change !== null && kpi.unit === 'percent' ? change * 100 : null,
  };
}

export interface SegmentValues {
  readonly value: Value;
  readonly kpis: ReadonlyMap<string, ComputedKpi>;
}

/**
 * One KPI per segment: the segments with a value first, best first by the KPI's direction (a segment below
 * min_sample has no value, so it never tops the list), then those without, by name.
 */
export function breakdownOf(kpi: KpiDef, values: readonly SegmentValues[], unsplit: string | undefined, label: SegmentLabel = String): BreakdownKpi {
  if (unsplit !== undefined) return { id: kpi.id, stageId: kpi.stageId, unsplit, segments: [] };
  const segments = values.map(({ value, kpis }) => {
    const computed = kpis.get(kpi.id);
    if (!computed) throw new Error(`segment '${String(value)}' has no value for KPI '${kpi.id}'`);
    return { segment: value === null ? null : label(value), ...sliceValue(computed) };
  });
  const sign = kpi.direction === 'higher' ? -1 : 1;
  segments.sort((a, b) => {
    if (a.value === null || b.value === null) return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0);
    return sign * (a.value - b.value);
  });
  return { id: kpi.id, stageId: kpi.stageId, unsplit: null, segments };
}
