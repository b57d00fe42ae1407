/**
 * A second, plain computation of every KPI in examples/b2b/journey.yaml.
 * HubSpot writes wall-clock times in the portal's zone (America/Chicago, the
 * framework's), so contacts and deals are placed by local day; Delighted
 * writes Unix seconds, placed by the period's instants. Stage conversions
 * follow the contacts created in the period; the win rate, deal size and
 * cycle the deals closed in it; opportunities the deals created in it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { churn, cohorts, field, mean, median, netRevenueRetention, onDays, previousQuarter, ratio, readCsv, type LocalDays } from './plain.js';

const DAY_MS = 86_400_000;
/** Chicago is on CDT (UTC-5) at every quarter boundary of Q2 and Q3. */
const CDT_MIDNIGHT = 'T05:00:00Z';

export function computeB2bExpected(dataDir: string, days: LocalDays): Record<string, number | null> {
  const contacts = readCsv(join(dataDir, 'hubspot-contacts.csv')).filter((r) => onDays(field(r, 'Create Date'), days));
  const reached = (column: string) => contacts.filter((r) => field(r, column) !== '').length;
  const mqls = reached('Became a Marketing Qualified Lead Date');
  const sqls = reached('Became a Sales Qualified Lead Date');

  const deals = readCsv(join(dataDir, 'hubspot-deals.csv'));
  const opportunities = deals.filter((r) => onDays(field(r, 'Create Date'), days)).length;
  const closed = deals.filter((r) => onDays(field(r, 'Close Date'), days));
  const won = closed.filter((r) => field(r, 'Deal Stage') === 'Closed Won');
  const lost = closed.filter((r) => field(r, 'Deal Stage') === 'Closed Lost');
  const winRate = ratio(won.length, won.length + lost.length);
  const dealSize = mean(won.map((r) => field(r, 'Amount')).filter((amount) => amount !== '').map(Number));
  // Create Date is read as a date: its day, not its time, counts.
  const cycle = median(won.map((r) => (Date.parse(field(r, 'Close Date')) - Date.parse(field(r, 'Create Date').slice(0, 10))) / DAY_MS));

  return {
    new_leads: contacts.length,
    lead_to_mql: ratio(mqls, contacts.length),
    mql_to_sql: ratio(sqls, mqls),
    sql_to_opportunity: ratio(reached('Became an Opportunity Date'), sqls),
    opportunities,
    win_rate: winRate,
    average_deal_size: dealSize,
    sales_cycle: cycle,
    pipeline_velocity: winRate === null || dealSize === null || !cycle ? null : (opportunities * winRate * dealSize) / cycle,
    account_nps: nps(npsScores(join(dataDir, 'delighted-nps.json'), days)),
    ...retention(join(dataDir, 'stripe-invoices.csv'), days),
  };
}

/** Logo churn and NRR over the paid Stripe invoices, by customer, against the quarter before. */
function retention(path: string, days: LocalDays) {
  const paid = readCsv(path).filter((r) => field(r, 'Status') === 'paid');
  const instant = (r: (typeof paid)[number]) => Date.parse(`${field(r, 'Date (UTC)').replace(' ', 'T')}Z`);
  const within = ({ from, to }: LocalDays) => (r: (typeof paid)[number]) => instant(r) >= chicagoMidnight(from) && instant(r) < chicagoMidnight(to);
  const accounts = cohorts(paid, (r) => field(r, 'Customer'), (r) => Number(field(r, 'Amount Paid')), within(previousQuarter(days)), within(days));
  return { logo_churn: churn(accounts), net_revenue_retention: netRevenueRetention(accounts) };
}

/** Chicago is on CST (UTC-6) on January 1 and on CDT (UTC-5) at every later quarter boundary of 2026. */
function chicagoMidnight(day: string): number {
  return Date.parse(day + (day < '2026-03-08' ? 'T06:00:00Z' : CDT_MIDNIGHT));
}

interface Response {
  id: string;
  score: number | null;
  created_at: number;
}

/** Scores of the responses in the period, each response id once. */
function npsScores(path: string, days: LocalDays): number[] {
  const [start, end] = [Date.parse(days.from + CDT_MIDNIGHT), Date.parse(days.to + CDT_MIDNIGHT)];
  const unique = new Map((JSON.parse(readFileSync(path, 'utf8')) as Response[]).map((r) => [r.id, r]));
  return [...unique.values()].filter((r) => r.created_at * 1000 >= start && r.created_at * 1000 < end && r.score !== null).map((r) => r.score!);
}

export function nps(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;
}
