import { describe, expect, it } from 'vitest';
import type { Condition, Expr } from '../../src/formula/ast.js';
import { parseCondition, parseFormula } from '../../src/formula/parser.js';
import { aggregatesOf, columnsOf, kpiReferencesOf } from '../../src/formula/references.js';

function parsed(text: string): Expr {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function condition(text: string): Condition {
  const result = parseCondition(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('references', () => {
  const text = "-(sum(orders.total where status = 'paid') / count(orders)) * aov + 2 - frequency";
  const formula = parsed(text);

  it('lists the aggregates in order', () => {
    expect(aggregatesOf(formula).map((call) => `${call.fn}:${call.source}`)).toEqual(['sum:orders', 'count:orders']);
  });

  it('lists KPI references with their spans', () => {
    expect(kpiReferencesOf(formula)).toEqual([
      { id: 'aov', span: { start: text.indexOf('aov'), end: text.indexOf('aov') + 3 } },
      { id: 'frequency', span: { start: text.indexOf('frequency'), end: text.length } },
    ]);
  });

  it("lists a condition's columns, including those of having's group aggregates", () => {
    expect(columnsOf(condition("a = 1 or not (b in ('x') and c is null) and 2 < d"))).toEqual([
      { name: 'a', span: { start: 0, end: 1 } },
      { name: 'b', span: { start: 14, end: 15 } },
      { name: 'c', span: { start: 29, end: 30 } },
      { name: 'd', span: { start: 48, end: 49 } },
    ]);
    const call = aggregatesOf(parsed('count_distinct(o.id having count() > 1 and sum(total) > 5)'))[0];
    expect(call?.having && columnsOf(call.having)).toEqual([{ name: 'total', span: { start: 43, end: 53 } }]);
  });
});
