import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/compute/engine.js';
import type { Expr } from '../../src/formula/ast.js';
import { aggregatesOf } from '../../src/formula/references.js';
import { makeFramework } from './factory.js';

const framework = makeFramework({
  sources: {
    orders: { columns: { customer_id: 'string', status: 'string', total: 'money' } },
    paid_orders: { from: 'orders', where: "status = 'paid'" },
  },
  kpis: {
    aov: 'sum(paid_orders.total) / count(paid_orders)',
    disputed: "sum(orders.total where status = 'disputed') / count(orders where status = 'disputed')",
  },
});

const formulaOf = (id: string): Expr => {
  const kpi = framework.stages[0]?.kpis.find((def) => def.id === id);
  if (!kpi) throw new Error(`no KPI ${id}`);
  return kpi.formula;
};

describe('engine.outcomeOfAggregate', () => {
  it('gives each aggregate node of a formula the outcome its KPI was computed from', () => {
    const engine = createEngine(framework);
    const sink = engine.rowSink('orders');
    for (const row of [['c1', 'paid', 10], ['c1', 'paid', 20], ['c2', 'refunded', 40]]) sink(row);
    const values = engine.finish();
    // paid: 10 + 20 = 30 over 2 rows; aov = 30 / 2 = 15.
    expect(values.get('aov')).toEqual({ id: 'aov', value: 15, sample: 2 });
    expect(aggregatesOf(formulaOf('aov')).map(engine.outcomeOfAggregate)).toEqual([
      { value: 30, sample: 2 },
      { value: 2, sample: 2 },
    ]);
    // No disputed order: the sum is 0 of 0 rows, the count 0, so the ratio has a zero denominator.
    expect(aggregatesOf(formulaOf('disputed')).map(engine.outcomeOfAggregate)).toEqual([
      { value: 0, sample: 0 },
      { value: 0, sample: 0 },
    ]);
  });

  it('says why an aggregate of a source without rows has no value', () => {
    const engine = createEngine(framework, new Set(['aov']));
    engine.finish();
    expect(aggregatesOf(formulaOf('aov')).map(engine.outcomeOfAggregate)).toEqual([
      { value: null, reason: "no valid rows for source 'orders'", sample: 0 },
      { value: null, reason: "no valid rows for source 'orders'", sample: 0 },
    ]);
  });
});
