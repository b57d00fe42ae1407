/**
 * `hubspot-contacts.csv`: HubSpot CRM Contacts > Export, with the
 * lifecycle-stage dates ("Became a ... Date") HubSpot records as a contact
 * moves from lead to customer. A byte-order mark, CRLF line ends, times in
 * the portal's zone without an offset. Q3's webinar campaign brings many
 * more leads, but fewer of them are ready for sales.
 */
import { CsvFile } from '../csv-writer.js';
import { DAY, MINUTE, wallClock } from '../clock.js';
import type { Random } from '../random.js';
import { quarters, recordTime, seasonAt } from '../seasons.js';

export const B2B_ZONE = 'America/Chicago';

/** Chance of reaching each stage from the one before: MQL, SQL, opportunity, customer. */
type Mood = readonly [number, number, number, number];
const SEASONS = quarters<Mood>(B2B_ZONE, [0.5, 0.52, 0.62, 0.3], [0.46, 0.3, 0.6, 0.28], 0.62);
const EXPORTED_AT = SEASONS[1]!.end;

const STAGES = ['Lead', 'Marketing Qualified Lead', 'Sales Qualified Lead', 'Opportunity', 'Customer'] as const;
const SOURCES = [['Organic Search', 30], ['Paid Social', 20], ['Offline Sources', 25], ['Referrals', 10], ['Direct Traffic', 15]] as const;
const COMPANIES = ['Northwind Traders', 'Contoso, Ltd.', 'Fabrikam', 'Tailspin Toys', 'Woodgrove Bank', 'Litware'] as const;

export async function writeContacts(path: string, count: number, random: Random): Promise<void> {
  const file = new CsvFile(path, { lineEnd: '\r\n', bom: true });
  await file.row([
    'Record ID', 'First Name', 'Last Name', 'Email', 'Company Name', 'Lifecycle Stage', 'Original Source', 'Create Date',
    'Became a Lead Date', 'Became a Marketing Qualified Lead Date', 'Became a Sales Qualified Lead Date', 'Became an Opportunity Date',
    'Became a Customer Date',
  ]);
  for (let i = 0; i < count; i++) {
    const created = recordTime(i, count, SEASONS, random, MINUTE);
    const reached = stageDates(created, seasonAt(SEASONS, created).mood, random);
    const stage = STAGES[reached.length - 1] ?? 'Lead';
    const dates = STAGES.map((_, at) => (reached[at] === undefined ? '' : wallClock(reached[at], B2B_ZONE)));
    await file.row([
      String(51_000_000_000 + i * 3), `Lead${i + 1}`, 'Example', `lead${i + 1}@example.com`, random.pick(COMPANIES), stage,
      random.weighted(SOURCES), wallClock(created, B2B_ZONE), ...dates,
    ]);
  }
  await file.close();
}

/** The date of each stage reached, the lead first; a step that would fall after the export is not reached yet. */
function stageDates(created: number, chances: Mood, random: Random): number[] {
  const reached = [created];
  for (const chance of chances) {
    if (!random.chance(chance)) break;
    const next = reached[reached.length - 1]! + random.int(1, 14) * DAY + random.int(0, 600) * MINUTE;
    if (next >= EXPORTED_AT) break;
    reached.push(next);
  }
  return reached;
}
