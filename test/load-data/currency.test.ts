import { describe, expect, test } from 'vitest';
import { currencyOfAmount } from '../../src/load/data/numbers.js';
import { col, read, source, tempDir, where } from './helpers.js';

describe('currencyOfAmount', () => {
  test.each([
    ['EUR 12', 'EUR'],
    ['12.50 GBP', 'GBP'],
    ['-USD 3', 'USD'],
    ['€12', 'EUR'],
    ['(£3.00)', 'GBP'],
    ['US$12', 'USD'],
    ['R$ 12,50', 'BRL'],
    ['ca$5', 'CAD'],
    ['$12', null], // dollars of many countries
    ['¥500', null], // yen or yuan
    ['12.50', null],
    ['1e3', null],
  ])('%j -> %j', (text, expected) => expect(currencyOfAmount(text)).toBe(expected));
});

describe('a money column with a currency column', () => {
  const def = source('orders.csv', [col('id', 'integer'), col('currency', 'string'), col('total', 'money', { currencyColumn: 'currency' })]);

  test('codes are upper-cased, a cell\'s own currency must agree or fills an empty currency cell', async () => {
    const baseDir = await tempDir({
      'orders.csv': [
        'id,currency,total',
        '1,USD,10', // plain
        '2, usd ,$10', // trimmed, upper-cased; '$' names no one currency
        '3,EUR,EUR 10', // agrees
        '4,,€10', // fills the empty currency
        '5,USD,€10', // conflicts
        '6,Euro,10', // not a code
        '7,,10', // no currency at all: kept, null
        '8,GBP,', // no amount: nothing to check
        '9,XYZ,10', // three letters, but no ISO 4217 code
      ].join('\n'),
    });
    const { rows, stats } = await read(def, { baseDir });
    expect(rows).toEqual([
      [1, 'USD', 10],
      [2, 'USD', 10],
      [3, 'EUR', 10],
      [4, 'EUR', 10],
      [7, null, 10],
      [8, 'GBP', null],
    ]);
    expect(stats.rejections.map(where)).toEqual([
      { code: 'row/currency-conflict', line: 6, column: 7 },
      { code: 'row/invalid-currency', line: 7, column: 3 },
      { code: 'row/invalid-currency', line: 10, column: 3 },
    ]);
    expect(stats.rejections.map((rejection) => rejection.message)).toEqual([
      "column 'total' (field 3): '€10' is an amount in EUR, but its currency column 'currency' says USD: correct one of them. The row was left out.",
      "column 'currency' (field 2): 'Euro' is not an ISO 4217 currency code: write a three-letter code such as USD or EUR. The row was left out.",
      "column 'currency' (field 2): 'XYZ' is not an ISO 4217 currency code: write a three-letter code such as USD or EUR. The row was left out.",
    ]);
  });
});
