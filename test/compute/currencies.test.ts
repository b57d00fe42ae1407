import { describe, expect, it } from 'vitest';
import { combinedCurrency, MIXED } from '../../src/compute/currencies.js';
import type { FileSourceDef, Framework } from '../../src/core/framework.js';
import type { Row } from '../../src/core/values.js';
import { compute, makeFramework } from './factory.js';

/** orders(currency, total, status) with total's currency in `currency`. */
function framework(kpis: Record<string, string>): Framework {
  const base = makeFramework({
    sources: {
      orders: { columns: { currency: 'string', total: 'money', status: 'string' } },
      usd: { from: 'orders', where: "currency = 'USD'" },
    },
    kpis,
  });
  const sources = base.sources.map((source) =>
    source.kind === 'file'
      ? ({ ...source, columns: source.columns.map((column) => (column.name === 'total' ? { ...column, currencyColumn: 'currency' } : column)) } satisfies FileSourceDef)
      : source,
  );
  return { ...base, sources };
}

const ROWS: Row[] = [
  ['USD', 100, 'paid'],
  ['USD', 50, 'paid'],
  ['EUR', 20, 'paid'],
  ['USD', null, 'paid'], // no amount: its currency does not count
  ['EUR', 40, 'refunded'],
  [null, 5, 'test'],
];

function run(kpis: Record<string, string>) {
  return compute(framework(kpis), { orders: ROWS });
}

describe('amounts with a currency column', () => {
  it('refuses a sum over two currencies, naming each with its rows', () => {
    const result = run({ k: "sum(orders.total where status != 'test')" }).get('k');
    expect(result).toEqual({
      id: 'k',
      value: null,
      sample: 4,
      mixedCurrencies: true,
      reason:
        "sum(orders.total) adds amounts in 2 currencies (USD: 2 rows, EUR: 2 rows): add where currency = 'USD' to it, or compute it per currency from a view per currency",
    });
  });

  it('counts amounts without a currency as a mix of their own', () => {
    const result = run({ k: "median(orders.total where currency != 'EUR' or currency is null)" }).get('k');
    // currency != 'EUR' is unknown for the null row, so `or currency is null` brings it in: USD 100, 50 and the 5 without one.
    expect(result?.reason).toBe(
      "median(orders.total) compares amounts in 1 currency and amounts without one (USD: 2 rows, no currency: 1 row): add where currency = 'USD' to it, or compute it per currency from a view per currency",
    );
  });

  it('computes one currency and carries it through arithmetic and KPI references', () => {
    const results = run({
      usd_sum: 'sum(usd.total)', // 150
      aov: 'usd_sum / count(usd)', // 150 / 3 rows (the null amount is a row)
      eur_avg: "avg(orders.total where currency = 'EUR')", // (20 + 40) / 2
      share: "sum(usd.total where status = 'paid') / usd_sum", // a ratio of USD amounts is a plain number
      doubled: '-usd_sum * 2',
    });
    expect(Object.fromEntries([...results].map(([id, kpi]) => [id, [kpi.value, kpi.currency]]))).toEqual({
      usd_sum: [150, 'USD'],
      aov: [50, 'USD'],
      eur_avg: [30, 'EUR'],
      share: [1, undefined],
      doubled: [-300, 'USD'],
    });
  });

  it('refuses arithmetic that meets two currencies, and a KPI built on such a KPI', () => {
    const results = run({
      usd_sum: 'sum(usd.total)',
      eur_sum: "sum(orders.total where currency = 'EUR')",
      total: 'usd_sum + eur_sum',
      on_top: 'total * 2',
    });
    expect(results.get('total')).toMatchObject({
      value: null,
      mixedCurrencies: true,
      reason: 'usd_sum + eur_sum combines amounts in USD and EUR: keep to one currency, e.g. with a where on the currency column',
    });
    expect(results.get('on_top')).toMatchObject({ value: null, mixedCurrencies: true });
    expect(results.get('on_top')?.reason).toMatch(/^depends on 'total', which has no data: usd_sum \+ eur_sum combines/);
  });

  it('refuses a having that adds amounts in two currencies, and allows one that keeps to one', () => {
    const results = run({
      mixed: 'count_distinct(orders.status having sum(total) >= 60)',
      usd: 'count_distinct(usd.status having sum(total) >= 60)', // paid: 100 + 50
      counted: 'count_distinct(orders.status having count() >= 2)', // paid (4 rows); refunded and test have 1
    });
    expect(results.get('mixed')).toMatchObject({
      value: null,
      mixedCurrencies: true,
      reason:
        "in a having, sum(orders.total) adds amounts in 2 currencies and amounts without one (USD: 2 rows, EUR: 2 rows, no currency: 1 row): add where currency = 'USD' to it, or compute it per currency from a view per currency",
    });
    expect(results.get('usd')?.value).toBe(1);
    expect(results.get('counted')?.value).toBe(1);
  });

  it('leaves counts and a plain money column alone', () => {
    const results = run({ n: 'count(orders)', ids: 'count_distinct(orders.currency)' });
    expect(results.get('n')).toEqual({ id: 'n', value: 6, sample: 6 });
    expect(results.get('ids')).toEqual({ id: 'ids', value: 2, sample: 5 });
  });
});

describe('combinedCurrency', () => {
  it('keeps an amount\'s currency beside plain numbers and refuses two different ones', () => {
    expect(combinedCurrency('+', 'USD', undefined)).toBe('USD');
    expect(combinedCurrency('-', undefined, 'EUR')).toBe('EUR');
    expect(combinedCurrency('*', undefined, 'EUR')).toBe('EUR');
    expect(combinedCurrency('/', 'EUR', undefined)).toBe('EUR');
    expect(combinedCurrency('/', undefined, 'EUR')).toBeUndefined();
    expect(combinedCurrency('/', 'EUR', 'EUR')).toBeUndefined();
    expect(combinedCurrency('*', 'EUR', 'EUR')).toBeUndefined();
    expect(combinedCurrency('+', 'EUR', 'EUR')).toBe('EUR');
    expect(combinedCurrency('/', 'EUR', 'USD')).toBe(MIXED);
    expect(combinedCurrency('+', undefined, undefined)).toBeUndefined();
  });
});
