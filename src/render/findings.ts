/** The findings in words: one sentence on where the journey excels and where it falters, then the figures behind it. */
import type { ChalkInstance } from 'chalk';
import type { Findings, Funnel, FunnelTransition, KpiStanding, StageStanding } from '../core/findings.js';
import { formatDistance, formatShare, formatValue } from '../core/format.js';
import { DIRECTIONS, nearlyEqual } from '../core/thresholds.js';
import { STATUSES } from '../core/report.js';
import { STATUS_LABELS } from './style.js';
import { printable } from './text.js';

/** How many KPIs each ranking shows; the JSON has them all. */
const SHOWN = 3;

export function findingsBlock(findings: Findings, currency: string | null, chalk: ChalkInstance): string {
  const kpiLines = (standings: readonly KpiStanding[]) => standings.slice(0, SHOWN).map((standing) => `    ${printable(standing.name)}: ${distanceText(standing, currency)}`);
  const lines = [
    `  ${findingsHeadline(findings, currency)}`,
    ...stagesLine('Falters', findings.falters),
    ...stagesLine('Excels', findings.excels),
    ...(findings.shortfalls.length > 0 ? ['  Furthest from target', ...kpiLines(findings.shortfalls)] : []),
    ...(findings.strengths.length > 0 ? ['  Furthest past target', ...kpiLines(findings.strengths)] : []),
    ...(findings.funnel ? funnelLines(findings.funnel) : []),
    ...(findings.leftOut.length > 0 ? [`  Left out (no value, or no target to compare with): ${findings.leftOut.join(', ')}`] : []),
  ];
  return [chalk.bold('Findings'), ...lines].join('\n');
}

/** `Checkout sessions is 40.2% above its target, but Conversion rate is 1.45 pp below its target: the largest loss is …`. */
export function findingsHeadline(findings: Findings, currency: string | null): string {
  const [best] = findings.strengths;
  const [worst] = findings.shortfalls;
  const loss = lossText(findings.funnel);
  if (worst && best) return printable(`${best.name} is ${headlineDistance(best, currency)} its target, but ${worst.name} is ${headlineDistance(worst, currency)} its target${loss}.`);
  if (worst) return printable(`No KPI meets its target; ${worst.name} is furthest from it, ${headlineDistance(worst, currency)}${loss}.`);
  if (best) return printable(`Every KPI with a value meets its target; ${best.name} is furthest past it, ${headlineDistance(best, currency)}${loss}.`);
  return 'No KPI has both a value and a target to compare.';
}

/** `1.45 pp below the target (45.3% short)`. */
function distanceText(standing: KpiStanding, currency: string | null): string {
  if (nearlyEqual(standing.margin, 0)) return 'on the target';
  const relative = standing.marginRelative === null ? '' : ` (${formatShare(standing.marginRelative)} ${standing.margin < 0 ? 'short' : 'past'})`;
  return `${formatDistance(standing.margin, standing.unit, currency)} ${sideOf(standing)} the target${relative}`;
}

/** Points for percents, else relative when the target allows it: units compare in a sentence. */
function headlineDistance(standing: KpiStanding, currency: string | null): string {
  if (nearlyEqual(standing.margin, 0)) return 'on';
  const size = standing.unit === 'percent' || standing.marginRelative === null ? formatDistance(standing.margin, standing.unit, currency) : formatShare(standing.marginRelative);
  return `${size} ${sideOf(standing)}`;
}

function sideOf(standing: KpiStanding): string {
  const rule = DIRECTIONS[standing.direction];
  return standing.margin < 0 ? rule.short : rule.beyond;
}

/** `Falters: Purchase (5 KPIs: 3 missed, 1 at risk), Advocacy (3 KPIs: 1 at risk)`. */
function stagesLine(label: string, stages: readonly StageStanding[]): string[] {
  if (stages.length === 0) return [];
  const counts = (stage: StageStanding) => {
    if (stage.counts.met === stage.counts.total) return 'all met';
    return STATUSES.filter((status) => status !== 'met' || stage.counts.at_risk + stage.counts.missed === 0)
      .filter((status) => stage.counts[status] > 0)
      .map((status) => `${stage.counts[status]} ${STATUS_LABELS[status]}`)
      .join(', ');
  };
  const kpis = (total: number) => `${total} KPI${total === 1 ? '' : 's'}`;
  return [`  ${label}: ${stages.map((stage) => printable(`${stage.name} (${kpis(stage.counts.total)}: ${counts(stage)})`)).join(', ')}`];
}

function lossText(funnel: Findings['funnel']): string {
  const loss = funnel && funnel.largestLoss !== null ? funnel.transitions[funnel.largestLoss] : undefined;
  if (!funnel || !loss) return '';
  return `: the largest loss is from ${stepName(funnel, loss.from)} to ${stepName(funnel, loss.to)}, where ${rateText(loss)}`;
}

function funnelLines(funnel: Funnel): string[] {
  const heading = funnel.basis === 'baseline' ? '  Funnel (share that goes on from each step, and by the baselines)' : '  Funnel (share that goes on from each step)';
  const line = (transition: FunnelTransition, index: number) => {
    const step = (id: string) => {
      const found = funnel.steps.find((candidate) => candidate.id === id);
      return found?.value == null ? (found?.name ?? id) : `${found.name} ${formatValue(found.value, 'count')}`;
    };
    const rate = transition.rate === null ? `no rate, ${transition.reason}` : rateText(transition);
    const mark = index === funnel.largestLoss ? '  ← largest loss' : '';
    return printable(`    ${step(transition.from)} → ${step(transition.to)}: ${rate}${mark}`);
  };
  return [heading, ...funnel.transitions.map(line)];
}

/** `22.97% go on (baseline 50.00%)`. */
function rateText(transition: FunnelTransition): string {
  const rate = `${formatValue(transition.rate as number, 'percent')} go on`;
  return transition.baselineRate === null ? rate : `${rate} (baseline ${formatValue(transition.baselineRate, 'percent')})`;
}

function stepName(funnel: Funnel, id: string): string {
  return funnel.steps.find((step) => step.id === id)?.name ?? id;
}
