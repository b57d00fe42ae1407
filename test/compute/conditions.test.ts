import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/values.js';
import { compute, computeOne, makeFramework } from './factory.js';

const sources = {
  orders: { columns: { customer_id: 'string', status: 'string', total: 'money', returning: 'boolean', created: 'datetime' } },
  paid_orders: { from: 'orders', where: "status = 'paid'" },
  big_paid_orders: { from: 'paid_orders', where: 'total >= 15' },
} as const;

const at = (day: number, hour = 0) => Date.UTC(2026, 6, day, hour);
const orders: Row[] = [
  ['c1', 'paid', 10, true, at(1)],
  ['c1', 'paid', 20, true, at(2, 9)],
  ['c2', 'refunded', 5, false, at(2, 23)],
  ['c3', 'paid', null, null, at(3)],
  [null, 'pending', 15, false, at(4)],
];

const count = (condition: string) => computeOne(`count(orders where ${condition})`, sources, { orders }).value;

describe('where: SQL three-valued logic (totals 10, 20, 5, null, 15)', () => {
  it.each([
    ['total > 8', 3], // the null total is unknown, not kept
    ['not total > 8', 1], // not unknown is still unknown: only the 5
    ["total > 8 or status = 'paid'", 4], // unknown or true is true
    ["total > 8 and status = 'paid'", 2],
    ["customer_id != 'c1'", 2], // null customer is unknown
    ["customer_id <> 'c1'", 2],
    ['customer_id = null', 0], // never true: use is null
    ['customer_id is null', 1],
    ['customer_id is not null', 4],
    ["customer_id in ('c1', 'c3')", 3],
    ["customer_id not in ('c1', 'c2')", 1], // c3; null stays unknown
    ["customer_id in ('c1', null)", 2],
    ["customer_id not in ('c1', null)", 0], // SQL: x not in (…, null) is never true
    ['total <= 10', 2],
    ['total < 10', 1],
    ['total >= 15', 2],
    ['returning = true', 2],
    ['returning = false', 2],
    ["status > 'pending'", 1], // strings order by code units: only 'refunded' sorts after 'pending'
    ['total = 10', 1],
    ["total = '10'", 0], // a string is never equal to a number
    ["not (status = 'paid' or total is null)", 2],
  ])('%s keeps %s rows', (condition, expected) => {
    expect(count(condition)).toBe(expected);
  });

  it('reads a string compared with a datetime column as a date in the framework zone', () => {
    expect(count("created >= '2026-07-02'")).toBe(4);
    expect(count("created < '2026-07-02 09:00'")).toBe(1);
    expect(count("created <= '2026-07-02 09:00:00'")).toBe(2);
    expect(count("created in ('2026-07-01', '2026-07-03')")).toBe(2);
    expect(count("'2026-07-03' > created")).toBe(3);
  });

  it('uses the framework timezone for date literals', () => {
    const formula = "count(orders where created >= '2026-07-03 00:30')";
    // In UTC only the 07-04 row is at or after 07-03 00:30.
    expect(computeOne(formula, sources, { orders }).value).toBe(1);
    // In Paris (UTC+2) that is 07-02 22:30 UTC: the rows of 07-02 23:00, 07-03 and 07-04.
    const paris = makeFramework({ timezone: 'Europe/Paris', sources, kpis: { k: formula } });
    expect(compute(paris, { orders }).get('k')?.value).toBe(3);
  });

  it('refuses a string that is not a date when compared with a date column', () => {
    expect(() => count("created > 'yesterday'")).toThrow("'yesterday' is compared with a date column but is not a date");
  });
});

describe('views', () => {
  it('apply their where, and a view of a view applies both', () => {
    expect(computeOne('count(paid_orders)', sources, { orders }).value).toBe(3);
    expect(computeOne('sum(big_paid_orders.total)', sources, { orders })).toEqual({ id: 'k', value: 20, sample: 1 });
    expect(computeOne("count(big_paid_orders where customer_id = 'c2')", sources, { orders }).value).toBe(0);
    expect(computeOne("count(paid_orders where customer_id = 'c1')", sources, { orders }).value).toBe(2);
  });

  it('report no rows under the root file source name', () => {
    expect(computeOne('count(paid_orders)', sources, { orders: [] }).reason).toBe("no valid rows for source 'orders'");
  });
});

describe('count_distinct having', () => {
  const distinct = (having: string) => computeOne(`count_distinct(orders.customer_id having ${having})`, sources, { orders }).value;

  it('gives a plain distinct count of the same values from its groups, with the same value and sample', () => {
    // c1, c2, c3 over 4 rows with a customer (the 5th has none); c1 alone has 2 orders.
    const both = makeFramework({
      sources,
      kpis: { customers: 'count_distinct(orders.customer_id)', repeaters: 'count_distinct(orders.customer_id having count() >= 2)' },
    });
    const values = compute(both, { orders });
    expect(values.get('customers')).toEqual({ id: 'customers', value: 3, sample: 4 });
    expect(values.get('repeaters')).toEqual({ id: 'repeaters', value: 1, sample: 4 });
    expect(computeOne('count_distinct(orders.customer_id)', sources, { orders })).toEqual({ id: 'k', value: 3, sample: 4 });
  });

  it.each([
    ['count() >= 2', 1], // c1 is the repeat customer
    ['sum(total) > 12', 1], // c1: 30; c2: 5; c3: sum of no values is null, so unknown
    ['sum(total) is null', 1], // c3
    ['avg(total) = 15', 1], // c1: (10 + 20) / 2
    ['min(total) < 10 or max(total) >= 20', 2], // c2 (5), c1 (20)
    ["customer_id = 'c2' or count() >= 2", 2],
    ["max(created) >= '2026-07-02'", 3], // c1 (07-02 09:00), c2, c3
  ])('%s keeps %s customers', (having, expected) => {
    expect(distinct(having)).toBe(expected);
  });

  it('computes the repeat purchase rate', () => {
    const rate = computeOne(
      "count_distinct(orders.customer_id where status = 'paid' having count() >= 2) / count_distinct(orders.customer_id where status = 'paid')",
      sources,
      { orders },
    );
    // c1 of c1, c3; 3 paid rows with a customer are behind the denominator.
    expect(rate).toEqual({ id: 'k', value: 0.5, sample: 3 });
  });
});
