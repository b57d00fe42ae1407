/** How many KPIs ended in each status. */
import { STATUSES, type KpiResult, type Status, type StatusCounts } from '../core/report.js';

export function summarize(results: readonly KpiResult[]): StatusCounts & { readonly total: number } {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
  for (const result of results) counts[result.status] += 1;
  return { ...counts, total: results.length };
}
