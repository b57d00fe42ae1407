/**
 * `shopify-orders.csv`: Shopify's admin order export, one row per line item.
 * Only an order's first row carries its order fields; later rows keep the
 * Name, Created at and line-item fields, as Shopify writes them.
 */
import { DAY, HOUR, MINUTE, shopifyTime } from './clock.js';
import { CsvFile } from './csv-writer.js';
import { customerEmail, pickCustomer, type CustomerBook } from './customers.js';
import { DISCOUNTS, PRODUCTS, customerName, customerPlace, customerStreet, type DiscountCode, type Product } from './catalog.js';
import type { Random } from './random.js';
import { ORDER_SEGMENTS, Q3_END, Q3_START, instantAt } from './scenario.js';

export const ORDER_HEADER = [
  'Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing',
  'Currency', 'Subtotal', 'Shipping', 'Taxes', 'Total', 'Discount Code', 'Discount Amount', 'Shipping Method',
  'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem compare at price', 'Lineitem sku',
  'Lineitem requires shipping', 'Lineitem taxable', 'Lineitem fulfillment status', 'Billing Name', 'Billing Street',
  'Billing City', 'Billing Zip', 'Billing Province', 'Billing Country', 'Notes', 'Note Attributes', 'Cancelled at',
  'Payment Method', 'Refunded Amount', 'Vendor', 'Id', 'Source',
] as const;
type Column = (typeof ORDER_HEADER)[number];
type Cells = Partial<Record<Column, string>>;

/** `cancelled_refund` is written as `refunded` with Cancelled at set. */
const STATUSES = [
  ['paid', 83], ['pending', 3], ['partially_refunded', 4], ['refunded', 5], ['voided', 4], ['cancelled_refund', 1],
] as const;
type Status = (typeof STATUSES)[number][0];

const TAX_RATE = 0.0625;
const FREE_SHIPPING_FROM = 9900;
const SHIPPING_CENTS = 795;

interface LineItem {
  readonly product: Product;
  readonly quantity: number;
}

export async function writeOrders(path: string, count: number, random: Random): Promise<void> {
  const file = new CsvFile(path);
  await file.row(ORDER_HEADER);
  const book: CustomerBook = { count: 0, caseQuirkDone: false };
  let previous = 0;
  for (let i = 0; i < count; i++) {
    const created = orderTime(i, count, previous, random);
    previous = created;
    const customer = pickCustomer(book, created, random);
    const cells = orderRows(i, created, customer.id, customerEmail(book, customer), random);
    for (const row of cells) await file.row(ORDER_HEADER.map((column) => row[column] ?? ''));
  }
  await file.close();
}

/**
 * Evenly spread, always forward; the first Q3 order is moved to 23:40 on
 * 30 June and the last to 22:30 on 30 September, local times that are
 * already the next day in UTC, so a period read in UTC would count wrongly.
 */
function orderTime(index: number, count: number, previous: number, random: Random): number {
  const time = Math.floor(instantAt((index + random.next()) / count, ORDER_SEGMENTS) / 1000) * 1000;
  const lateOnJune30 = Q3_START - 20 * MINUTE;
  if (previous < lateOnJune30 && time >= Q3_START) return lateOnJune30;
  const lateOnSeptember30 = Q3_END - 90 * MINUTE;
  if (index === count - 1 && previous < lateOnSeptember30) return lateOnSeptember30;
  return time;
}

