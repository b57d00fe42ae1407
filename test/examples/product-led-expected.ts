/**
 * A second, plain computation of every KPI in
 * examples/product-led/journey.yaml. Both exports are placed by UTC
 * instants (the framework's zone); Mixpanel lines that repeat an
 * `$insert_id` count once, and anonymous events (no `$user_id`) are no user.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distinct, field, ratio, readCsv, type LocalDays } from './plain.js';

interface MixpanelLine {
  event: string;
  properties: { time: number; $insert_id: string; $user_id?: string };
}

export function computeProductLedExpected(dataDir: string, days: LocalDays): Record<string, number | null> {
  const [start, end] = [Date.parse(`${days.from}T00:00:00Z`), Date.parse(`${days.to}T00:00:00Z`)];
  const inPeriod = (ms: number) => ms >= start && ms < end;
  const signups = readCsv(join(dataDir, 'signups.csv')).filter((r) => inPeriod(Date.parse(field(r, 'created_at'))));
  const events = uniqueLines(join(dataDir, 'mixpanel-events.jsonl')).filter((line) => inPeriod(line.properties.time * 1000));
  const usersWith = (event?: string) => distinct(events.filter((line) => event === undefined || line.event === event).map((line) => line.properties.$user_id ?? ''));
  const active = usersWith();
  return {
    signups: signups.length,
    active_users: active,
    automation_adoption: ratio(usersWith('Automation Created'), active),
    invite_rate: ratio(usersWith('Teammate Invited'), active),
    free_to_paid: ratio(signups.filter((r) => field(r, 'paid_at') !== '').length, signups.length),
  };
}

function uniqueLines(path: string): MixpanelLine[] {
  const byInsertId = new Map<string, MixpanelLine>();
  for (const text of readFileSync(path, 'utf8').split('\n').filter((line) => line !== '')) {
    const line = JSON.parse(text) as MixpanelLine;
    if (!byInsertId.has(line.properties.$insert_id)) byInsertId.set(line.properties.$insert_id, line);
  }
  return [...byInsertId.values()];
}
