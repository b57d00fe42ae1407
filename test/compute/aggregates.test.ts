import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/values.js';
import { compute, computeOne, makeFramework } from './factory.js';

const sources = {
  orders: { columns: { order_id: 'string', customer_id: 'string', status: 'string', total: 'money' } },
  survey: { columns: { score: 'integer' } },
} as const;

const orders: Row[] = [
  ['o1', 'c1', 'paid', 10],
  ['o2', 'c1', 'paid', 20],
  ['o3', 'c2', 'refunded', 5],
  ['o4', 'c3', 'paid', null],
  ['o5', null, 'pending', 15],
];

const value = (formula: string, rows: Record<string, Row[]> = { orders }) => computeOne(formula, sources, rows);

describe('aggregates over orders (totals 10, 20, 5, null, 15)', () => {
  it.each([
    ['count(orders)', 5, 5],
    ["count(orders where status = 'paid')", 3, 3],
    // c1, c2, c3; o5 has no customer, so 4 rows are behind the value.
    ['count_distinct(orders.customer_id)', 3, 4],
    ['sum(orders.total)', 50, 4],
    ['avg(orders.total)', 12.5, 4],
    ['min(orders.total)', 5, 4],
    ['max(orders.total)', 20, 4],
    // sorted 5, 10, 15, 20: position (4 - 1) × 0.5 = 1.5, halfway between 10 and 15.
    ['median(orders.total)', 12.5, 4],
    // position 3 × 0.25 = 0.75: 5 + 0.75 × (10 - 5).
    ['percentile(orders.total, 0.25)', 8.75, 4],
    ['percentile(orders.total, 0)', 5, 4],
    ['percentile(orders.total, 1)', 20, 4],
  ])('%s = %s (sample %s)', (formula, expected, sample) => {
    expect(value(formula)).toEqual({ id: 'k', value: expected, sample });
  });

  it('interpolates percentile 0.9 at position 2.7, between 15 and 20', () => {
    expect(value('percentile(orders.total, 0.9)').value).toBeCloseTo(18.5, 12);
  });

  it('keeps counts per distinct value, so repeated values are ranked by multiplicity', () => {
    // 1, 1, 1, 10: position 1.5 falls between two 1s.
    const rows = { orders: [1, 1, 10, 1].map((total): Row => ['o', 'c', 'paid', total]) };
    expect(value('median(orders.total)', rows).value).toBe(1);
    expect(value('percentile(orders.total, 0.75)', rows).value).toBeCloseTo(3.25, 12); // 1 + 0.25 × 9
  });

  it('sums with compensation: 1e16 + 1 - 1e16 is 1, where a plain running sum gives 0', () => {
    const rows = { orders: [1e16, 1, -1e16].map((total): Row => ['o', 'c', 'paid', total]) };
    expect(value('sum(orders.total)', rows).value).toBe(1);
  });

  it('counts distinct values by value and type', () => {
    const rows = { orders: [['o', '1', 'paid', 1], ['o', 1, 'paid', 1], ['o', '1', 'paid', 1]] as Row[] };
    expect(value('count_distinct(orders.customer_id)', rows)).toMatchObject({ value: 2, sample: 3 });
  });

  it('gives 0 for count, count_distinct and sum of no matching rows, null with a reason for the others', () => {
    const none = "where status = 'lost'";
    expect(value(`count(orders ${none})`)).toEqual({ id: 'k', value: 0, sample: 0 });
    expect(value(`count_distinct(orders.customer_id ${none})`)).toEqual({ id: 'k', value: 0, sample: 0 });
    expect(value(`sum(orders.total ${none})`)).toEqual({ id: 'k', value: 0, sample: 0 });
    expect(value(`avg(orders.total ${none})`)).toEqual({ id: 'k', value: null, reason: 'no values of orders.total to average', sample: 0 });
    expect(value(`min(orders.total ${none})`).reason).toBe('no values of orders.total to take the minimum of');
    expect(value(`median(orders.total ${none})`).reason).toBe('no values of orders.total to take the median of');
    expect(value(`csat(orders.total ${none})`).reason).toBe('no answers in orders.total to compute csat');
  });

  it('is null for every aggregate when the source had no rows in the period', () => {
    for (const formula of ['count(orders)', 'sum(orders.total)', 'count_distinct(orders.customer_id)']) {
      expect(value(formula, { orders: [] })).toEqual({ id: 'k', value: null, reason: "no valid rows for source 'orders'", sample: 0 });
    }
    const timed = makeFramework({ sources: { visits: { columns: { at: 'datetime' }, time: 'at' } }, kpis: { k: 'count(visits)' } });
    expect(compute(timed, { visits: [] }).get('k')?.reason).toBe("no valid rows in the period for source 'visits'");
  });

  it('turns an overflowing sum into null with a reason', () => {
    const rows = { orders: [1e308, 1e308].map((total): Row => ['o', 'c', 'paid', total]) };
    expect(value('sum(orders.total)', rows)).toMatchObject({ value: null, reason: 'the sum of orders.total is too large to compute' });
  });
});

describe('nps and csat', () => {
  const scores = (...values: (number | null)[]) => ({ survey: values.map((score): Row => [score]) });

  it('nps: (promoters - detractors) / answers × 100, nulls ignored', () => {
    // promoters 10, 10, 9; detractor 3: (3 - 1) / 4 × 100.
    expect(value('nps(survey.score)', scores(10, 10, 9, 3, null))).toEqual({ id: 'k', value: 50, sample: 4 });
    // 7 and 8 are passives; 9, 10 promote; 6, 0 detract: (2 - 2) / 6.
    expect(value('nps(survey.score)', scores(10, 9, 8, 7, 6, 0)).value).toBe(0);
    // (0 - 1) / 3 × 100 = -33.33…
    expect(value('nps(survey.score)', scores(7, 8, 6)).value).toBeCloseTo(-33.333333333333336, 12);
  });

  it('nps: bands set where promoters start and detractors end', () => {
    // promoters >= 8: 10, 8; detractors <= 4: 4, 0; 6 and 5 are passives: (2 - 2) / 6.
    expect(value('nps(survey.score, promoters >= 8, detractors <= 4)', scores(10, 8, 6, 5, 4, 0)).value).toBe(0);
    // The defaults: 8, 6 and 5 are passive, 4 and 0 detract: (1 - 2) / 6 × 100.
    expect(value('nps(survey.score)', scores(10, 8, 6, 5, 4, 0)).value).toBeCloseTo(-50, 12);
  });

  it('ces: the mean answer; no answers is no value', () => {
    // (7 + 6 + 2) / 3 = 5
    expect(value('ces(survey.score)', scores(7, 6, null, 2))).toEqual({ id: 'k', value: 5, sample: 3 });
    expect(value('ces(survey.score)', scores(null))).toMatchObject({ value: null, reason: 'no values of survey.score to average', sample: 0 });
  });

  it('csat: share of answers at or above the cut-off (default 4, which counts as satisfied)', () => {
    // 5 and 4 of four answers.
    expect(value('csat(survey.score)', scores(5, 4, 3, null, 1))).toEqual({ id: 'k', value: 0.5, sample: 4 });
    expect(value('csat(survey.score, 3)', scores(5, 4, 3, null, 1)).value).toBe(0.75);
    expect(value('csat(survey.score, 5)', scores(5, 4, 3, null, 1)).value).toBe(0.25);
  });
});
