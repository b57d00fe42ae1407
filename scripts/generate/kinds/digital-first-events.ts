/**
 * `amplitude-events.jsonl`: Amplitude's Export API, unzipped: one JSON
 * object per line, `event_time` in UTC without a zone marker and with
 * microseconds, `session_id` in milliseconds, and one event delivered
 * twice with the same `$insert_id`. Each session is a web visit or an app
 * session; an app session can begin with the install and ends with the
 * app's own `Session Ended` event carrying its length. The export runs to
 * the end of October, so that Q3's last installs have had 30 days to return.
 */
import { CsvFile } from '../csv-writer.js';
import { naiveUtc } from '../clock.js';
import type { Random } from '../random.js';
import { Audience } from './digital-first-users.js';
import { quarters, recordTime, seasonAt } from '../seasons.js';
import { startOfDay } from '../../../src/core/time.js';

export const DIGITAL_ZONE = 'Europe/Amsterdam';

interface Mood {
  /** Share of sessions on the web, and chance an app session is a first one (an install). */
  readonly web: number;
  readonly install: number;
  readonly sessionSeconds: readonly [number, number];
  /** Chance an app session creates a budget. */
  readonly budget: number;
  /** Chance a new user keeps using the app for weeks or months (else for days). */
  readonly stays: number;
}

const SEASONS = quarters<Mood>(
  DIGITAL_ZONE,
  { web: 0.45, install: 0.14, sessionSeconds: [40, 420], budget: 0.1, stays: 0.4 },
  { web: 0.3, install: 0.24, sessionSeconds: [30, 330], budget: 0.16, stays: 0.22 },
);
/** October: app sessions of users who installed before, no installs and no website. */
const OCTOBER = { start: SEASONS[1]!.end, end: startOfDay(2026, 11, 1, DIGITAL_ZONE), share: 1 };
const APP_EVENTS = ['Balance Viewed', 'Transactions Viewed', 'Card Frozen', 'Savings Pot Opened'] as const;
const PAGES = ['/', '/pricing', '/blog/budgeting-101', '/download'] as const;

interface Session {
  /** Amplitude's session id: the session's start in milliseconds. */
  readonly id: number;
  readonly user: string;
  readonly platform: 'Web' | 'iOS' | 'Android';
}

export async function writeAppEvents(path: string, sessions: number, octoberSessions: number, random: Random, lifetimes: Random): Promise<void> {
  const file = new CsvFile(path);
  const audience = new Audience(lifetimes);
  let insert = 0;
  const write = async (session: Session, events: readonly PlannedEvent[]) => {
    for (const [offset, type, properties] of events) {
      const line = eventLine(session, offset, type, properties, `ins-${++insert}`);
      await file.text(line);
      // One retry delivered twice, as Amplitude exports sometimes do.
      if (insert === 1000) await file.text(line);
    }
  };
  for (let i = 0; i < sessions; i++) {
    const start = recordTime(i, sessions, SEASONS, random);
    const mood = seasonAt(SEASONS, start).mood;
    const web = random.chance(mood.web);
    const installs = !web && random.chance(mood.install);
    // The export's first session belongs to a user who installed before it.
    if (audience.size === 0 && !installs) audience.install(start, mood.stays);
    const user = installs ? audience.install(start, mood.stays) : audience.pick(start, random);
    const session: Session = { id: start + (i % 1000), user, platform: web ? 'Web' : appPlatform(random) };
    await write(session, sessionEvents(web, installs, mood, random));
  }
  for (let i = 0; i < octoberSessions; i++) {
    const start = recordTime(i, octoberSessions, [OCTOBER], random);
    const session: Session = { id: start + (i % 1000), user: audience.pick(start, random), platform: appPlatform(random) };
    await write(session, sessionEvents(false, false, SEASONS[1]!.mood, random));
  }
  await file.close();
}

function appPlatform(random: Random): Session['platform'] {
  return random.chance(0.55) ? 'iOS' : 'Android';
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
