/** One row per KPI for spreadsheets: raw numbers at full precision, percents as fractions, control characters in text as `\u001b`. */
import type { Report } from '../core/report.js';
import { printable } from './text.js';

const HEADER = [
  'stage_id', 'stage', 'kpi_id', 'kpi', 'owner', 'unit', 'direction', 'level', 'value', 'baseline', 'target', 'warn',
  'delta', 'delta_relative', 'status', 'reason', 'sample',
] as const;

export function renderCsv(report: Report): string {
  const rows: (string | number | null)[][] = [[...HEADER]];
  for (const stage of report.stages) {
    for (const kpi of stage.kpis) {
      rows.push([
        stage.id, stage.name, kpi.id, kpi.name, kpi.owner, kpi.unit, kpi.direction, kpi.level, kpi.value, kpi.baseline,
        kpi.target, kpi.warn, kpi.delta, kpi.deltaRelative, kpi.status, kpi.reason, kpi.sample,
      ]);
    }
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? printable(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
