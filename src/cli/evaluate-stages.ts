/** The selected KPIs' values against their baselines and targets, the baselines computed over a period included. */
import type { Framework, KpiDef } from '../core/framework.js';
import type { ComputedKpi, StageResult } from '../core/report.js';
import { evaluateKpi } from '../evaluate/index.js';
import { rebaseOnPeriods, withPeriodBaselines, type PeriodValues } from '../evaluate/period-baselines.js';

/**
 * The stages of evaluated KPIs, and the framework with each baseline computed over a period as the KPI's
 * baseline, which the run keeps so that explain resolves relative targets as report does.
 */
export function evaluatePeriodBaselines(framework: Framework, selected: readonly KpiDef[], computed: ReadonlyMap<string, ComputedKpi>, baselines: PeriodValues) {
  const rebased = rebaseOnPeriods(framework, baselines);
  return { rebased, evaluated: withPeriodBaselines(evaluateStages(rebased, selected, computed), rebased, baselines) };
}

function evaluateStages(framework: Framework, selected: readonly KpiDef[], computed: ReadonlyMap<string, ComputedKpi>): StageResult[] {
  return framework.stages
    .map((stage) => ({
      id: stage.id,
      name: stage.name,
      touchpoints: stage.touchpoints,
      kpis: stage.kpis
        .filter((kpi) => selected.some((chosen) => chosen.id === kpi.id))
        .map((kpi) => evaluateKpi(kpi, computedValue(computed, kpi.id), framework.currency ?? null)),
    }))
    .filter((stage) => stage.kpis.length > 0);
}

function computedValue(computed: ReadonlyMap<string, ComputedKpi>, id: string): ComputedKpi {
  const value = computed.get(id);
  if (!value) throw new Error(`engine returned no value for KPI '${id}'`);
  return value;
}
