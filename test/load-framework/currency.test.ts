import { describe, expect, it } from 'vitest';
import { problemsOf, where } from './helpers.js';

describe('loadFramework: currency columns', () => {
  it('needs a money column naming a declared string column', async () => {
    const problems = await problemsOf('currency-columns.yaml');
    expect(where(problems)).toEqual([
      'framework/unknown-column@8:46',
      'framework/currency-column@9:45',
      'framework/currency-column@10:49',
    ]);
    expect(problems.map((problem) => problem.message)).toEqual([
      "column 'total' of source 'orders': its currency_column 'curency' is not a column of the source. Did you mean 'currency'? Declare it under columns as type: string",
      "column 'tax' of source 'orders' is of type number: only a money column has a currency_column; remove it or declare the column as type: money",
      "column 'shipping' of source 'orders': its currency_column 'currency_id' is of type integer; currency codes are text: declare it as type: string",
    ]);
  });

  it('refuses a condition that needs a lower-case code of a currency column, which holds upper-case ones', async () => {
    const problems = await problemsOf('currency-where.yaml');
    expect(where(problems)).toEqual(['framework/never-matches@10:23']);
    expect(problems[0]?.message).toBe(
      "no row can pass this condition: 'currency' is the currency_column of 'total', read as upper-case codes, so it never holds 'usd' (write 'USD')",
    );
  });
});
