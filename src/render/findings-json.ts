/** The findings in the JSON report (README "JSON output", schema/report.schema.json `findings`). */
import type { Findings, Funnel, KpiStanding, StageStanding } from '../core/findings.js';
import { findingsHeadline } from './findings.js';

export function findingsJson(findings: Findings, currency: string | null) {
  return {
    headline: findingsHeadline(findings, currency),
    shortfalls: findings.shortfalls.map(standingJson),
    strengths: findings.strengths.map(standingJson),
    falters: findings.falters.map(stageJson),
    excels: findings.excels.map(stageJson),
    funnel: findings.funnel && funnelJson(findings.funnel),
    left_out: findings.leftOut,
  };
}

function standingJson(standing: KpiStanding) {
  const { id, name, unit, direction, status, margin } = standing;
  return { stage: standing.stageId, id, name, unit, direction, status, margin, margin_relative: standing.marginRelative };
}

function stageJson(stage: StageStanding) {
  return { id: stage.id, name: stage.name, counts: stage.counts, weakest: stage.weakest.id };
}

function funnelJson(funnel: Funnel) {
  const loss = funnel.largestLoss === null ? undefined : funnel.transitions[funnel.largestLoss];
  return {
    basis: funnel.basis,
    steps: funnel.steps,
    transitions: funnel.transitions.map(({ from, to, rate, baselineRate, reason }) => ({ from, to, rate, baseline_rate: baselineRate, reason })),
    largest_loss: loss ? { from: loss.from, to: loss.to } : null,
  };
}
