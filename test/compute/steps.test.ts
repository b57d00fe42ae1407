import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/compute/engine.js';
import type { Row } from '../../src/core/values.js';
import { compute, makeFramework } from './factory.js';
import { at, windowsOf } from './windowed.js';

const JULY = windowsOf('2026-07');
const DAY = 86_400_000;

// events first: the engine must still read signups (the first step) before it.
const sources = {
  events: { columns: { user_id: 'string', name: 'string', at: 'datetime' }, time: 'at' },
  signups: { columns: { user_id: 'string', at: 'datetime' }, time: 'at' },
} as const;

const signups: Row[] = [
  ['u1', at('2026-07-01T00:00:00')], // the period's first instant
  ['u2', at('2026-07-10T12:00:00')],
  ['u3', at('2026-07-31T23:00:00')], // its key action comes after the period's end
  ['u4', at('2026-06-30T12:00:00')], // signed up before the period: not in the cohort
  ['u5', at('2026-07-05T00:00:00')],
  ['u6', at('2026-08-01T00:00:00')], // the period's end, excluded
  ['u1', at('2026-07-20T00:00:00')], // a later sign-up row: the first one counts
];

const events: Row[] = [
  ['u1', 'key_action', at('2026-07-08T00:00:00')], // exactly 7 days after: within
  ['u2', 'key_action', at('2026-07-17T12:00:00.001')], // 7 days and 1 ms after: not within
  ['u3', 'key_action', at('2026-08-03T00:00:00')], // 2 days 1 hour after
  ['u4', 'key_action', at('2026-07-02T00:00:00')],
  ['u5', 'key_action', at('2026-07-04T00:00:00')], // before the sign-up: never after it
  ['u5', 'page_view', at('2026-07-06T00:00:00')], // not the key action
  ['u6', 'key_action', at('2026-08-02T00:00:00')],
];

const KEY = "events.user_id where name = 'key_action'";

function run(kpis: Record<string, string>, rows: Record<string, Row[]>, order?: string[]) {
  return compute(makeFramework({ sources, kpis }), rows, undefined, JULY, order);
}

describe('conversion within a window', () => {
  const kpis = { activation: `conversion(signups.user_id -> ${KEY} within 7 days)` };

  it('counts the cohort of first steps in the period whose second step follows within the window, ends included', () => {
    // Cohort u1, u2, u3, u5; within 7 days: u1 (exactly 7 days) and u3 (after the period's end) -> 2 of 4.
    expect(run(kpis, { signups, events }).get('activation')).toEqual({ id: 'activation', value: 0.5, sample: 4 });
  });

  it('gives the same value whichever source is read first', () => {
    expect(run(kpis, { signups, events }, ['events', 'signups']).get('activation')).toEqual({ id: 'activation', value: 0.5, sample: 4 });
  });

  it('reads the first step source first and the second step source for the window after the period', () => {
    const engine = createEngine(makeFramework({ sources, kpis }), undefined, JULY);
    expect(engine.sources).toEqual(['signups', 'events']);
    expect(engine.rangeOf('signups')).toBeNull();
    expect(engine.rangeOf('events')).toEqual({ start: JULY.period.start, end: JULY.period.end + 7 * DAY, purpose: 'the 7 days after it' });
  });

  it('counts hours', () => {
    // Within 48 hours: only u3 (49 hours is too late? no: 2 days 1 hour = 49 hours > 48).
    expect(run({ k: `conversion(signups.user_id -> ${KEY} within 49 hours)` }, { signups, events }).get('k')).toEqual({ id: 'k', value: 0.25, sample: 4 });
    expect(run({ k: `conversion(signups.user_id -> ${KEY} within 48 hours)` }, { signups, events }).get('k')).toEqual({ id: 'k', value: 0, sample: 4 });
  });

  it('has no value when no row in the period passes the first step', () => {
    expect(run({ k: `conversion(signups.user_id where user_id = 'nobody' -> ${KEY} within 7 days)` }, { signups, events }).get('k')).toEqual({
      id: 'k',
      value: null,
      reason: 'no values of signups.user_id in the period to follow to events.user_id',
      sample: 0,
    });
  });

  it('has no value without a first step in the period', () => {
    expect(run(kpis, { signups: [['u4', at('2026-06-30T12:00:00')]], events }).get('activation')).toMatchObject({
      value: null,
      reason: "no valid rows in the period for source 'signups'",
    });
  });
});

describe('median_days_to', () => {
  it('is the median time from the first step to the first second step after it', () => {
    // u1 7 days, u2 7 days + 1 ms, u3 2 days 1 hour; u5 never: median of three is u1's 7 days.
    expect(run({ k: `median_days_to(signups.user_id -> ${KEY})` }, { signups, events }).get('k')).toEqual({ id: 'k', value: 7, sample: 3 });
    // Within 7 days: u1 (7) and u3 (2 + 1/24): their mean is the median of two.
    const within = run({ k: `median_days_to(signups.user_id -> ${KEY} within 7 days)` }, { signups, events }).get('k');
    expect(within).toMatchObject({ id: 'k', sample: 2 });
    expect(within?.value).toBeCloseTo((7 + 2 + 1 / 24) / 2, 12);
  });

  it('has no value when no one reached the second step', () => {
    expect(run({ k: `median_days_to(signups.user_id -> events.user_id where name = 'none' within 7 days)` }, { signups, events }).get('k')).toEqual({
      id: 'k',
      value: null,
      reason: "none of the 4 values of signups.user_id reached events.user_id within 7 days",
      sample: 0,
    });
  });
});

