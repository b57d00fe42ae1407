/**
 * A second, plain computation of every KPI in
 * examples/product-led/journey.yaml. Both exports are placed by UTC
 * instants (the framework's zone); Mixpanel lines that repeat an
 * `$insert_id` count once, and anonymous events (no `$user_id`) are no user.
 * Activation and time to value follow the period's sign-ups to their first
 * automation, free-to-paid to their first paid invoice, at any time in the
 * files; churn and expansion compare paid invoices with the quarter before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { churn, cohorts, distinct, expansion, field, median, previousQuarter, ratio, readCsv, type CsvRecord, type LocalDays } from './plain.js';

const DAY_MS = 86_400_000;

interface MixpanelLine {
  event: string;
  properties: { time: number; $insert_id: string; $user_id?: string };
}

export function computeProductLedExpected(dataDir: string, days: LocalDays): Record<string, number | null> {
  const inPeriod = within(days);
  const signups = readCsv(join(dataDir, 'signups.csv')).filter((r) => inPeriod(Date.parse(field(r, 'created_at'))));
  const allEvents = uniqueLines(join(dataDir, 'mixpanel-events.jsonl'));
  const events = allEvents.filter((line) => inPeriod(line.properties.time * 1000));
  const usersWith = (event?: string) => distinct(events.filter((line) => event === undefined || line.event === event).map((line) => line.properties.$user_id ?? ''));
  const active = usersWith();
  const automations = allEvents.filter((line) => line.event === 'Automation Created').map((line) => ({ user: line.properties.$user_id ?? '', at: line.properties.time * 1000 }));
  const daysToValue = signups.map((r) => daysToFirst(r, automations)).filter((d) => d !== undefined);
  const paid = readCsv(join(dataDir, 'stripe-invoices.csv')).filter((r) => field(r, 'Status') === 'paid');
  const payments = paid.map((r) => ({ user: field(r, 'account_id (metadata)'), at: invoicedAt(r) }));
  const accounts = cohorts(paid, (r) => field(r, 'account_id (metadata)'), (r) => Number(field(r, 'Amount Paid')), (r) => within(previousQuarter(days))(invoicedAt(r)), (r) => inPeriod(invoicedAt(r)));
  return {
    signups: signups.length,
    active_users: active,
    activation: ratio(daysToValue.filter((d) => d <= 7).length, signups.length),
    time_to_value: median(daysToValue),
    automation_adoption: ratio(usersWith('Automation Created'), active),
    invite_rate: ratio(usersWith('Teammate Invited'), active),
    free_to_paid: ratio(signups.map((r) => daysToFirst(r, payments)).filter((d) => d !== undefined && d <= 30).length, signups.length),
    paid_churn: churn(accounts),
    revenue_expansion: expansion(accounts),
  };
}

function within({ from, to }: LocalDays): (ms: number) => boolean {
  const [start, end] = [Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`)];
  return (ms) => ms >= start && ms < end;
}

function invoicedAt(r: CsvRecord): number {
  return Date.parse(`${field(r, 'Date (UTC)').replace(' ', 'T')}Z`);
}

/** Days from the sign-up to the user's first step at or after it, if any. */
function daysToFirst(signup: CsvRecord, steps: readonly { user: string; at: number }[]): number | undefined {
  const created = Date.parse(field(signup, 'created_at'));
  const after = steps.filter((step) => step.user === field(signup, 'id') && step.at >= created).map((step) => step.at);
  return after.length === 0 ? undefined : (Math.min(...after) - created) / DAY_MS;
}

function uniqueLines(path: string): MixpanelLine[] {
  const byInsertId = new Map<string, MixpanelLine>();
  for (const text of readFileSync(path, 'utf8').split('\n').filter((line) => line !== '')) {
    const line = JSON.parse(text) as MixpanelLine;
    if (!byInsertId.has(line.properties.$insert_id)) byInsertId.set(line.properties.$insert_id, line);
  }
  return [...byInsertId.values()];
}
