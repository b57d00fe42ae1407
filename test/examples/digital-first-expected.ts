/**
 * A second, plain computation of every KPI in
 * examples/digital-first/journey.yaml. Amplitude writes UTC without a zone
 * marker and Google Play ISO instants; both are placed by the period's
 * instants in Amsterdam, on CEST (UTC+2) at every Q2 and Q3 boundary.
 * Events that repeat an `$insert_id` count once.
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

export function computeDigitalFirstExpected(dataDir: string, days: LocalDays): Record<string, number | null> {
  const inPeriod = periodTest(days);
  const events = uniqueEvents(join(dataDir, 'amplitude-events.jsonl')).filter((e) => inPeriod(Date.parse(`${e.event_time.replace(' ', 'T')}Z`)));
  const usersWith = (test: (e: AmplitudeEvent) => boolean) => distinct(events.filter(test).map((e) => e.user_id ?? ''));
  const reviews = readUtf16Csv(join(dataDir, 'play-reviews.csv')).filter((r) => inPeriod(Date.parse(r['Review Submit Date and Time']!)));
  const durations = events.filter((e) => e.event_type === 'Session Ended').map((e) => e.event_properties.duration_sec);
  return {
    web_visits: distinct(events.filter((e) => e.platform === 'Web').map((e) => String(e.session_id))),
    installs: events.filter((e) => e.event_type === '[Amplitude] Application Installed').length,
    session_length: mean(durations.filter((d) => d !== undefined)),
    budget_usage: ratio(usersWith((e) => e.event_type === 'Budget Created'), usersWith((e) => e.platform !== 'Web')),
    store_rating: mean(numbers(reviews.map((r) => r['Star Rating']!))),
  };
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
