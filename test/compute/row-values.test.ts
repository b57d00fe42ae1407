import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/values.js';
import { computeOne } from './factory.js';

const sources = {
  orders: { columns: { price: 'money', quantity: 'integer', status: 'string' } },
  deals: { columns: { created_at: 'datetime', closed_at: 'datetime', amount: 'money', stage: 'string' } },
  tickets: { columns: { created_at: 'datetime', first_response_at: 'datetime', priority: 'string' } },
  cases: { columns: { opened: 'date', closed: 'date' } },
} as const;

const orders: Row[] = [
  [10, 2, 'paid'],
  [5.5, 4, 'paid'],
  [null, 3, 'paid'],
  [3, null, 'refunded'],
];

const value = (formula: string, rows: Record<string, Row[]>) => computeOne(formula, sources, rows);
const utc = (text: string) => Date.parse(text);

describe('arithmetic on a row inside an aggregate', () => {
  it.each([
    // 10 × 2 + 5.5 × 4; the rows with a null price or quantity have no value.
    ['sum(orders.price * orders.quantity)', 42, 2],
    ['avg(orders.price * orders.quantity)', 21, 2],
    ['min(orders.price * orders.quantity)', 20, 2],
    ['max(orders.price * orders.quantity)', 22, 2],
    ['median(orders.price * orders.quantity)', 21, 2],
    // 20 and 22: position 0.5 halfway.
    ['percentile(orders.price * orders.quantity, 0.5)', 21, 2],
    // -(10 - 2) + -(5.5 - 4) = -9.5
    ['sum(-(orders.price - orders.quantity))', -9.5, 2],
    // (10 + 1) × 2 + (5.5 + 1) × 4 = 48; the refunded row has no quantity anyway.
    ["sum((orders.price + 1) * orders.quantity where status = 'paid')", 48, 2],
    ['sum(orders.price / 2)', 9.25, 3],
  ])('%s = %s (sample %s)', (formula, expected, sample) => {
    expect(value(formula, { orders })).toEqual({ id: 'k', value: expected, sample });
  });

  it('a division by zero leaves the row out, as a null does', () => {
    const rows: Row[] = [[10, 2, 'paid'], [5, 0, 'paid'], [9, 3, 'paid']];
    // 10 / 2 and 9 / 3: (5 + 3) / 2; the 5 / 0 row is not in the sample.
    expect(value('avg(orders.price / orders.quantity)', { orders: rows })).toEqual({ id: 'k', value: 4, sample: 2 });
    // every row divides by zero: 3 rows matched, none has a value, so the sum is unknown, not 0
    expect(value('sum(orders.price / (orders.quantity - orders.quantity))', { orders: rows })).toEqual({
      id: 'k',
      value: null,
      reason: '3 matching rows, but none has a value of orders.price / (orders.quantity - orders.quantity) to sum: an empty cell, or a computation that divided by zero or overflowed',
      sample: 0,
    });
  });

  it('a sum whose matching rows all have no value is unknown, as in SQL; over no matching rows it stays 0', () => {
    // 10 × 1e308 and 2 × 1e308 both overflow
    const huge: Row[] = [[10, 2, 'paid'], [2, 3, 'paid']];
    expect(value('sum(orders.price * 1e308)', { orders: huge })).toEqual({
      id: 'k',
      value: null,
      reason: '2 matching rows, but none has a value of orders.price * 1e+308 to sum: an empty cell, or a computation that divided by zero or overflowed',
      sample: 0,
    });
    // the one paid row with a null price
    expect(value('sum(orders.price where quantity = 3)', { orders })).toEqual({
      id: 'k',
      value: null,
      reason: '1 matching row, but it has no value of orders.price to sum: an empty cell, or a computation that divided by zero or overflowed',
      sample: 0,
    });
    // one value among the matching rows is enough: 3 (the refunded row's price)
    expect(value("sum(orders.price where status = 'refunded' or quantity = 3)", { orders })).toEqual({ id: 'k', value: 3, sample: 1 });
  });

  it('a result too large for a number leaves the row out', () => {
    const rows: Row[] = [[1e308, 10, 'paid'], [2, 3, 'paid']];
    expect(value('sum(orders.price * orders.quantity)', { orders: rows })).toEqual({ id: 'k', value: 6, sample: 1 });
  });

  it('over no matching rows, sum is 0 and avg has no value, naming the expression', () => {
    expect(value("sum(orders.price * orders.quantity where status = 'none')", { orders })).toEqual({ id: 'k', value: 0, sample: 0 });
    expect(value("avg(orders.price * orders.quantity where status = 'none')", { orders })).toEqual({
      id: 'k',
      value: null,
      reason: 'no values of orders.price * orders.quantity to average',
      sample: 0,
    });
  });

  it('computed values in a where: the row passes when the comparison is true; null is unknown', () => {
    // 20 and 22 are above 15; the null rows are left out.
    expect(value('count(orders where price * quantity > 15)', { orders }).value).toBe(2);
    // (10 - 1) × 2 and (5.5 - 1) × 4 are both 18; the refunded row passes by its status.
    expect(value("count(orders where (price - 1) * quantity >= 18 or status = 'refunded')", { orders }).value).toBe(3);
  });
});

