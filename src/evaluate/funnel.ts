/** The framework's funnel of count KPIs: how many go on from each step, now and by the baselines, and where most are lost. Pure. */
import type { Funnel, FunnelStep, FunnelTransition } from '../core/findings.js';
import type { KpiResult } from '../core/report.js';
import { nearlyEqual } from '../core/thresholds.js';

export function funnelOf(ids: readonly string[], kpis: readonly KpiResult[]): Funnel {
  const steps = ids.map((id): FunnelStep => {
    const kpi = kpis.find((candidate) => candidate.id === id);
    return { id, name: kpi?.name ?? id, value: kpi?.value ?? null, baseline: kpi?.baseline ?? null };
  });
  const transitions = steps.slice(1).map((to, index) => transitionOf(steps[index] as FunnelStep, to, kpis));
  const basis = transitions.every((transition) => transition.baselineRate !== null) ? 'baseline' : 'rate';
  return { steps, transitions, largestLoss: largestLoss(transitions, basis), basis };
}

function transitionOf(from: FunnelStep, to: FunnelStep, kpis: readonly KpiResult[]): FunnelTransition {
  const baselineRate = from.baseline !== null && to.baseline !== null && from.baseline !== 0 ? to.baseline / from.baseline : null;
  const base = { from: from.id, to: to.id, baselineRate };
  const missing = [from, to].find((step) => step.value === null);
  if (missing !== undefined) return { ...base, rate: null, reason: `${missing.name} has ${whyNoValue(missing.id, kpis)}` };
  if (from.value === 0) return { ...base, rate: null, reason: `${from.name} is 0: none to go on from` };
  return { ...base, rate: (to.value as number) / (from.value as number), reason: null };
}

function whyNoValue(id: string, kpis: readonly KpiResult[]): string {
  return kpis.some((kpi) => kpi.id === id) ? 'no data' : 'no value in this run (left out by --stage or --kpi)';
}

/** Against the baselines: the rate furthest below its baseline rate (none when all hold); without them, the lowest rate. */
function largestLoss(transitions: readonly FunnelTransition[], basis: Funnel['basis']): number | null {
  const scored = transitions.flatMap((transition, index) => {
    if (transition.rate === null) return [];
    if (basis === 'rate') return [{ index, score: transition.rate }];
    // A rate below its baseline rate means that baseline rate is above 0.
    const baselineRate = transition.baselineRate as number;
    if (transition.rate >= baselineRate || nearlyEqual(transition.rate, baselineRate)) return [];
    return [{ index, score: transition.rate / baselineRate }];
  });
  const [lowest] = scored.sort((a, b) => a.score - b.score);
  return lowest?.index ?? null;
}
