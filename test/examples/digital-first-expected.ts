/**
 * A second, plain computation of every KPI in
 * examples/digital-first/journey.yaml. Amplitude writes UTC without a zone
 * marker and Google Play ISO instants; both are placed by the period's
 * instants in Amsterdam, on CEST (UTC+2) at every Q2 and Q3 boundary.
 * Events that repeat an `$insert_id` count once. Stickiness counts each
 * Amsterdam day's app users; day-N retention follows the period's installs
 * to any app event N days or more later, up to the export's end.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { distinct, mean, numbers, ratio, type CsvRecord, type LocalDays } from './plain.js';

interface AmplitudeEvent {
  user_id: string | null;
  event_type: string;
  event_time: string;
  platform: string;
  session_id: number;
  $insert_id: string;
  event_properties: { duration_sec?: number };
}

const DAY_MS = 86_400_000;
const CEST_MS = 2 * 3_600_000;

export function computeDigitalFirstExpected(dataDir: string, days: LocalDays): Record<string, number | null> {
  const inPeriod = periodTest(days);
  const all = uniqueEvents(join(dataDir, 'amplitude-events.jsonl'));
  const events = all.filter((e) => inPeriod(instant(e)));
  const usersWith = (test: (e: AmplitudeEvent) => boolean) => distinct(events.filter(test).map((e) => e.user_id ?? ''));
  const reviews = readUtf16Csv(join(dataDir, 'play-reviews.csv')).filter((r) => inPeriod(Date.parse(r['Review Submit Date and Time']!)));
  const durations = events.filter((e) => e.event_type === 'Session Ended').map((e) => e.event_properties.duration_sec);
  return {
    web_visits: distinct(events.filter((e) => e.platform === 'Web').map((e) => String(e.session_id))),
    installs: events.filter((e) => e.event_type === '[Amplitude] Application Installed').length,
    session_length: mean(durations.filter((d) => d !== undefined)),
    budget_usage: ratio(usersWith((e) => e.event_type === 'Budget Created'), usersWith((e) => e.platform !== 'Web')),
    store_rating: mean(numbers(reviews.map((r) => r['Star Rating']!))),
    stickiness: stickiness(events.filter(inApp), days),
    retention_d7: returnedAfter(all, inPeriod, 7),
    retention_d30: returnedAfter(all, inPeriod, 30),
  };
}

const inApp = (e: AmplitudeEvent) => e.platform !== 'Web';

function instant(e: AmplitudeEvent): number {
  return Date.parse(`${e.event_time.replace(' ', 'T')}Z`);
}

/** The app users of each Amsterdam day (CEST all through Q2 and Q3), averaged over the period's days, over the period's app users. */
function stickiness(appEvents: readonly AmplitudeEvent[], days: LocalDays): number | null {
  const userDays = new Set(appEvents.map((e) => `${new Date(instant(e) + CEST_MS).toISOString().slice(0, 10)} ${e.user_id}`));
  const dayCount = (Date.parse(days.to) - Date.parse(days.from)) / DAY_MS;
  return ratio(userDays.size / dayCount, distinct(appEvents.map((e) => e.user_id ?? '')));
}

/** Of the users who installed in the period, the share with an app event `afterDays` days or more after their install, at any later time. */
function returnedAfter(all: readonly AmplitudeEvent[], inPeriod: (ms: number) => boolean, afterDays: number): number | null {
  const installs = new Map<string, number>();
  for (const e of all.filter((e) => e.event_type === '[Amplitude] Application Installed' && inPeriod(instant(e)))) {
    if (!installs.has(e.user_id!)) installs.set(e.user_id!, instant(e));
  }
  const returned = [...installs].filter(([user, at]) => all.some((e) => e.user_id === user && inApp(e) && instant(e) >= at + afterDays * DAY_MS));
  return ratio(returned.length, installs.size);
}

/** The period as instants: midnight CEST starts each of its days. */
export function periodTest(days: LocalDays): (ms: number) => boolean {
  const [start, end] = [Date.parse(`${days.from}T00:00:00+02:00`), Date.parse(`${days.to}T00:00:00+02:00`)];
  return (ms) => ms >= start && ms < end;
}

function uniqueEvents(path: string): AmplitudeEvent[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line !== '');
  const byInsertId = new Map<string, AmplitudeEvent>();
  for (const event of lines.map((line) => JSON.parse(line) as AmplitudeEvent)) {
    if (!byInsertId.has(event.$insert_id)) byInsertId.set(event.$insert_id, event);
  }
  return [...byInsertId.values()];
}

function readUtf16Csv(path: string): CsvRecord[] {
  return parse(readFileSync(path, 'utf16le'), { columns: true, bom: true }) as CsvRecord[];
}
