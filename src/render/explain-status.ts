/** How explain says a status was decided, from the comparisons evaluate made (never decided again here). */
import type { ChalkInstance } from 'chalk';
import type { Explanation } from '../core/explanation.js';
import type { Threshold, Unit } from '../core/framework.js';
import { formatDelta, formatRelative, formatValue } from '../core/format.js';
import type { ThresholdCheck } from '../core/thresholds.js';
import { changeText } from './cells.js';
import { STATUS_LABELS, statusBadge } from './style.js';
import { rows } from './counts.js';
import { printable } from './text.js';

/**
 *   Status: ! at risk
 *     higher is better, level error; baseline 15.00% (+5.00 pp)
 *     20.00% < target 25.00%
 *     20.00% ≥ warn 18.00% → at risk
 */
export function statusBlock(explanation: Explanation, chalk: ChalkInstance): string {
  const { kpi, checks } = explanation;
  const outcome = `→ ${STATUS_LABELS[kpi.status]}`;
  const rule =
    checks.length === 0
      ? [`${kpi.reason} ${outcome}`]
      : checks.map((check, index) => `${comparison(explanation, check)}${index === checks.length - 1 ? ` ${outcome}` : ''}`);
  return [`${chalk.bold('Status:')} ${statusBadge(kpi.status, chalk)}`, `  ${settings(explanation)}`, ...rule.map((line) => `  ${printable(line)}`)].join('\n');
}

function settings({ kpi, minSample, currency }: Explanation): string {
  const direction = kpi.direction === 'higher' ? 'higher is better' : 'lower is better';
  const sample = minSample === null ? '' : `, min_sample ${minSample} (${rows(kpi.sample ?? 0)} behind the value)`;
  const change = kpi.delta === null ? '' : ` (${changeText(kpi, currency)})`;
  const baseline = kpi.baseline === null ? 'no baseline' : `baseline ${formatValue(kpi.baseline, kpi.unit, currency)}${change}`;
  return `${direction}, level ${kpi.level}${sample}; ${baseline}`;
}

/** `20.00% < target 25.00%`; a relative threshold also says what it is relative to. */
function comparison({ kpi, currency, thresholds }: Explanation, check: ThresholdCheck): string {
  const show = (value: number) => formatValue(value, kpi.unit, currency);
  const higher = kpi.direction === 'higher';
  const sign = check.reached ? (higher ? '≥' : '≤') : higher ? '<' : '>';
  const written = check.threshold === 'target' ? thresholds.target : thresholds.warn;
  return `${show(kpi.value ?? 0)} ${sign} ${check.threshold} ${show(check.value)}${relativeTo(written, kpi.unit)}`;
}

function relativeTo(threshold: Threshold | null, unit: Unit): string {
  if (threshold?.kind === 'relative') return ` (the baseline ${formatRelative(threshold.ratio)})`;
  if (threshold?.kind === 'points') return ` (the baseline ${formatDelta(threshold.points / 100, unit)})`;
  return '';
}
