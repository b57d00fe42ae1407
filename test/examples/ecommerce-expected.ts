/**
 * A second, deliberately plain computation of every KPI in
 * examples/ecommerce/journey.yaml, straight from the CSV files. It shares no
 * code with src/ so that a test comparing the two catches mistakes in either.
 * Counting rules mirror the framework: a Shopify order's fields are on its
 * first row only; counted orders are paid, partially_refunded or refunded
 * and not cancelled; e-mails are trimmed and lower-cased; blank answers are
 * skipped; each source is filtered to the period by its own time column.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distinct, field, groupCount, numbers, ratio, readCsv, sum, type CsvRecord } from './plain.js';

export interface ExpectedPeriod {
  readonly start: Date;
  readonly end: Date;
}

/** Customer lifetime in periods (quarters) that the framework's clv formula multiplies by. */
const CLV_PERIODS = 8;
const COUNTED_STATUSES = new Set(['paid', 'partially_refunded', 'refunded']);

export function computeEcommerceExpected(dataDir: string, period: ExpectedPeriod): Record<string, number | null> {
  const inPeriod = (ms: number) => ms >= period.start.getTime() && ms < period.end.getTime();
  const traffic = readCsv(join(dataDir, 'ga4-events.csv'), preambleLines(join(dataDir, 'ga4-events.csv'))).filter((r) => inPeriod(Date.parse(field(r, 'Event Time'))));
  const orders = readCsv(join(dataDir, 'shopify-orders.csv')).filter((r) => inPeriod(shopifyTime(field(r, 'Created at'))));
  const survey = readCsv(join(dataDir, 'survey-responses.csv')).filter((r) => inPeriod(Date.parse(`${field(r, 'Submit Date (UTC)').replace(' ', 'T')}Z`)));

  const sessionsWith = (event: string) => distinct(traffic.filter((r) => field(r, 'Event Name') === event).map((r) => field(r, 'Session ID')));
  const sessions = distinct(traffic.map((r) => field(r, 'Session ID')));
  const engagedSessions = [...groupSum(traffic, 'Session ID', 'Engagement Time (sec)').values()].filter((seconds) => seconds >= 10).length;
  const productSeconds = traffic.filter((r) => field(r, 'Event Name') === 'view_item').map((r) => Number(field(r, 'Engagement Time (sec)')));
  const carts = sessionsWith('add_to_cart');
  const checkouts = sessionsWith('begin_checkout');
  const purchases = sessionsWith('purchase');

  // Continuation rows have a blank Financial Status, so this keeps each order's first row only.
  const counted = orders.filter((r) => COUNTED_STATUSES.has(field(r, 'Financial Status')) && field(r, 'Cancelled at') === '');
  const countedOrders = distinct(counted.map((r) => field(r, 'Name')));
  const ordersPerCustomer = groupCount(counted, (r) => field(r, 'Email').toLowerCase());
  const customers = ordersPerCustomer.size;
  const repeatCustomers = [...ordersPerCustomer.values()].filter((n) => n >= 2).length;
  const aov = ratio(sum(counted.map((r) => Number(field(r, 'Total')))), countedOrders);
  const purchaseFrequency = ratio(countedOrders, customers);
  const referred = distinct(counted.filter((r) => field(r, 'Discount Code') === 'FRIEND15').map((r) => field(r, 'Name')));

  const recommend = answers(survey, 'How likely are you to recommend us to a friend? (0-10)');
  const satisfaction = answers(survey, 'How satisfied are you with your purchase? (1-5)');

  return {
    sessions,
    engaged_session_rate: ratio(engagedSessions, sessions),
    product_view_duration: ratio(sum(productSeconds), productSeconds.length),
    cart_sessions: carts,
    add_to_cart_rate: ratio(carts, sessions),
    checkout_sessions: checkouts,
    purchase_sessions: purchases,
    conversion_rate: ratio(purchases, sessions),
    cart_abandonment_rate: carts === 0 ? null : 1 - purchases / carts,
    aov,
    repeat_purchase_rate: ratio(repeatCustomers, customers),
    purchase_frequency: purchaseFrequency,
    clv: aov === null || purchaseFrequency === null ? null : aov * purchaseFrequency * CLV_PERIODS,
    net_promoter_score: recommend.length === 0 ? null : (100 * (recommend.filter((s) => s >= 9).length - recommend.filter((s) => s <= 6).length)) / recommend.length,
    customer_satisfaction: ratio(satisfaction.filter((s) => s >= 4).length, satisfaction.length),
    referral_rate: ratio(referred, countedOrders),
  };
}

/** GA4 puts a `# ...` preamble above the header; no other file has lines starting with "# ". */
function preambleLines(path: string): number {
  return readFileSync(path, 'utf8').split('\n').findIndex((line) => !line.startsWith('# '));
}

/** `2026-07-03 14:05:11 -0400` to epoch ms. */
function shopifyTime(text: string): number {
  const match = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)$/.exec(text);
  if (!match) throw new Error(`not a Shopify time: '${text}'`);
  const [, year, month, day, hour, minute, second, sign, offsetHours, offsetMinutes] = match.map((part) => part ?? '');
  const wallClockAsUtc = Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute!, +second!);
  const offsetMs = (sign === '-' ? -1 : 1) * (+offsetHours! * 60 + +offsetMinutes!) * 60_000;
  // Local time = UTC + offset.
  return wallClockAsUtc - offsetMs;
}

function answers(records: readonly CsvRecord[], column: string): number[] {
  return numbers(records.map((r) => field(r, column)));
}

function groupSum(records: readonly CsvRecord[], keyColumn: string, valueColumn: string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const r of records) sums.set(field(r, keyColumn), (sums.get(field(r, keyColumn)) ?? 0) + Number(field(r, valueColumn)));
  return sums;
}
