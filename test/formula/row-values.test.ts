import { describe, expect, it } from 'vitest';
import { parseFormula } from '../../src/formula/parser.js';

/** The AST without spans, to compare shapes. */
function formula(text: string): unknown {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(result.message);
  return JSON.parse(JSON.stringify(result.value, (key, inner: unknown) => (key === 'span' ? undefined : inner)));
}

function failure(text: string): { message: string; at: string } {
  const result = parseFormula(text);
  if (result.ok) throw new Error(`${text} parsed`);
  return { message: result.message, at: text.slice(result.span.start, result.span.end) };
}

const col = (source: string | undefined, name: string) => ({ kind: 'column', ...(source && { source }), name });

describe('parseFormula: row expressions inside aggregates', () => {
  it('reads arithmetic over one source, its source taken from the first column', () => {
    expect(formula('sum(orders.price * (orders.quantity - 1))')).toEqual({
      kind: 'aggregate',
      fn: 'sum',
      source: 'orders',
      value: { kind: 'binary', op: '*', left: col('orders', 'price'), right: { kind: 'binary', op: '-', left: col('orders', 'quantity'), right: { kind: 'number', value: 1 } } },
    });
  });

  it('keeps a lone column in the plain shape, so sum(orders.total) is what it always was', () => {
    expect(formula('sum(orders.total)')).toEqual({ kind: 'aggregate', fn: 'sum', source: 'orders', column: 'total' });
  });

  it('reads days_between with the where after it', () => {
    expect(formula("median(days_between(deals.created_at, deals.closed_at) where stage = 'won')")).toMatchObject({
      fn: 'median',
      source: 'deals',
      value: { kind: 'between', fn: 'days_between', from: col('deals', 'created_at'), to: col('deals', 'closed_at') },
      where: { kind: 'compare', op: '=' },
    });
  });

  it('reads hours_between and arithmetic as operands of a where, with bare columns', () => {
    expect(formula('count(tickets where hours_between(created_at, first_response_at) <= 4)')).toEqual({
      kind: 'aggregate',
      fn: 'count',
      source: 'tickets',
      where: {
        kind: 'compare',
        op: '<=',
        left: { kind: 'computed', expr: { kind: 'between', fn: 'hours_between', from: col(undefined, 'created_at'), to: col(undefined, 'first_response_at') } },
        right: { kind: 'literal', value: 4 },
      },
    });
  });

  it('tells a parenthesised condition from parenthesised arithmetic', () => {
    expect(formula("count(t where (a + b) * 2 > 3 and (x = 1 or y = 'z'))")).toMatchObject({
      where: { kind: 'and', left: { kind: 'compare', left: { kind: 'computed' } }, right: { kind: 'or' } },
    });
    expect(formula('count(t where x > -3)')).toMatchObject({ where: { right: { kind: 'literal', value: -3 } } });
  });

  it.each([
    ['count_distinct(orders.a + orders.b)', 'count_distinct reads one column as it is, not a computed value: write count_distinct(source.column)', 'orders.a + orders.b'],
    ['nps(s.a * 2)', 'nps reads one column as it is, not a computed value: write nps(source.column)', 's.a * 2'],
    ['sum(2 * 3)', 'sum needs a column of a source to read rows from, e.g. sum(orders.price * orders.quantity)', '2 * 3'],
    ['sum(orders)', 'sum needs a column: write sum(orders.column)', ')'],
    ['sum(sum(o.a))', "sum() is an aggregate, and aggregates do not nest: inside one, a row's values combine with + - * / and days_between, hours_between", 'sum'],
    ['avg(day_between(o.a, o.b))', "unknown function 'day_between'. Did you mean 'days_between'? Inside an aggregate and in a where, a row's values combine with + - * / and days_between, hours_between", 'day_between'],
    ['days_between(d.a, d.b)', 'days_between works on one row: use it inside an aggregate, e.g. avg(days_between(deals.created_at, deals.closed_at))', 'days_between'],
    ['avg(days_between(d.a))', 'days_between takes two datetime columns: write days_between(deals.created_at, deals.closed_at)', ')'],
    ['count(t where days_between(t.a, t.b) > 1)', "columns are written bare in a condition, without their source: drop 't.'", 't'],
    ['sum(o.a, 2)', 'sum takes no second argument', ','],
    ['count(t where (a + b > 3)', "expected ')' to close count( opened at column 1", ''],
  ])('%s fails: %s', (text, message, at) => {
    expect(failure(text)).toEqual({ message, at });
  });
});

describe('parseFormula: survey options', () => {
  it('reads named options and the old positional csat cut-off', () => {
    expect(formula('csat(s.x, satisfied >= 4, scale 1..5)')).toEqual({ kind: 'aggregate', fn: 'csat', source: 's', column: 'x', param: 4, scale: { min: 1, max: 5 } });
    expect(formula('csat(s.x, 4)')).toEqual({ kind: 'aggregate', fn: 'csat', source: 's', column: 'x', param: 4 });
    expect(formula('nps(s.x, detractors <= 5, promoters >= 8, scale 0..10)')).toEqual({
      kind: 'aggregate', fn: 'nps', source: 's', column: 'x', scale: { min: 0, max: 10 }, promoters: 8, detractors: 5,
    });
    expect(formula("ces(s.effort, scale 1..5 where channel = 'chat')")).toMatchObject({ fn: 'ces', column: 'effort', scale: { min: 1, max: 5 }, where: {} });
  });

  it.each([
    ['nps(s.x, promotors >= 9)', "nps has no option 'promotors'. Did you mean 'promoters'? Write its options after the column: promoters >= 9, detractors <= 6, scale 0..10", 'promotors'],
    ['ces(s.x, satisfied >= 4)', "ces has no option 'satisfied'. Write its options after the column: scale 1..7", 'satisfied'],
    ['csat(s.x, satisfied > 4)', 'write satisfied >= 4', '>'],
    ['csat(s.x, 4, satisfied >= 3)', 'satisfied is given twice in csat(', 'satisfied >= 3'],
    ['csat(s.x, scale 5..1)', 'a scale runs from its lowest answer to its highest, e.g. scale 1..5; found 5..1', '5..1'],
    ['csat(s.x, scale 1..4.5)', 'a scale runs between whole numbers, e.g. scale 1..5', '1..4.5'],
    ['csat(s.x, scale 1 5)', 'write the scale as lowest..highest, e.g. scale 1..5', '5'],
  ])('%s fails: %s', (text, message, at) => {
    expect(failure(text)).toEqual({ message, at: at.trim() });
  });
});
