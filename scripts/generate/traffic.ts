/**
 * `ga4-events.csv`: a GA4 event export, one row per event. Sessions walk
 * page_view -> view_item -> add_to_cart -> begin_checkout -> purchase and
 * drop off at each step with the chances of their quarter.
 */
import { CsvFile } from './csv-writer.js';
import { compactDay, isoUtc } from './clock.js';
import type { Random } from './random.js';
import { FIRST_DAY, LAST_DAY, QUARTERS, instantAt, quarterAt, type Funnel } from './scenario.js';

export const TRAFFIC_HEADER = [
  'Event Time',
  'Session ID',
  'User ID',
  'Event Name',
  'Page Path',
  'Device Category',
  'Session Source / Medium',
  'Engagement Time (sec)',
] as const;

/** Paths with `?`, `#` and a comma, as real sites have. */
const PAGES = [
  '/',
  '/collections/tents',
  '/collections/backpacks',
  '/collections/sale?sort=price,asc',
  '/blog/how-to-pick-a-tent#sizes',
  '/search?q=rain+jacket',
  '/pages/about',
] as const;

const PRODUCTS = [
  '/products/trailhead-2p-tent',
  '/products/summit-40l-backpack',
  '/products/down-sleeping-bag?variant=4401',
  '/products/rain-shell-jacket#reviews',
  '/products/trekking-poles',
  '/products/camp-stove',
] as const;

const DEVICES = [['mobile', 48], ['desktop', 45], ['tablet', 7]] as const;

const SOURCES = [
  ['google / organic', 34],
  ['(direct) / (none)', 20],
  ['google / cpc', 16],
  ['instagram / social', 12],
  ['newsletter / email', 10],
  ['outdoorgearlab.com / referral', 8],
] as const;

const BOUNCE_RATE = 0.35;

interface Session {
  readonly id: string;
  readonly userId: string;
  readonly device: string;
  readonly source: string;
}

interface GaEvent {
  readonly name: string;
  readonly path: string;
  readonly engagementSeconds: number;
}

export async function writeTraffic(path: string, rows: number, random: Random): Promise<void> {
  const file = new CsvFile(path);
  await file.text(preamble());
  await file.row(TRAFFIC_HEADER);
  let written = 0;
  let lastSecond = 0;
  while (written < rows) {
    // Session ids are GA4's ga_session_id: the start in epoch seconds, kept unique.
    const second = Math.max(lastSecond + 1, Math.floor(instantAt(written / rows, QUARTERS) / 1000));
    lastSecond = second;
    const session = newSession(String(second), random);
    const events = sessionEvents(quarterAt(second * 1000).funnel, random).slice(0, rows - written);
    let time = second * 1000;
    for (const event of events) {
      await file.row(eventCells(time, session, event));
      time += random.int(5, 120) * 1000;
    }
    written += events.length;
  }
  await file.close();
}

function preamble(): string {
  const rule = '# ----------------------------------------';
  return [
    rule,
    '# Acme Outdoor Store - Events',
    '# Account: Acme Outdoor',
    '# Property: acmeoutdoor.example - GA4',
    `# Start date: ${compactDay(FIRST_DAY)}`,
    `# End date: ${compactDay(LAST_DAY)}`,
    rule,
    '',
  ].join('\n');
}

function newSession(id: string, random: Random): Session {
  return {
    id,
    // Only signed-in visitors carry a User ID.
    userId: random.chance(0.25) ? `u-${random.int(1, 400)}` : '',
    device: random.weighted(DEVICES),
    source: random.weighted(SOURCES),
  };
}

function sessionEvents(funnel: Funnel, random: Random): GaEvent[] {
  // A bounce: one page, a few seconds, gone. GA4 does not count it as engaged.
  if (random.chance(BOUNCE_RATE)) return [{ name: 'page_view', path: random.pick(PAGES), engagementSeconds: random.int(0, 9) }];
  const events: GaEvent[] = [];
  const pageViews = random.int(1, 4);
  for (let i = 0; i < pageViews; i++) {
    events.push({ name: 'page_view', path: random.pick(PAGES), engagementSeconds: random.int(5, 60) });
  }
  if (!random.chance(funnel.viewItem)) return events;
  const product = random.pick(PRODUCTS);
  const [fewest, most] = funnel.productSeconds;
  events.push({ name: 'view_item', path: product, engagementSeconds: random.int(fewest, most) });
  if (random.chance(0.4)) {
    events.push({ name: 'view_item', path: random.pick(PRODUCTS), engagementSeconds: random.int(fewest, most) });
  }
  if (!random.chance(funnel.addToCart)) return events;
  events.push({ name: 'add_to_cart', path: product, engagementSeconds: random.int(1, 8) });
  if (!random.chance(funnel.beginCheckout)) return events;
  events.push({ name: 'begin_checkout', path: '/checkout', engagementSeconds: random.int(20, 180) });
  if (!random.chance(funnel.purchase)) return events;
  events.push({ name: 'purchase', path: '/checkout/thank-you', engagementSeconds: random.int(2, 15) });
  return events;
}

function eventCells(time: number, session: Session, event: GaEvent): string[] {
  return [
    isoUtc(time),
    session.id,
    session.userId,
    event.name,
    event.path,
    session.device,
    session.source,
    String(event.engagementSeconds),
  ];
}
