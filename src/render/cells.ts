/** The display text of a KPI's numbers, shared by every renderer that shows them. */
import { formatDelta, formatRelative, formatValue } from '../core/format.js';
import type { KpiResult, Report } from '../core/report.js';
import { printable } from './text.js';
import { STATUS_LABELS } from './style.js';

const NONE = '—';

export function valueText(kpi: KpiResult, value: number | null, currency: string | null): string {
  return value === null ? NONE : formatValue(value, kpi.unit, currency);
}

/** `≥ 3.20%` (higher is better) or `≤ 65.00%` (lower is better). */
export function targetText(kpi: KpiResult, currency: string | null): string {
  return `${kpi.direction === 'lower' ? '≤' : '≥'} ${valueText(kpi, kpi.target, currency)}`;
}

/** Change against the baseline: points for percents, otherwise absolute and relative. */
export function changeText(kpi: KpiResult, currency: string | null): string {
  return deltaText(kpi, kpi.delta, kpi.deltaRelative, currency);
}

/** `+155 (+18.9%)`, `−0.40 pp`: a change in the KPI's unit, and relative unless it is a percent. */
export function deltaText(kpi: KpiResult, delta: number | null, relative: number | null, currency: string | null): string {
  if (delta === null) return NONE;
  const absolute = formatDelta(delta, kpi.unit, currency);
  if (kpi.unit === 'percent' || relative === null) return absolute;
  return `${absolute} (${formatRelative(relative)})`;
}

/** `purchase.cart_abandonment`: how the verdicts name a KPI. */
export function kpiRef(kpi: KpiResult): string {
  return `${kpi.stageId}.${kpi.id}`;
}

/** `missed: 50.00% is above the target 45.00%`; a met KPI's reason already starts with `met:`. */
export function statusReason(kpi: KpiResult): string {
  return kpi.status === 'met' ? kpi.reason : `${STATUS_LABELS[kpi.status]}: ${kpi.reason}`;
}

/** `Baselines from main-kpis.json (2026-Q3) where it has the KPI`, with --baseline; else null. */
export function storedRunLine(report: Report): string | null {
  const stored = report.storedRun;
  return stored ? printable(`Baselines from ${stored.file} (${stored.period}) where it has the KPI`) : null;
}
