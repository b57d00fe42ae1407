/**
 * The product's paid plans as Stripe invoices: per seat, every three months
 * in advance from the first payment, the app's user id in the metadata. At
 * each renewal an account may cancel, and a team may add seats. In Q3 more
 * of Q2's new customers cancel, while the teams that stay grow.
 */
import type { Random } from '../random.js';
import { quarters, seasonAt } from '../seasons.js';
import { addMonths, writeStripeInvoices, type Invoice } from './stripe-invoices.js';

export interface Payer {
  readonly user: string;
  readonly paidAt: number;
  readonly plan: 'pro' | 'team';
}

interface Renewal {
  readonly cancels: number;
  /** Chance a team adds seats at a renewal. */
  readonly teamGrows: number;
}

const SEASONS = quarters<Renewal>('UTC', { cancels: 0.08, teamGrows: 0.2 }, { cancels: 0.24, teamGrows: 0.45 });
const SEAT_CENTS = { pro: 1_200, team: 2_000 } as const;
const BILLED_MONTHS = 3;

export async function writePaidPlans(path: string, payers: readonly Payer[], exportedAt: number, random: Random): Promise<void> {
  const invoices = payers.flatMap((payer) => payerInvoices(payer, exportedAt, random));
  await writeStripeInvoices(path, 'account_id', invoices, random);
}

function payerInvoices(payer: Payer, exportedAt: number, random: Random): Invoice[] {
  let seats = payer.plan === 'pro' ? 1 : random.int(3, 12);
  const base = { customer: `cus_${random.hex(14)}`, name: `Workspace ${payer.user.slice(4)}`, account: payer.user, subscription: `sub_${random.hex(14)}`, months: BILLED_MONTHS };
  const invoices: Invoice[] = [];
  for (let term = 0; ; term++) {
    const at = addMonths(payer.paidAt, term * BILLED_MONTHS);
    if (at >= exportedAt) break;
    if (term > 0) {
      const mood = seasonAt(SEASONS, at).mood;
      if (random.chance(mood.cancels)) break;
      if (payer.plan === 'team' && random.chance(mood.teamGrows)) seats += random.int(1, Math.ceil(seats / 2));
    }
    invoices.push({ ...base, at, cents: seats * SEAT_CENTS[payer.plan] * BILLED_MONTHS, reason: term === 0 ? 'subscription_create' : 'subscription_cycle' });
  }
  return invoices;
}
