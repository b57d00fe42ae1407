import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/compute/engine.js';
import type { Row } from '../../src/core/values.js';
import { compute, makeFramework } from './factory.js';
import { at, windowsOf } from './windowed.js';

const JULY = windowsOf('2026-07');

const sources = {
  subs: { columns: { account_id: 'string', plan: 'string', at: 'datetime' }, time: 'at' },
  payments: { columns: { account_id: 'string', amount: 'money', at: 'datetime' }, time: 'at' },
} as const;

const subs: Row[] = [
  ['a', 'pro', at('2026-06-05T10:00:00')],
  ['b', 'pro', at('2026-06-30T23:59:59.999')], // the previous period's last instant
  ['c', 'free', at('2026-06-01T00:00:00')], // the previous period's first instant
  ['a', 'pro', at('2026-07-01T00:00:00')], // the period's first instant
  ['d', 'pro', at('2026-07-31T23:59:59')],
  ['e', 'pro', at('2026-05-31T23:59:59')], // before the previous period: in neither
  ['b', 'pro', at('2026-08-01T00:00:00')], // the period's end, excluded: b does not come back
  [null, 'pro', at('2026-06-10T00:00:00')],
];

function values(kpis: Record<string, string>, rows: Record<string, Row[]>) {
  return compute(makeFramework({ sources, kpis }), rows, undefined, JULY);
}

describe('churn and retention', () => {
  it('follow the entities of the previous period into this one, boundaries included', () => {
    // Previous period (June): a, b, c. This period (July): a, d. Churned: b, c -> 2 of 3; retained: a -> 1 of 3.
    const result = values({ churn: 'churn(subs.account_id)', retention: 'retention(subs.account_id)', rows: 'count(subs)' }, { subs });
    expect(result.get('churn')).toEqual({ id: 'churn', value: 2 / 3, sample: 3 });
    expect(result.get('retention')).toEqual({ id: 'retention', value: 1 / 3, sample: 3 });
    // Ordinary aggregates still see only the period's rows: a (July 1) and d.
    expect(result.get('rows')).toEqual({ id: 'rows', value: 2, sample: 2 });
  });

  it('apply their where in both periods', () => {
    // Pro accounts in June: a, b; in July: a, d. b churned: 1 of 2.
    expect(values({ k: "churn(subs.account_id where plan = 'pro')" }, { subs }).get('k')).toEqual({ id: 'k', value: 0.5, sample: 2 });
  });

  it('have no value without entities in the previous period', () => {
    const julyOnly = subs.filter((row) => (row[2] as number) >= JULY.period.start);
    expect(values({ k: 'churn(subs.account_id)' }, { subs: julyOnly }).get('k')).toEqual({
      id: 'k',
      value: null,
      reason: 'no values of subs.account_id in the previous period (2026-06) to follow into this one',
      sample: 0,
    });
  });

  it('have no value when the source has no rows in the period', () => {
    const juneOnly = subs.filter((row) => (row[2] as number) < JULY.period.start);
    expect(values({ k: 'retention(subs.account_id)' }, { subs: juneOnly }).get('k')).toMatchObject({ value: null, reason: "no valid rows in the period for source 'subs'" });
    expect(values({ k: 'retention(subs.account_id)' }, { subs: [] }).get('k')).toMatchObject({ value: null, sample: 0 });
  });

  it('ask the loader for the previous period too', () => {
    const engine = createEngine(makeFramework({ sources, kpis: { k: 'churn(subs.account_id)' } }), undefined, JULY);
    expect(engine.rangeOf('subs')).toEqual({ start: at('2026-06-01T00:00:00'), end: at('2026-08-01T00:00:00'), purpose: 'the previous period' });
    expect([...engine.columnsRead('subs')].sort()).toEqual(['account_id', 'at']);
  });

  it('need the period', () => {
    expect(() => createEngine(makeFramework({ sources, kpis: { k: 'churn(subs.account_id)' } }))).toThrow('churn(subs) needs the report period');
  });
});

describe('net revenue retention and expansion', () => {
  const payments: Row[] = [
    ['a', 100, at('2026-06-02T00:00:00')],
    ['a', 50, at('2026-06-20T00:00:00')],
    ['b', 200, at('2026-06-10T00:00:00')],
    ['c', 100, at('2026-06-11T00:00:00')],
    ['a', 180, at('2026-07-02T00:00:00')],
    ['b', 100, at('2026-07-03T00:00:00')],
    ['d', 500, at('2026-07-04T00:00:00')], // new in July: not in either ratio
    ['e', 70, at('2026-05-04T00:00:00')], // before June: read by nothing
    ['c', null, at('2026-07-05T00:00:00')],
  ];

  it('divide what last period payers pay now by what they paid then', () => {
    // Payers in June: a 150, b 200, c 100 = 450. Their July: a 180, b 100, c 0 = 280.
    // Expansion: a grew by 30, b and c shrank: 30 / 450.
    const result = values({ nrr: 'net_revenue_retention(payments.amount by account_id)', expansion: 'expansion(payments.amount by account_id)' }, { payments });
    expect(result.get('nrr')).toEqual({ id: 'nrr', value: 280 / 450, sample: 3 });
    expect(result.get('expansion')).toEqual({ id: 'expansion', value: 30 / 450, sample: 3 });
  });

  it('have no value when last period amounts add up to zero, or there were none', () => {
    const zero: Row[] = [['a', 0, at('2026-06-02T00:00:00')], ['a', 10, at('2026-07-02T00:00:00')]];
    expect(values({ k: 'net_revenue_retention(payments.amount by account_id)' }, { payments: zero }).get('k')).toEqual({
      id: 'k',
      value: null,
      reason: 'the amounts of payments.amount in the previous period (2026-06) add up to 0',
      sample: 1,
    });
    const none: Row[] = [['a', 10, at('2026-07-02T00:00:00')]];
    expect(values({ k: 'expansion(payments.amount by account_id)' }, { payments: none }).get('k')).toMatchObject({
      value: null,
      reason: 'no amounts of payments.amount in the previous period (2026-06) to follow into this one',
    });
  });
});

describe('net revenue retention over amounts with a currency column', () => {
  const framework = (() => {
    const base = makeFramework({ sources: { pay: { columns: { account_id: 'string', currency: 'string', amount: 'money', at: 'datetime' }, time: 'at' } }, kpis: { nrr: 'net_revenue_retention(pay.amount by account_id)' } });
    const sources = base.sources.map((source) =>
      source.kind === 'file' ? { ...source, columns: source.columns.map((column) => (column.name === 'amount' ? { ...column, currencyColumn: 'currency' } : column)) } : source,
    );
    return { ...base, sources };
  })();

  it('is a plain ratio in one currency, and refuses to add two', () => {
    const usd: Row[] = [['a', 'USD', 100, at('2026-06-02T00:00:00')], ['a', 'USD', 90, at('2026-07-02T00:00:00')]];
    expect(compute(framework, { pay: usd }, undefined, JULY).get('nrr')).toEqual({ id: 'nrr', value: 0.9, sample: 1 });
    const mixed: Row[] = [...usd, ['b', 'EUR', 10, at('2026-06-03T00:00:00')]];
    expect(compute(framework, { pay: mixed }, undefined, JULY).get('nrr')).toEqual({
      id: 'nrr',
      value: null,
      reason:
        "net_revenue_retention(pay.amount by account_id) adds amounts in 2 currencies (USD: 2 rows, EUR: 1 row): add where currency = 'USD' to it, or compute it per currency from a view per currency",
      sample: 2,
      mixedCurrencies: true,
    });
  });
});