describe('conversion between two steps of one source', () => {
  const shop = { traffic: { columns: { session_id: 'string', event: 'string', at: 'datetime' }, time: 'at' } } as const;
  const FORMULA = "conversion(traffic.session_id where event = 'add_to_cart' -> traffic.session_id where event = 'purchase' within 1 day)";
  const rows: Row[] = [
    ['s1', 'purchase', at('2026-07-02T09:00:00')], // a purchase before the session's first cart: not after it
    ['s1', 'add_to_cart', at('2026-07-02T10:00:00')],
    ['s1', 'add_to_cart', at('2026-07-02T11:00:00')],
    ['s1', 'purchase', at('2026-07-03T10:00:00')], // exactly a day after the first cart
    ['s2', 'add_to_cart', at('2026-07-05T10:00:00')],
    ['s2', 'purchase', at('2026-07-06T10:30:00')], // a day and half an hour after
    ['s3', 'add_to_cart', at('2026-07-31T23:30:00')],
    ['s3', 'purchase', at('2026-08-01T00:10:00')], // after the period's end, within the day
  ];
  const value = (ordered: Row[]) => compute(makeFramework({ sources: shop, kpis: { k: FORMULA } }), { traffic: ordered }, undefined, JULY).get('k');

  it('is exact for rows in time order, ascending or descending', () => {
    // s1 and s3 convert, s2 does not: 2 of 3.
    expect(value(rows)).toEqual({ id: 'k', value: 2 / 3, sample: 3 });
    expect(value([...rows].reverse())).toEqual({ id: 'k', value: 2 / 3, sample: 3 });
  });

  it('says so when rows out of time order hide when a second step came', () => {
    // Purchases at 9:00 and three days later arrive before the 10:00 cart: one came after the cart, but which
    // (and whether another came within the day) is not kept.
    const shuffled: Row[] = [
      ['s1', 'purchase', at('2026-07-02T09:00:00')],
      ['s1', 'purchase', at('2026-07-05T10:00:00')],
      ['s1', 'add_to_cart', at('2026-07-02T10:00:00')],
    ];
    expect(value(shuffled)).toEqual({
      id: 'k',
      value: null,
      reason:
        '1 of 1 values of traffic.session_id have rows of traffic.session_id out of time order around their first step, so when they reached it is not known: sort the file by its time column (either direction)',
      sample: 1,
    });
  });

  it('settles an out-of-order conversion that a second step close enough already proves', () => {
    // The later cart, then purchases on both sides of the first cart, then the first cart: the purchase kept
    // aside a day after it is close enough, whatever came between.
    const late = [rows[0], rows[3], rows[2], rows[1]] as Row[];
    expect(value(late)).toEqual({ id: 'k', value: 1, sample: 1 });
    // s2's purchase arrives first (after the first cart by a day and half an hour), then a cart at 10:00 and an earlier purchase at 12:00.
    const proven: Row[] = [
      ['s2', 'add_to_cart', at('2026-07-05T11:00:00')],
      ['s2', 'purchase', at('2026-07-05T10:30:00')],
      ['s2', 'purchase', at('2026-07-05T09:00:00')],
      ['s2', 'add_to_cart', at('2026-07-05T10:00:00')],
    ];
    expect(value(proven)).toEqual({ id: 'k', value: 1, sample: 1 });
  });
});

describe('retention after N days', () => {
  const app = { app: { columns: { user_id: 'string', at: 'datetime' }, time: 'at' } } as const;
  const rows: Row[] = [
    ['a', at('2026-07-01T08:00:00')],
    ['a', at('2026-07-08T08:00:00')], // exactly 7 days later: on day 7
    ['b', at('2026-07-10T08:00:00')],
    ['b', at('2026-07-17T07:59:59')], // a second short of 7 days
    ['c', at('2026-07-30T08:00:00')],
    ['c', at('2026-09-15T08:00:00')], // long after the period: still counts
  ];

  it('counts the cohort active again on or after day N, in either order', () => {
    const framework = makeFramework({ sources: app, kpis: { k: 'conversion(app.user_id -> app.user_id after 7 days)' } });
    expect(compute(framework, { app: rows }, undefined, JULY).get('k')).toEqual({ id: 'k', value: 2 / 3, sample: 3 });
    expect(compute(framework, { app: [...rows].reverse() }, undefined, JULY).get('k')).toEqual({ id: 'k', value: 2 / 3, sample: 3 });
    expect(createEngine(framework, undefined, JULY).rangeOf('app')).toEqual({ start: JULY.period.start, end: Infinity, purpose: 'the time after it' });
  });
});
