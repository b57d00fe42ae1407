/**
 * The B2B vendor's subscriptions as Stripe invoices: each account pays per
 * seat, invoiced every three months in advance, from January 2026 (accounts
 * won before) or its first invoice (accounts won in Q2 and Q3). At each
 * renewal an account may leave, add seats or drop some. In Q3 the small
 * accounts leave more often, while the large ones add seats.
 */
import { DAY, HOUR } from '../clock.js';
import type { Random } from '../random.js';
import { quarters, seasonAt } from '../seasons.js';
import { B2B_ZONE } from './b2b-contacts.js';
import { addMonths, writeStripeInvoices, type Invoice } from './stripe-invoices.js';

interface Renewal {
  /** Chance a small account (under 20 seats) leaves, and a large one. */
  readonly smallLeaves: number;
  readonly largeLeaves: number;
  /** Chance a large account adds seats (15% to 50% more), and any account drops some (10% to 30% fewer). */
  readonly largeGrows: number;
  readonly shrinks: number;
}

const SEASONS = quarters<Renewal>(
  B2B_ZONE,
  { smallLeaves: 0.04, largeLeaves: 0.02, largeGrows: 0.15, shrinks: 0.06 },
  { smallLeaves: 0.3, largeLeaves: 0.03, largeGrows: 0.4, shrinks: 0.06 },
);
const SEAT_CENTS_PER_MONTH = 4_500;
const BILLED_MONTHS = 3;
const FIRST_INVOICE = Date.UTC(2026, 0, 2, 15);
const EXPORTED_AT = Date.UTC(2026, 9, 1, 5);
const NAMES = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Woodgrove', 'Litware', 'Adatum', 'Proseware', 'Wingtip', 'Fourth Coffee', 'Alpine Ski', 'Blue Yonder'] as const;

export async function writeInvoices(path: string, accounts: number, random: Random): Promise<void> {
  const invoices: Invoice[] = [];
  for (let i = 0; i < accounts; i++) invoices.push(...accountInvoices(i, accounts, random));
  await writeStripeInvoices(path, 'hubspot_company_id', invoices, random);
}

/** Four in five accounts were customers before 2026; the rest are won through Q2 and Q3. */
function accountInvoices(index: number, accounts: number, random: Random): Invoice[] {
  const existing = index < accounts * 0.8;
  const first = existing ? FIRST_INVOICE + random.int(0, 88) * DAY : Date.UTC(2026, 3, 2, 15) + random.int(0, 178) * DAY;
  const start = first + random.int(0, 8) * HOUR;
  let seats = random.chance(0.5) ? random.int(4, 19) : random.int(20, 120);
  const base = {
    customer: `cus_${random.hex(14)}`, name: `${NAMES[index % NAMES.length]} ${Math.floor(index / NAMES.length) + 1}`,
    account: String(9_100_000 + index * 13), subscription: `sub_${random.hex(14)}`, months: BILLED_MONTHS,
  };
  const invoices: Invoice[] = [];
  for (let term = 0; ; term++) {
    const at = addMonths(start, term * BILLED_MONTHS);
    if (at >= EXPORTED_AT) break;
    if (term > 0) {
      const mood = seasonAt(SEASONS, at).mood;
      if (random.chance(seats < 20 ? mood.smallLeaves : mood.largeLeaves)) break;
      seats = renewedSeats(seats, mood, random);
    }
    const reason = term === 0 && !existing ? 'subscription_create' : 'subscription_cycle';
    invoices.push({ ...base, at, cents: seats * SEAT_CENTS_PER_MONTH * BILLED_MONTHS, reason });
  }
  return invoices;
}

function renewedSeats(seats: number, mood: Renewal, random: Random): number {
  if (seats >= 20 && random.chance(mood.largeGrows)) return Math.round(seats * (1 + random.int(15, 50) / 100));
  if (random.chance(mood.shrinks)) return Math.max(2, Math.round(seats * (1 - random.int(10, 30) / 100)));
  return seats;
}
