/**
 * The story the example data tells: traffic grows and engages in Q3, but a
 * checkout change makes most checkouts fail to complete. Q2 is the "before"
 * the baselines come from; the framework's period is Q3.
 */
import { DAY, storeDay } from './clock.js';

export interface Funnel {
  /** Chance a session that did not bounce views a product, then adds to cart, starts checkout, pays. */
  readonly viewItem: number;
  readonly addToCart: number;
  readonly beginCheckout: number;
  readonly purchase: number;
  /** Range of engagement seconds on a product page. */
  readonly productSeconds: readonly [number, number];
}

export interface Segment {
  readonly start: number;
  readonly end: number;
  /** Share of a file's rows that fall in this segment. */
  readonly share: number;
}

export interface Quarter extends Segment {
  readonly label: string;
  readonly funnel: Funnel;
  /** Net Promoter buckets: promoter, passive, detractor weights. */
  readonly sentiment: readonly [number, number, number];
}

const Q2_START = storeDay(2026, 4, 1);
export const Q3_START = storeDay(2026, 7, 1);
export const Q3_END = storeDay(2026, 10, 1);

export const QUARTERS: readonly Quarter[] = [
  {
    label: '2026-Q2',
    start: Q2_START,
    end: Q3_START,
    share: 0.45,
    funnel: { viewItem: 0.7, addToCart: 0.2, beginCheckout: 0.6, purchase: 0.5, productSeconds: [10, 80] },
    sentiment: [0.5, 0.3, 0.2],
  },
  {
    label: '2026-Q3',
    start: Q3_START,
    end: Q3_END,
    share: 0.55,
    funnel: { viewItem: 0.75, addToCart: 0.24, beginCheckout: 0.7, purchase: 0.2, productSeconds: [15, 95] },
    sentiment: [0.56, 0.27, 0.17],
  },
];

/** Shopify's export starts a month earlier, before the DST switch (-0500). */
export const ORDER_SEGMENTS: readonly Segment[] = [
  { start: storeDay(2026, 3, 1), end: storeDay(2026, 3, 8), share: 0.03 },
  { start: Q2_START, end: Q3_START, share: 0.45 },
  { start: Q3_START, end: Q3_END, share: 0.52 },
];

export const FIRST_DAY = Q2_START;
export const LAST_DAY = Q3_END - DAY;

/**
 * The instant at a fraction (0..1) of a file written: each segment takes its
 * share of the rows, spread evenly over its time span, so times only ever
 * move forward while a file is streamed.
 */
export function instantAt(fraction: number, segments: readonly Segment[]): number {
  let before = 0;
  for (const segment of segments) {
    if (fraction < before + segment.share) {
      const within = (fraction - before) / segment.share;
      return segment.start + within * (segment.end - segment.start);
    }
    before += segment.share;
  }
  const last = segments[segments.length - 1];
  if (last === undefined) throw new Error('instantAt() needs at least one segment');
  return last.end - 1;
}

export function quarterAt(epochMs: number): Quarter {
  const found = QUARTERS.find((quarter) => epochMs < quarter.end) ?? QUARTERS[QUARTERS.length - 1];
  if (found === undefined) throw new Error('no quarters defined');
  return found;
}
