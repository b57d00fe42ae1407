import type { ChalkInstance } from 'chalk';
import { STATUSES, type Report } from '../core/report.js';
import { STATUS_LABELS } from './style.js';

/** `12 KPIs: 7 met, 1 at risk, 3 missed, 1 no data`, coloured by the worst status present. */
export function summaryLine(report: Report, chalk: ChalkInstance): string {
  const { summary } = report;
  const parts = STATUSES.map((status) => `${summary[status]} ${STATUS_LABELS[status]}`);
  const text = `${summary.total} KPI${summary.total === 1 ? '' : 's'}: ${parts.join(', ')}`;
  if (summary.missed > 0) return chalk.red(text);
  if (summary.at_risk > 0 || summary.no_data > 0) return chalk.yellow(text);
  return chalk.green(text);
}