function orderRows(index: number, created: number, customerId: number, email: string, random: Random): Cells[] {
  const items = lineItems(random);
  const discount: DiscountCode | null = random.weighted(DISCOUNTS);
  const status: Status = random.weighted(STATUSES);
  const { subtotal, shipping, taxes, total, discountCents } = amounts(items, discount);
  const paid = status !== 'pending' && status !== 'voided';
  const cancelled = status === 'voided' || status === 'cancelled_refund';
  const fulfilled = paid && !cancelled && created < Q3_END - 3 * DAY;
  const refunded = refundedCents(status, total, items);
  const place = customerPlace(customerId);
  const name = `#${1001 + index}`;
  const first: Cells = {
    Email: email,
    'Financial Status': status === 'cancelled_refund' ? 'refunded' : status,
    'Paid at': paid ? shopifyTime(created + random.int(0, 90) * 1000) : '',
    'Fulfillment Status': fulfilled ? 'fulfilled' : 'unfulfilled',
    'Fulfilled at': fulfilled ? shopifyTime(created + random.int(20, 72) * HOUR) : '',
    'Accepts Marketing': random.chance(0.6) ? 'yes' : 'no',
    Currency: 'USD',
    Subtotal: money(subtotal),
    Shipping: money(shipping),
    Taxes: money(taxes),
    Total: money(total),
    'Discount Code': discount?.code ?? '',
    'Discount Amount': money(discountCents),
    'Shipping Method': random.chance(0.8) ? 'Standard Shipping' : 'Express Shipping',
    'Billing Name': customerName(customerId),
    'Billing Street': customerStreet(customerId),
    'Billing City': place.city,
    'Billing Zip': place.zip,
    'Billing Province': place.province,
    'Billing Country': 'US',
    'Note Attributes': index % 97 === 5 ? 'gift-wrap: yes\ngift-message: Happy trails, Sam!' : '',
    'Cancelled at': cancelled ? shopifyTime(created + random.int(1, 48) * HOUR) : '',
    'Payment Method': status === 'pending' ? 'Bank Deposit' : random.chance(0.8) ? 'Shopify Payments' : 'PayPal Express Checkout',
    'Refunded Amount': money(refunded),
    Id: String(5_600_000_000_000 + index * 1024 + random.int(0, 1023)),
    Source: 'web',
  };
  return items.map((item, position) => ({
    ...(position === 0 ? first : {}),
    Name: name,
    'Created at': shopifyTime(created),
    'Lineitem quantity': String(item.quantity),
    'Lineitem name': item.product.name,
    'Lineitem price': money(item.product.cents),
    'Lineitem compare at price': item.product.compareAtCents ? money(item.product.compareAtCents) : '',
    'Lineitem sku': item.product.sku,
    'Lineitem requires shipping': 'true',
    'Lineitem taxable': 'true',
    'Lineitem fulfillment status': fulfilled ? 'fulfilled' : 'pending',
    Vendor: 'Acme Outdoor',
  }));
}

interface Amounts {
  readonly discountCents: number;
  readonly subtotal: number;
  readonly shipping: number;
  readonly taxes: number;
  readonly total: number;
}

/** In cents. Shopify's Subtotal is after the discount; tax is on the subtotal. */
function amounts(items: readonly LineItem[], discount: DiscountCode | null): Amounts {
  const before = items.reduce((sum, item) => sum + item.product.cents * item.quantity, 0);
  const discountCents = discount ? Math.round((before * discount.percentOff) / 100) : 0;
  const subtotal = before - discountCents;
  const shipping = discount?.freeShipping || subtotal >= FREE_SHIPPING_FROM ? 0 : SHIPPING_CENTS;
  const taxes = Math.round(subtotal * TAX_RATE);
  return { discountCents, subtotal, shipping, taxes, total: subtotal + shipping + taxes };
}

/** A partial refund returns the last item (one unit of it). */
function refundedCents(status: Status, total: number, items: readonly LineItem[]): number {
  if (status === 'refunded' || status === 'cancelled_refund') return total;
  const lastItem = items[items.length - 1];
  if (status === 'partially_refunded' && lastItem) return Math.min(lastItem.product.cents, total);
  return 0;
}

function lineItems(random: Random): LineItem[] {
  const count = random.weighted([[1, 60], [2, 28], [3, 12]] as const);
  const items: LineItem[] = [];
  while (items.length < count) {
    const product = random.pick(PRODUCTS);
    if (items.some((item) => item.product === product)) continue;
    items.push({ product, quantity: random.chance(0.15) ? 2 : 1 });
  }
  return items;
}

/** Shopify writes plain decimals: `1234.50`. */
function money(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
