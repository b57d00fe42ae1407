import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/compute/engine.js';
import { planKpis } from '../../src/compute/plan.js';
import type { Row } from '../../src/core/values.js';
import { compute, computeOne, makeFramework } from './factory.js';

const sources = {
  traffic: { columns: { session_id: 'string', event_name: 'string' } },
  orders: { columns: { customer_id: 'string', status: 'string', total: 'money' } },
  paid_orders: { from: 'orders', where: "status = 'paid'" },
  survey: { columns: { score: 'integer' } },
} as const;

const orders: Row[] = [
  ['c1', 'paid', 10],
  ['c1', 'paid', 20],
  ['c2', 'paid', 30],
  ['c3', 'refunded', 40],
];

const journey = makeFramework({
  sources,
  kpis: {
    // (10 + 20 + 30) / 3 = 20, over the 3 paid orders.
    aov: 'sum(paid_orders.total) / count(paid_orders)',
    // 3 paid orders / 2 paying customers = 1.5.
    purchase_frequency: 'count(paid_orders) / count_distinct(paid_orders.customer_id)',
    cltv: 'aov * purchase_frequency * 3',
    conversion: "count_distinct(traffic.session_id where event_name = 'purchase') / count_distinct(traffic.session_id)",
    visits: 'count(traffic)',
    nps: 'nps(survey.score)',
  },
});

describe('KPI references', () => {
  it('computes CLTV = aov × purchase_frequency × 3 from other KPIs', () => {
    const values = compute(journey, { orders, traffic: [['s1', 'view']], survey: [[10]] });
    expect(values.get('aov')).toEqual({ id: 'aov', value: 20, sample: 3 });
    // sample of a / b is b's: 3 paid rows with a customer.
    expect(values.get('purchase_frequency')).toEqual({ id: 'purchase_frequency', value: 1.5, sample: 3 });
    expect(values.get('cltv')).toEqual({ id: 'cltv', value: 90, sample: 3 });
  });

  it('computes only the selected KPIs and those they reference, reading only their sources', () => {
    const engine = createEngine(journey, new Set(['cltv']));
    expect(engine.sources).toEqual(['orders']);
    expect(() => engine.rowSink('traffic')).toThrow("no selected KPI reads source 'traffic'");
    const values = compute(journey, { orders }, new Set(['cltv']));
    expect([...values.keys()].sort()).toEqual(['aov', 'cltv', 'purchase_frequency']);
  });

  it('lists every read source in framework order', () => {
    expect(createEngine(journey).sources).toEqual(['traffic', 'orders', 'survey']);
  });

  it('passes on the reason of a referenced KPI without data', () => {
    const values = compute(journey, { orders: [] });
    expect(values.get('cltv')).toEqual({
      id: 'cltv',
      value: null,
      reason: "depends on 'aov', which has no data: no valid rows for source 'orders'",
      sample: 0,
    });
  });
});

describe('arithmetic', () => {
  it('makes a zero denominator null, naming the denominator as written', () => {
    const values = compute(journey, { traffic: [['s1', 'view'], ['s2', 'view']] });
    expect(values.get('conversion')).toEqual({ id: 'conversion', value: 0, sample: 2 });
    const zero = computeOne("count(orders) / (count(orders where status = 'lost') * 2)", sources, { orders });
    expect(zero).toEqual({ id: 'k', value: null, reason: "denominator count(orders where status = 'lost') * 2 is 0", sample: 0 });
  });

  it('keeps full precision and turns overflow into null', () => {
    expect(computeOne('1 / 3 + count(orders)', sources, { orders }).value).toBe(1 / 3 + 4);
    expect(computeOne('max(orders.total) * 1e307', sources, { orders })).toMatchObject({
      value: null,
      reason: 'max(orders.total) * 1e307 is too large to compute',
    });
  });

  it('never returns -0', () => {
    expect(Object.is(computeOne("-count(orders where status = 'lost')", sources, { orders }).value, 0)).toBe(true);
  });
});

describe('sample', () => {
  it.each([
    ['count(orders)', 4],
    ["count(orders) + count(orders where status = 'paid')", 3], // the smaller side
    ["100 * count(orders where status = 'paid') / count(orders)", 4], // a / b takes b's
    ['count(orders) * 2', 4], // a number is neutral
    ['-count(orders)', 4],
    ['2 + 3', null],
    ['sum(orders.total) / 0', null],
  ])('%s -> %s', (formula, sample) => {
    expect(computeOne(formula, sources, { orders }).sample).toBe(sample);
  });
});

describe('sharing identical aggregates', () => {
  const accumulators = (kpis: Record<string, string>) =>
    new Set([...planKpis(makeFramework({ sources, kpis })).aggregates.values()].map((planned) => planned.accumulator)).size;

  it('computes an aggregate once however it is written, directly or through a view', () => {
    expect(accumulators({ a: 'count(paid_orders)', b: "COUNT( orders WHERE status='paid' )", c: "count(orders where status = 'paid') * 2" })).toBe(1);
  });

  it('keeps aggregates apart when the function, column, parameter or condition differs', () => {
    expect(
      accumulators({
        a: 'count(orders)',
        b: "count(orders where status = 'paid')",
        c: 'sum(orders.total)',
        d: 'avg(orders.total)',
        e: 'percentile(orders.total, 0.9)',
        f: 'percentile(orders.total, 0.5)',
        g: 'median(orders.total)',
      }),
    ).toBe(7);
  });
});

describe('min_sample', () => {
  // aov has 3 paid orders behind it; with min_sample 4 it has no value, and neither has cltv, built on it.
  const strict = {
    ...journey,
    stages: journey.stages.map((stage) => ({
      ...stage,
      kpis: stage.kpis.map((kpi) => (kpi.id === 'aov' ? { ...kpi, minSample: 4 } : kpi)),
    })),
  };

  it('gives no value when fewer rows stand behind it, and no value to KPIs built on it', () => {
    const values = compute(strict, { orders, traffic: [['s1', 'view']], survey: [[10]] });
    expect(values.get('aov')).toEqual({ id: 'aov', value: null, reason: 'only 3 rows behind the value; min_sample is 4', sample: 3 });
    expect(values.get('cltv')).toMatchObject({
      value: null,
      reason: "depends on 'aov', which has no data: only 3 rows behind the value; min_sample is 4",
    });
  });

  it('keeps the value at exactly min_sample', () => {
    const enough = [...orders, ['c2', 'paid', 40] as Row];
    // (10 + 20 + 30 + 40) / 4 = 25 over 4 paid orders
    expect(compute(strict, { orders: enough, traffic: [['s1', 'view']], survey: [[10]] }).get('aov')).toEqual({ id: 'aov', value: 25, sample: 4 });
  });
});
