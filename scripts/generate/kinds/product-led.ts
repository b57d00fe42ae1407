/**
 * A self-serve product's exports: the sign-ups table from the admin
 * (`signups.csv`) and Mixpanel's raw event export (`mixpanel-events.jsonl`:
 * `time` in Unix seconds, an anonymous `$device:` id before sign-up, the
 * user in `$user_id` after, two lines retried with the same `$insert_id`)
 * and the paid plans' Stripe invoices (`stripe-invoices.csv`). Q3 launches a
 * free plan: many more sign-ups, fewer of them pay, fewer reach the
 * automations and those who do take longer.
 */
import { join } from 'node:path';
import { CsvFile } from '../csv-writer.js';
import { DAY, MINUTE, isoUtc } from '../clock.js';
import { Random } from '../random.js';
import { quarters, recordTime, seasonAt } from '../seasons.js';
import { writePaidPlans, type Payer } from './product-led-invoices.js';

export const PRODUCT_LED_FILES = { signups: 'signups.csv', events: 'mixpanel-events.jsonl', invoices: 'stripe-invoices.csv' } as const;

interface Mood {
  readonly pays: number;
  readonly automates: number;
  /** Days from sign-up to the first automation (the key action), for those who get there. */
  readonly automationDays: readonly [number, number];
  readonly invites: number;
}

const SEASONS = quarters<Mood>(
  'UTC',
  { pays: 0.12, automates: 0.38, automationDays: [1, 12], invites: 0.22 },
  { pays: 0.055, automates: 0.27, automationDays: [2, 26], invites: 0.23 },
  0.65,
);
const EXPORTED_AT = SEASONS[1]!.end;

interface Event {
  readonly time: number;
  readonly name: string;
  readonly user: string;
  readonly identified: boolean;
}

export async function writeProductLed(dir: string, seed: number): Promise<void> {
  const random = new Random(seed);
  const signups = new CsvFile(join(dir, PRODUCT_LED_FILES.signups));
  await signups.row(['id', 'email', 'created_at', 'plan', 'company_size', 'signup_source', 'paid_at']);
  const events: Event[] = [];
  const payers: Payer[] = [];
  const count = 800;
  for (let i = 0; i < count; i++) {
    const created = recordTime(i, count, SEASONS, random);
    const user = `usr_${(4100 + i).toString(36)}`;
    const mood = seasonAt(SEASONS, created).mood;
    // Most pay within a month of signing up; some take up to six weeks.
    const paidAt = random.chance(mood.pays) ? created + random.int(1, 45) * DAY : undefined;
    const payer = paidAt !== undefined && paidAt < EXPORTED_AT ? { user, paidAt, plan: random.pick(['pro', 'team'] as const) } : undefined;
    if (payer !== undefined) payers.push(payer);
    await signups.row([
      user, `${user}@example.com`, isoUtc(created), payer?.plan ?? (created < SEASONS[1]!.start ? 'trial_expired' : 'free'),
      random.pick(['1-10', '11-50', '51-200']), random.pick(['google', 'product_hunt', 'referral', 'direct']), payer ? isoUtc(payer.paidAt) : '',
    ]);
    events.push(...userEvents(user, created, mood, payer?.paidAt, random));
  }
  await signups.close();
  await writeEvents(join(dir, PRODUCT_LED_FILES.events), events.filter((e) => e.time < EXPORTED_AT).sort((a, b) => a.time - b.time), random);
  await writePaidPlans(join(dir, PRODUCT_LED_FILES.invoices), payers, EXPORTED_AT, new Random(seed + 1));
}

/** A visit before signing up, the sign-up, then some weeks of use. */
function userEvents(user: string, created: number, mood: Mood, paidAt: number | undefined, random: Random): Event[] {
  const at = (time: number, name: string, identified = true): Event => ({ time, name, user, identified });
  const events = [at(created - random.int(2, 30) * MINUTE, 'Page View', false), at(created, 'Sign Up')];
  const activeDays = random.int(0, 6);
  for (let day = 1; day <= activeDays; day++) {
    events.push(at(created + day * random.int(2, 9) * DAY, random.pick(['Table Created', 'Record Added', 'View Shared'])));
  }
  if (random.chance(mood.automates)) events.push(at(created + random.int(...mood.automationDays) * DAY, 'Automation Created'));
  if (random.chance(mood.invites)) events.push(at(created + random.int(0, 10) * DAY, 'Teammate Invited'));
  if (paidAt !== undefined) events.push(at(paidAt, 'Subscription Started'));
  return events;
}

async function writeEvents(path: string, events: readonly Event[], random: Random): Promise<void> {
  const file = new CsvFile(path);
  for (const [index, event] of events.entries()) {
    const seconds = Math.floor(event.time / 1000);
    const properties = {
      time: seconds,
      distinct_id: event.identified ? event.user : `$device:${event.user.slice(4)}f0e1`,
      $insert_id: `${event.user}-${index.toString(36)}`,
      mp_processing_time_ms: event.time + random.int(200, 4000),
      ...(event.identified ? { $user_id: event.user } : {}),
      $device_id: `${event.user.slice(4)}f0e1`,
      mp_lib: 'web',
    };
    const line = `${JSON.stringify({ event: event.name, properties })}\n`;
    await file.text(line);
    // A retried upload: the same event again, as Mixpanel exports keep it.
    if (index % 1500 === 700) await file.text(line);
  }
  await file.close();
}
