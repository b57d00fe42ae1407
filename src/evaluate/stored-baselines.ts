/**
 * `--baseline FILE`: an earlier run's values become this run's baselines, so
 * "did we get worse since the last release" needs no server. Relative targets
 * (`+5%`, `+1.5pp`) follow the stored baseline. Pure.
 */
import { warning, type Diagnostic } from '../core/diagnostics.js';
import type { Framework, KpiDef } from '../core/framework.js';
import type { KpiResult, Report } from '../core/report.js';
import type { StoredRun } from '../core/stored-run.js';

type StoredBaseline = { readonly value: number } | { readonly missing: string };

function storedBaselineOf(def: Pick<KpiDef, 'id' | 'unit'>, stored: StoredRun): StoredBaseline {
  const kpi = stored.kpis.get(def.id);
  if (kpi === undefined) return { missing: 'not in it' };
  if (kpi.unit !== def.unit) return { missing: `a ${kpi.unit} there, a ${def.unit} here` };
  return kpi.value === null ? { missing: 'no value in it' } : { value: kpi.value };
}

/** The framework with each KPI's baseline replaced by the stored value, where the stored run has one in the same unit. */
export function rebaseOnStoredRun(framework: Framework, stored: StoredRun): Framework {
  const rebase = (kpi: KpiDef): KpiDef => {
    const baseline = storedBaselineOf(kpi, stored);
    if (!('value' in baseline)) return kpi;
    // The stored value wins over a baseline period: the run need not compute it.
    const { baselinePeriod: _computed, ...rest } = kpi;
    return { ...rest, baseline: baseline.value };
  };
  return { ...framework, stages: framework.stages.map((stage) => ({ ...stage, kpis: stage.kpis.map(rebase) })) };
}

/** The report of a rebased framework, saying where each baseline came from and what the stored run could not give. */
export function withStoredRun(report: Report, stored: StoredRun): Report {
  const kpis = report.stages.flatMap((stage) => stage.kpis);
  const origin = (kpi: KpiResult) => ('value' in storedBaselineOf(kpi, stored) ? 'stored' : (kpi.baselineFrom ?? 'framework'));
  const problems = [...mismatch(report, stored), ...keptBaselines(kpis, stored)];
  return {
    ...report,
    stages: report.stages.map((stage) => ({ ...stage, kpis: stage.kpis.map((kpi) => ({ ...kpi, baselineFrom: origin(kpi) })) })),
    storedRun: { file: stored.file, journey: stored.journey, framework: stored.framework, period: stored.period, problems },
  };
}

function mismatch(report: Report, stored: StoredRun): Diagnostic[] {
  if (stored.journey === report.journey && stored.framework === report.framework) return [];
  return [
    warning(
      'baseline/other-framework',
      `--baseline ${stored.file} is a run of '${stored.journey}' (${stored.framework}), this is '${report.journey}' (${report.framework}): ` +
        'its values are the baselines of the KPIs with the same id all the same; pass a baseline stored from this framework if that is not what you meant',
    ),
  ];
}

/** One warning for every KPI that keeps the framework's baseline, each with why. */
function keptBaselines(kpis: readonly KpiResult[], stored: StoredRun): Diagnostic[] {
  const kept = kpis.flatMap((kpi) => {
    const baseline = storedBaselineOf(kpi, stored);
    return 'missing' in baseline ? [`${kpi.id} (${baseline.missing})`] : [];
  });
  if (kept.length === 0) return [];
  const count = kept.length === 1 ? '1 KPI keeps' : `${kept.length} KPIs keep`;
  return [warning('baseline/kept', `--baseline ${stored.file}: ${count} the framework's baseline: ${kept.join(', ')}`)];
}
