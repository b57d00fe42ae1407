/**
 * A second, plain computation of every KPI in
 * examples/small-business/journey.yaml. The sheets write day-first Lisbon
 * wall-clock times, turned into `YYYY-MM-DD` text to place them by local
 * day; totals are `12,50 €`.
 */
import { join } from 'node:path';
import { field, groupCount, numbers, onDays, ratio, readCsv, sum, type LocalDays } from './plain.js';

export function computeSmallBusinessExpected(dataDir: string, days: LocalDays): Record<string, number | null> {
  const orders = readCsv(join(dataDir, 'orders-sheet.csv')).filter((r) => onDays(dayFirst(field(r, 'Date')), days));
  const revenue = sum(orders.map((r) => Number(field(r, 'Total').replace(' €', '').replace(',', '.'))));
  const perCustomer = groupCount(orders.filter((r) => field(r, 'Customer') !== ''), (r) => field(r, 'Customer'));
  const feedback = readCsv(join(dataDir, 'feedback-form.csv')).filter((r) => onDays(dayFirst(field(r, 'Timestamp')), days));
  const happy = numbers(feedback.map((r) => field(r, 'How happy were you with your visit? (1-5)')));
  return {
    orders: orders.length,
    revenue: orders.length === 0 ? null : revenue,
    average_basket: ratio(revenue, orders.length),
    returning_customers: ratio([...perCustomer.values()].filter((n) => n >= 2).length, perCustomer.size),
    happy_visitors: ratio(happy.filter((answer) => answer >= 4).length, happy.length),
  };
}

/** `03/07/2026 14:05` to `2026-07-03 14:05`. */
function dayFirst(text: string): string {
  const [date = '', time = ''] = text.split(' ');
  const [day, month, year] = date.split('/');
  return `${year}-${month}-${day} ${time}`;
}