describe('days_between and hours_between', () => {
  const deal = (created: string, closed: string | null, stage = 'won'): Row => [utc(created), closed === null ? null : utc(closed), 1000, stage];

  it('exactly 7 days is 7; a closing before the creation is negative; a missing time gives no value', () => {
    const deals = [
      deal('2026-07-01T00:00:00Z', '2026-07-08T00:00:00Z'),
      deal('2026-07-10T12:00:00Z', '2026-07-09T00:00:00Z'),
      deal('2026-07-10T12:00:00Z', null),
    ];
    expect(value('max(days_between(deals.created_at, deals.closed_at))', { deals })).toEqual({ id: 'k', value: 7, sample: 2 });
    expect(value('min(days_between(deals.created_at, deals.closed_at))', { deals })).toEqual({ id: 'k', value: -1.5, sample: 2 });
  });

  it('is elapsed time: a week across the spring-forward change in New York is 6 days 23 hours', () => {
    // 2026-03-07 12:00 EST (17:00Z) to 2026-03-14 12:00 EDT (16:00Z): clocks moved on 2026-03-08.
    const deals = [deal('2026-03-07T17:00:00Z', '2026-03-14T16:00:00Z')];
    expect(value('avg(days_between(deals.created_at, deals.closed_at))', { deals }).value).toBeCloseTo(167 / 24, 12);
    expect(value('avg(hours_between(deals.created_at, deals.closed_at))', { deals }).value).toBe(167);
  });

  it('between two date columns counts calendar days, so the same week is 7', () => {
    // Midnights in New York: 2026-03-07 is 05:00Z, 2026-03-14 is 04:00Z.
    const cases: Row[] = [[utc('2026-03-07T05:00:00Z'), utc('2026-03-14T04:00:00Z')]];
    expect(value('sum(days_between(cases.opened, cases.closed))', { cases }).value).toBe(7);
  });

  it('median days to close won deals', () => {
    const deals = [
      deal('2026-07-01T00:00:00Z', '2026-07-03T00:00:00Z'),
      deal('2026-07-01T00:00:00Z', '2026-07-11T12:00:00Z'),
      deal('2026-07-01T00:00:00Z', '2026-07-05T00:00:00Z'),
      deal('2026-07-01T00:00:00Z', '2026-07-02T00:00:00Z', 'lost'),
    ];
    // won: 2, 10.5, 4 days: the median is 4.
    expect(value("median(days_between(deals.created_at, deals.closed_at) where stage = 'won')", { deals })).toEqual({ id: 'k', value: 4, sample: 3 });
  });

  it('an SLA: tickets answered within 4 hours, exactly 4 included; an unanswered ticket is not within it', () => {
    const ticket = (created: string, answered: string | null): Row => [utc(created), answered === null ? null : utc(answered), 'high'];
    const tickets = [
      ticket('2026-07-01T09:00:00Z', '2026-07-01T13:00:00Z'), // 4 h
      ticket('2026-07-01T09:00:00Z', '2026-07-01T13:30:00Z'), // 4.5 h
      ticket('2026-07-01T09:00:00Z', '2026-07-01T10:00:00Z'), // 1 h
      ticket('2026-07-01T09:00:00Z', null),
    ];
    const sla = 'count(tickets where hours_between(created_at, first_response_at) <= 4) / count(tickets where first_response_at is not null)';
    expect(value(sla, { tickets })).toEqual({ id: 'k', value: 2 / 3, sample: 3 });
    expect(value('count(tickets where not hours_between(created_at, first_response_at) <= 4)', { tickets }).value).toBe(1);
    expect(value('avg(hours_between(tickets.created_at, tickets.first_response_at))', { tickets }).value).toBeCloseTo(9.5 / 3, 12);
  });
});
