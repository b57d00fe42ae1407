import { describe, expect, it } from 'vitest';
import { AGGREGATE_FUNCTIONS, BUCKET_FUNCTIONS, GROUP_FUNCTIONS, ROW_FUNCTIONS } from '../../src/formula/ast.js';
import { FUNCTIONS, functionNamed } from '../../src/formula/functions.js';
import { parseFormula } from '../../src/formula/parser.js';

describe('the function table', () => {
  it('describes exactly the functions of the syntax tree, each once', () => {
    const names = FUNCTIONS.map((info) => info.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...AGGREGATE_FUNCTIONS, ...BUCKET_FUNCTIONS, ...ROW_FUNCTIONS].sort());
    for (const fn of GROUP_FUNCTIONS) expect(functionNamed(fn)?.input).not.toBe('two-times');
  });

  it.each(FUNCTIONS.map((info) => [info.name, info.example]))('%s: its example parses', (_, example) => {
    expect(parseFormula(example).ok).toBe(true);
  });

  it('is what the parser accepts: a name not in it is an unknown function', () => {
    const result = parseFormula('tally(orders.customer_id)');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(
      "unknown function 'tally'. Functions are count, count_distinct, sum, avg, min, max, median, percentile, nps, csat, ces, churn, retention, net_revenue_retention, expansion, conversion, median_days_to, daily_avg, days_between, hours_between (journey-kpi kpis lists them).",
    );
  });
});
