/** The display text of a KPI's numbers, shared by the table and the check verdict. */
import { formatDelta, formatRelative, formatValue } from '../core/format.js';
import type { KpiResult } from '../core/report.js';

const NONE = '—';

export function valueText(kpi: KpiResult, value: number | null, currency: string | null): string {
  return value === null ? NONE : formatValue(value, kpi.unit, currency);
}

/** Change against the baseline: points for percents, otherwise absolute and relative. */
export function changeText(kpi: KpiResult, currency: string | null): string {
  if (kpi.delta === null) return NONE;
  const absolute = formatDelta(kpi.delta, kpi.unit, currency);
  if (kpi.unit === 'percent' || kpi.deltaRelative === null) return absolute;
  return `${absolute} (${formatRelative(kpi.deltaRelative)})`;
}
