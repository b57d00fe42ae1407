/**
 * Where the journey excels and where it falters, from the results alone: each
 * KPI's distance to its target, relative so that units compare, turned so that
 * positive is better; stages by their weakest KPI; the funnel's steps. Pure.
 */
import type { Findings, KpiStanding, StageStanding } from '../core/findings.js';
import type { KpiResult, StageResult } from '../core/report.js';
import { funnelOf } from './funnel.js';
import { summarize } from './summary.js';

export function findingsOf(stages: readonly StageResult[], funnel: readonly string[] | undefined): Findings {
  const kpis = stages.flatMap((stage) => stage.kpis);
  const standings = kpis.flatMap((kpi) => {
    const standing = standingOf(kpi);
    return standing ? [standing] : [];
  });
  const stageStandings = stages.flatMap((stage) => stageStandingOf(stage, standings));
  const short = (standing: { status: string }) => standing.status !== 'met';
  return {
    shortfalls: standings.filter(short).sort(byRelativeMargin),
    strengths: standings.filter((standing) => !short(standing)).sort((a, b) => byRelativeMargin(b, a)),
    falters: stageStandings.filter((stage) => stage.counts.missed + stage.counts.at_risk > 0).sort((a, b) => byRelativeMargin(a.weakest, b.weakest)),
    excels: stageStandings.filter((stage) => stage.counts.missed + stage.counts.at_risk === 0).sort((a, b) => byRelativeMargin(b.weakest, a.weakest)),
    funnel: funnel === undefined ? null : funnelOf(funnel, kpis),
    leftOut: kpis.filter((kpi) => !standings.some((standing) => standing.id === kpi.id)).map((kpi) => kpi.id),
  };
}

/** A KPI's margin to its target; none without a value or a target, or when its status says the value cannot be trusted. */
function standingOf(kpi: KpiResult): KpiStanding | null {
  if (kpi.value === null || kpi.target === null || kpi.status === 'no_data') return null;
  const better = kpi.direction === 'higher' ? 1 : -1;
  const margin = better * (kpi.value - kpi.target);
  const { id, name, stageId, unit, direction, status } = kpi;
  return { id, name, stageId, unit, direction, status, margin, marginRelative: kpi.target === 0 ? null : margin / Math.abs(kpi.target) };
}

function stageStandingOf(stage: StageResult, standings: readonly KpiStanding[]): StageStanding[] {
  const own = standings.filter((standing) => standing.stageId === stage.id);
  // A shortfall against a target of 0 has no relative size, yet is weaker than any KPI that meets its target.
  const [weakest] = [...own.filter((standing) => standing.status !== 'met').sort(byRelativeMargin), ...own.sort(byRelativeMargin)];
  if (weakest === undefined) return [];
  return [{ id: stage.id, name: stage.name, counts: summarize(stage.kpis), weakest }];
}

/** Smallest relative margin first; a margin against a target of 0 has no relative size and goes last, by its own size. */
function byRelativeMargin(a: KpiStanding, b: KpiStanding): number {
  if (a.marginRelative === null || b.marginRelative === null) {
    if (a.marginRelative !== b.marginRelative) return a.marginRelative === null ? 1 : -1;
    return a.margin - b.margin;
  }
  return a.marginRelative - b.marginRelative;
}
