/**
 * `amplitude-events.jsonl`: Amplitude's Export API, unzipped: one JSON
 * object per line, `event_time` in UTC without a zone marker and with
 * microseconds, `session_id` in milliseconds, and one event delivered
 * twice with the same `$insert_id`. Each session is a web visit or an app
 * session; an app session can begin with the install and ends with the
 * app's own `Session Ended` event carrying its length.
 */
import { CsvFile } from '../csv-writer.js';
import { naiveUtc } from '../clock.js';
import type { Random } from '../random.js';
import { quarters, recordTime, seasonAt } from '../seasons.js';

export const DIGITAL_ZONE = 'Europe/Amsterdam';

interface Mood {
  /** Share of sessions on the web, and chance an app session is a first one (an install). */
  readonly web: number;
  readonly install: number;
  readonly sessionSeconds: readonly [number, number];
  /** Chance an app session creates a budget. */
  readonly budget: number;
}

const SEASONS = quarters<Mood>(
  DIGITAL_ZONE,
  { web: 0.45, install: 0.14, sessionSeconds: [40, 420], budget: 0.1 },
  { web: 0.3, install: 0.24, sessionSeconds: [30, 330], budget: 0.16 },
);
const APP_EVENTS = ['Balance Viewed', 'Transactions Viewed', 'Card Frozen', 'Savings Pot Opened'] as const;
const PAGES = ['/', '/pricing', '/blog/budgeting-101', '/download'] as const;

interface Session {
  /** Amplitude's session id: the session's start in milliseconds. */
  readonly id: number;
  readonly user: string;
  readonly platform: 'Web' | 'iOS' | 'Android';
}

export async function writeAppEvents(path: string, sessions: number, random: Random): Promise<void> {
  const file = new CsvFile(path);
  let users = 0;
  let insert = 0;
  for (let i = 0; i < sessions; i++) {
    const start = recordTime(i, sessions, SEASONS, random);
    const mood = seasonAt(SEASONS, start).mood;
    const web = random.chance(mood.web);
    const installs = !web && random.chance(mood.install);
    if (installs || users === 0) users += 1;
    const session: Session = { id: start + (i % 1000), user: `u${installs ? users : random.int(Math.max(1, users - 150), users)}`, platform: web ? 'Web' : random.chance(0.55) ? 'iOS' : 'Android' };
    for (const [offset, type, properties] of sessionEvents(web, installs, mood, random)) {
      const line = eventLine(session, offset, type, properties, `ins-${++insert}`);
      await file.text(line);
      // One retry delivered twice, as Amplitude exports sometimes do.
      if (insert === 1000) await file.text(line);
    }
  }
  await file.close();
}

type PlannedEvent = readonly [offsetSeconds: number, type: string, properties: Record<string, unknown>];

function sessionEvents(web: boolean, installs: boolean, mood: Mood, random: Random): PlannedEvent[] {
  if (web) return Array.from({ length: random.int(1, 3) }, (_, at) => [at * 40, 'Page Viewed', { path: random.pick(PAGES) }] as const);
  const length = random.int(...mood.sessionSeconds);
  const events: PlannedEvent[] = installs ? [[0, '[Amplitude] Application Installed', {}]] : [];
  events.push([1, random.pick(APP_EVENTS), {}]);
  if (random.chance(mood.budget)) events.push([Math.floor(length / 2), 'Budget Created', { category: random.pick(['Groceries', 'Rent & bills', 'Fun']) }]);
  events.push([length, 'Session Ended', { duration_sec: length }]);
  return events;
}

function eventLine(session: Session, offsetSeconds: number, type: string, properties: Record<string, unknown>, insertId: string): string {
  const at = session.id + offsetSeconds * 1000;
  const time = `${naiveUtc(at)}.${String(at % 1000).padStart(3, '0')}000`;
  return JSON.stringify({
    user_id: session.user,
    device_id: `d-${session.user}`,
    event_type: type,
    event_time: time,
    server_upload_time: time,
    session_id: session.id,
    platform: session.platform,
    $insert_id: insertId,
    event_properties: properties,
    user_properties: { plan: 'free' },
  }) + '\n';
}
