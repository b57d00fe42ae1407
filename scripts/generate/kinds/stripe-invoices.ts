/**
 * `stripe-invoices.csv`: Stripe Dashboard > Billing > Invoices > Export, one
 * row per invoice, newest first: amounts in dollars with cents, a lower-case
 * currency, times in UTC (`(UTC)` in the header), the app's own account id
 * as a metadata column. A few invoices were voided and issued again an
 * hour later (a wrong seat count): the voided one has no amount paid.
 */
import { CsvFile } from '../csv-writer.js';
import { HOUR, naiveUtc } from '../clock.js';
import type { Random } from '../random.js';

/** One subscription's invoice as the billing system issued it. */
export interface Invoice {
  readonly at: number;
  readonly customer: string;
  readonly name: string;
  /** The metadata column's value: the account id in the app or CRM. */
  readonly account: string;
  readonly subscription: string;
  readonly cents: number;
  readonly reason: 'subscription_create' | 'subscription_cycle';
  /** Months the invoice pays for. */
  readonly months: number;
}

const VOIDED = 0.04;

export async function writeStripeInvoices(path: string, metadataColumn: string, invoices: readonly Invoice[], random: Random): Promise<void> {
  const rows = invoices.flatMap((invoice) => (random.chance(VOIDED) ? [{ ...invoice, void: true }, { ...invoice, at: invoice.at + HOUR, void: false }] : [{ ...invoice, void: false }]));
  rows.sort((a, b) => b.at - a.at || a.customer.localeCompare(b.customer));
  const file = new CsvFile(path);
  await file.row([
    'id', 'Number', 'Customer', 'Customer Name', 'Customer Email', 'Status', 'Billing', 'Currency', 'Amount Due', 'Amount Paid',
    'Amount Remaining', 'Subtotal', 'Total', 'Date (UTC)', 'Due Date (UTC)', 'Period Start (UTC)', 'Period End (UTC)', 'Subscription',
    'Billing Reason', 'Attempt Count', `${metadataColumn} (metadata)`,
  ]);
  for (const [index, row] of rows.entries()) {
    const amount = (row.cents / 100).toFixed(2);
    const periodEnd = addMonths(row.at, row.months);
    await file.row([
      `in_1P${random.hex(6)}${String(rows.length - index).padStart(5, '0')}`, `${row.customer.slice(4, 12).toUpperCase()}-${String(rows.length - index).padStart(4, '0')}`,
      row.customer, row.name, `billing@${row.name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`, row.void ? 'void' : 'paid',
      'charge_automatically', 'usd', amount, row.void ? '0.00' : amount, '0.00', amount, amount, naiveUtc(row.at), '', naiveUtc(row.at),
      naiveUtc(periodEnd), row.subscription, row.reason, row.void ? '0' : '1', row.account,
    ]);
  }
  await file.close();
}

/** The same time `months` calendar months later in UTC, on the same day or the month's last (Jan 31 + 1 month = Feb 28). */
export function addMonths(epochMs: number, months: number): number {
  const date = new Date(epochMs);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months + 1, 0));
  date.setUTCFullYear(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date.getUTCDate(), target.getUTCDate()));
  return date.getTime();
}
