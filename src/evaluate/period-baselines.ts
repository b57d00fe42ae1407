/**
 * `baseline: { period: 2026-Q2 }`: a KPI's baseline is its own value over that period of the data, computed in the
 * same pass as the report. Relative targets follow it; a period without a value leaves the KPI without a baseline,
 * and its reason says why. Pure.
 */
import type { Framework, KpiDef } from '../core/framework.js';
import type { ComputedKpi, KpiResult, StageResult } from '../core/report.js';

/** By baseline period label: the values of the KPIs that name it. */
export type PeriodValues = ReadonlyMap<string, ReadonlyMap<string, ComputedKpi>>;

function baselineIn(def: Pick<KpiDef, 'id' | 'baselinePeriod'>, values: PeriodValues): ComputedKpi | undefined {
  return def.baselinePeriod && values.get(def.baselinePeriod.label)?.get(def.id);
}

/** The framework with each KPI's baseline set to its value over its baseline period, where that has one. */
export function rebaseOnPeriods(framework: Framework, values: PeriodValues): Framework {
  const rebase = (kpi: KpiDef): KpiDef => {
    const baseline = baselineIn(kpi, values)?.value;
    return baseline === undefined || baseline === null ? kpi : { ...kpi, baseline };
  };
  return { ...framework, stages: framework.stages.map((stage) => ({ ...stage, kpis: stage.kpis.map(rebase) })) };
}

/** The results of KPIs with a baseline period: which period, and why they have no baseline when it has no value. */
export function withPeriodBaselines(stages: readonly StageResult[], framework: Framework, values: PeriodValues): StageResult[] {
  const defs = new Map(framework.stages.flatMap((stage) => stage.kpis).map((kpi) => [kpi.id, kpi]));
  const annotate = (kpi: KpiResult): KpiResult => {
    const period = defs.get(kpi.id)?.baselinePeriod;
    const baseline = period && baselineIn({ id: kpi.id, baselinePeriod: period }, values);
    if (!period || !baseline) return kpi;
    const marked = { ...kpi, baselineFrom: 'period', baselinePeriod: period.label } as const;
    if (baseline.value !== null) return marked;
    const none = `the baseline period ${period.label} has no value (${baseline.reason ?? 'no value could be computed'})`;
    // A value without a target is the verdict of a relative target without a baseline: say why there is none.
    const reason = kpi.value !== null && kpi.target === null ? `no target: it is relative to the baseline, and ${none}` : `${kpi.reason}; no baseline: ${none}`;
    return { ...marked, reason };
  };
  return stages.map((stage) => ({ ...stage, kpis: stage.kpis.map(annotate) }));
}
