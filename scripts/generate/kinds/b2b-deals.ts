/**
 * `hubspot-deals.csv`: HubSpot CRM Deals > Export. A byte-order mark, CRLF,
 * a multi-line `Notes` with quotes, a company name with a comma, some deals
 * without an amount; `Close Date` is a day (the expected one for open deals).
 * Deals created in Q3 are bigger but take longer to close.
 */
import { CsvFile } from '../csv-writer.js';
import { DAY, MINUTE, wallClock, wallDate } from '../clock.js';
import type { Random } from '../random.js';
import { instantAt, type Segment } from '../scenario.js';
import { startOfDay } from '../../../src/core/time.js';
import { B2B_ZONE } from './b2b-contacts.js';

interface Mood {
  readonly cycleDays: readonly [number, number];
  readonly win: number;
  /** Amount in thousands of dollars. */
  readonly thousands: readonly [number, number];
}

const Q2_START = startOfDay(2026, 4, 1, B2B_ZONE);
const Q3_START = startOfDay(2026, 7, 1, B2B_ZONE);
const EXPORTED_AT = startOfDay(2026, 10, 1, B2B_ZONE);
/** Deals created from February, so that Q2 has deals closing from its first day. */
const CREATED: readonly Segment[] = [
  { start: startOfDay(2026, 2, 1, B2B_ZONE), end: Q2_START, share: 0.22 },
  { start: Q2_START, end: Q3_START, share: 0.36 },
  { start: Q3_START, end: EXPORTED_AT, share: 0.42 },
];
const BEFORE_Q3: Mood = { cycleDays: [12, 60], win: 0.32, thousands: [8, 30] };
const IN_Q3: Mood = { cycleDays: [30, 100], win: 0.3, thousands: [12, 38] };

const OPEN_STAGES = ['Appointment Scheduled', 'Qualified To Buy', 'Presentation Scheduled', 'Decision Maker Bought-In', 'Contract Sent'] as const;
const COMPANIES = ['Northwind Traders', 'Contoso, Ltd.', 'Fabrikam', 'Tailspin Toys', 'Woodgrove Bank', 'Litware'] as const;
const NOTES = ['', '', '', 'Champion left the company.\r\nNew contact: "Dana" in procurement', 'Wants annual billing'] as const;

export async function writeDeals(path: string, count: number, random: Random): Promise<void> {
  const file = new CsvFile(path, { lineEnd: '\r\n', bom: true });
  await file.row(['Record ID', 'Deal Name', 'Deal Stage', 'Pipeline', 'Amount', 'Deal currency code', 'Close Date', 'Create Date', 'Deal owner', 'Associated Company', 'Deal Type', 'Notes']);
  for (let i = 0; i < count; i++) {
    const created = Math.floor(instantAt((i + random.next()) / count, CREATED) / MINUTE) * MINUTE;
    const mood = created < Q3_START ? BEFORE_Q3 : IN_Q3;
    const closed = created + random.int(...mood.cycleDays) * DAY;
    const won = random.chance(mood.win);
    const stage = closed >= EXPORTED_AT ? random.pick(OPEN_STAGES) : won ? 'Closed Won' : 'Closed Lost';
    const company = random.pick(COMPANIES);
    await file.row([
      String(18_400_000_000 + i * 7), `${company} - ${random.pick(['Platform', 'Pilot', 'Expansion'])}`, stage, 'Sales Pipeline',
      random.chance(0.05) ? '' : String(random.int(...mood.thousands) * 1000), 'USD', wallDate(closed, B2B_ZONE), wallClock(created, B2B_ZONE),
      random.pick(['Maya Chen', 'Luis Ortega', 'Ben Adler']), company, random.pick(['newbusiness', 'existingbusiness']), random.pick(NOTES),
    ]);
  }
  await file.close();
}
