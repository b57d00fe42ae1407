/**
 * The `check` gate: which KPIs fail it. Level-error KPIs whose status is in
 * the fail-on set fail; level-warn KPIs with such a status are only warned
 * about; level-off KPIs are never gated. A level-warn KPI with an
 * error-level problem fails too.
 */
import type { KpiResult, Report, Status } from '../core/report.js';

export const DEFAULT_FAIL_ON: readonly Status[] = ['missed', 'no_data'];

export interface GateResult {
  readonly passed: boolean;
  readonly failOn: readonly Status[];
  readonly failures: readonly KpiResult[];
  readonly warnings: readonly KpiResult[];
  readonly checked: number;
}

export function applyGate(report: Report, failOn: readonly Status[] = DEFAULT_FAIL_ON): GateResult {
  const kpis = report.stages.flatMap((stage) => stage.kpis);
  const tripped = (kpi: KpiResult) => failOn.includes(kpi.status);
  // `--fail-on none` (no status) only reports, data faults included.
  const faulty = (kpi: KpiResult) => failOn.length > 0 && hasError(kpi);
  const failures = kpis.filter((kpi) => (kpi.level === 'error' && tripped(kpi)) || faulty(kpi));
  const warnings = kpis.filter((kpi) => kpi.level === 'warn' && tripped(kpi) && !faulty(kpi));
  return {
    passed: failures.length === 0,
    failOn,
    failures,
    warnings,
    // `--fail-on none` checks nothing.
    checked: failOn.length === 0 ? 0 : kpis.filter((kpi) => kpi.level !== 'off').length,
  };
}

/** A fault in the KPI's data (amounts in mixed currencies) fails it at level warn too: its number would be wrong, not short. */
function hasError(kpi: KpiResult): boolean {
  return kpi.level !== 'off' && (kpi.problems?.some((problem) => problem.severity === 'error') ?? false);
}

/** What the gate made of one KPI: it failed, it warned (level warn), it passed, or it is not gated (level off). */
export type GateOutcome = 'failed' | 'warned' | 'passed' | 'off';

export function gateOutcome(gate: GateResult, kpi: KpiResult): GateOutcome {
  if (kpi.level === 'off') return 'off';
  if (gate.failures.includes(kpi)) return 'failed';
  return gate.warnings.includes(kpi) ? 'warned' : 'passed';
}

/** The failing KPIs first, then the rest in framework order: what a reader of a summary wants to see first. */
export function failuresFirst(report: Report, gate: GateResult): KpiResult[] {
  const rest = report.stages.flatMap((stage) => stage.kpis).filter((kpi) => !gate.failures.includes(kpi));
  return [...gate.failures, ...rest];
}

/** The gated KPIs that are not met, failing ones first: what the verdict and the annotations name. */
export function notMet(report: Report, gate: GateResult): KpiResult[] {
  return failuresFirst(report, gate).filter((kpi) => gateOutcome(gate, kpi) !== 'off' && kpi.status !== 'met');
}
