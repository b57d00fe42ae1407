/** Invented store data the order export draws from: products, places, people. */

export interface Product {
  readonly name: string;
  readonly sku: string;
  readonly cents: number;
  /** Was-price shown struck through, when on sale. */
  readonly compareAtCents?: number;
}

export const PRODUCTS: readonly Product[] = [
  { name: 'Trailhead 2P Tent', sku: 'TENT-2P', cents: 24900 },
  { name: 'Summit 40L Backpack - Slate', sku: 'PACK-40-SL', cents: 13900, compareAtCents: 15900 },
  { name: 'Down Sleeping Bag, 20°F', sku: 'BAG-20F', cents: 18900 },
  { name: 'Merino Base Layer - M', sku: 'BASE-M', cents: 6800 },
  { name: 'Rain Shell Jacket - L', sku: 'SHELL-L', cents: 15900 },
  { name: 'Trekking Poles (pair)', sku: 'POLE-PR', cents: 7900 },
  { name: 'Camp Stove', sku: 'STOVE-1', cents: 5450 },
  { name: 'Headlamp 400', sku: 'LAMP-400', cents: 3495 },
  { name: 'Water Filter', sku: 'FILTER-1', cents: 4200 },
  { name: 'Insulated Mug 12oz', sku: 'MUG-12', cents: 2400 },
  { name: 'Wool Hiking Socks', sku: 'SOCK-W', cents: 1800 },
];

export interface Place {
  readonly city: string;
  /** Text: leading zeros must survive. */
  readonly zip: string;
  readonly province: string;
}

export const PLACES: readonly Place[] = [
  { city: 'Springfield', zip: '01103', province: 'MA' },
  { city: 'Cambridge', zip: '02139', province: 'MA' },
  { city: 'New Haven', zip: '06511', province: 'CT' },
  { city: 'Portland', zip: '04101', province: 'ME' },
  { city: 'Concord', zip: '03301', province: 'NH' },
  { city: 'New York', zip: '10001', province: 'NY' },
  { city: 'Philadelphia', zip: '19103', province: 'PA' },
  { city: 'Chicago', zip: '60614', province: 'IL' },
  { city: 'Denver', zip: '80202', province: 'CO' },
  { city: 'San Francisco', zip: '94110', province: 'CA' },
  { city: 'Seattle', zip: '98101', province: 'WA' },
];

const FIRST_NAMES = ['Alex', 'Sam', 'Jordan', 'Riley', 'Casey', 'Morgan', 'Taylor', 'Jamie', 'Robin', 'Quinn', 'Avery'];
const LAST_NAMES = ['Rivers', 'Stone', 'Fields', 'Brooks', 'Hill', 'Woods', 'Lake', 'Ridge', 'Glen'];
const STREETS = ['Elm St', 'Maple Ave', 'Summit Rd', 'Birch Ln', 'Harbor Way', 'Pine St'];

/** A customer's name and address follow from their number, so repeat orders agree. */
export function customerName(id: number): string {
  return `${FIRST_NAMES[id % FIRST_NAMES.length]} ${LAST_NAMES[(id * 7) % LAST_NAMES.length]}`;
}

export function customerStreet(id: number): string {
  const street = `${10 + ((id * 37) % 890)} ${STREETS[id % STREETS.length]}`;
  // Some addresses carry a unit after a comma, which the export quotes.
  return id % 5 === 0 ? `${street}, Apt ${1 + (id % 9)}` : street;
}

export function customerPlace(id: number): Place {
  const place = PLACES[(id * 3) % PLACES.length];
  if (place === undefined) throw new Error('no places defined');
  return place;
}

export interface DiscountCode {
  readonly code: string;
  readonly percentOff: number;
  readonly freeShipping: boolean;
}

/** FRIEND15 is the refer-a-friend code; a combined code is written comma-separated. */
export const DISCOUNTS: readonly (readonly [DiscountCode | null, number])[] = [
  [null, 70],
  [{ code: 'WELCOME10', percentOff: 10, freeShipping: false }, 12],
  [{ code: 'FRIEND15', percentOff: 15, freeShipping: false }, 10],
  [{ code: 'TRAIL20', percentOff: 20, freeShipping: false }, 5],
  [{ code: 'WELCOME10, FREESHIP', percentOff: 10, freeShipping: true }, 3],
];
