import { describe, expect, it } from 'vitest';
import type { Condition, Expr } from '../../src/formula/ast.js';
import { parseCondition, parseFormula } from '../../src/formula/parser.js';

/** The AST without spans, to compare shapes. */
function shape<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === 'span' ? undefined : inner)));
}

function formula(text: string): unknown {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(result.message);
  return shape<Expr>(result.value);
}

function condition(text: string): unknown {
  const result = parseCondition(text);
  if (!result.ok) throw new Error(result.message);
  return shape<Condition>(result.value);
}

const col = (name: string) => ({ kind: 'column', name });
const lit = (value: string | number | boolean | null) => ({ kind: 'literal', value });
const num = (value: number) => ({ kind: 'number', value });
const kpi = (id: string) => ({ kind: 'kpi', id });

describe('parseFormula: arithmetic', () => {
  it('binds * and / tighter than + and -, left to right', () => {
    expect(formula('a + b * c - d / 2')).toEqual({
      kind: 'binary',
      op: '-',
      left: { kind: 'binary', op: '+', left: kpi('a'), right: { kind: 'binary', op: '*', left: kpi('b'), right: kpi('c') } },
      right: { kind: 'binary', op: '/', left: kpi('d'), right: num(2) },
    });
  });

  it('lets parentheses override precedence and reads negation and exponents', () => {
    expect(formula('(a + 1e3) * -b')).toEqual({
      kind: 'binary',
      op: '*',
      left: { kind: 'binary', op: '+', left: kpi('a'), right: num(1000) },
      right: { kind: 'negate', operand: kpi('b') },
    });
  });

  it('records spans as offsets into the text', () => {
    const result = parseFormula('aov * 3');
    expect(result.ok && result.value).toMatchObject({ span: { start: 0, end: 7 }, left: { span: { start: 0, end: 3 } } });
  });
});

describe('parseFormula: aggregates', () => {
  it.each([
    ['count(orders)', { kind: 'aggregate', fn: 'count', source: 'orders' }],
    ['COUNT_DISTINCT(traffic.session_id)', { kind: 'aggregate', fn: 'count_distinct', source: 'traffic', column: 'session_id' }],
    ['sum(orders.total)', { kind: 'aggregate', fn: 'sum', source: 'orders', column: 'total' }],
    ['avg(orders.total)', { kind: 'aggregate', fn: 'avg', source: 'orders', column: 'total' }],
    ['min(orders.total)', { kind: 'aggregate', fn: 'min', source: 'orders', column: 'total' }],
    ['max(orders.total)', { kind: 'aggregate', fn: 'max', source: 'orders', column: 'total' }],
    ['median(tickets.wait)', { kind: 'aggregate', fn: 'median', source: 'tickets', column: 'wait' }],
    ['percentile(tickets.wait, 0.9)', { kind: 'aggregate', fn: 'percentile', source: 'tickets', column: 'wait', param: 0.9 }],
    ['nps(survey.score)', { kind: 'aggregate', fn: 'nps', source: 'survey', column: 'score' }],
    ['csat(survey.rating)', { kind: 'aggregate', fn: 'csat', source: 'survey', column: 'rating' }],
    ['csat(survey.rating, 5)', { kind: 'aggregate', fn: 'csat', source: 'survey', column: 'rating', param: 5 }],
  ])('%s', (text, expected) => {
    expect(formula(text)).toEqual(expected);
  });

  it('reads where and having', () => {
    expect(formula("count_distinct(orders.customer_id where status = 'paid' having count() >= 2 and sum(total) > 100)")).toEqual({
      kind: 'aggregate',
      fn: 'count_distinct',
      source: 'orders',
      column: 'customer_id',
      where: { kind: 'compare', op: '=', left: col('status'), right: lit('paid') },
      having: {
        kind: 'and',
        left: { kind: 'compare', op: '>=', left: { kind: 'group', fn: 'count' }, right: lit(2) },
        right: { kind: 'compare', op: '>', left: { kind: 'group', fn: 'sum', column: 'total' }, right: lit(100) },
      },
    });
  });

  it('reads a where inside percentile after p', () => {
    expect(formula('percentile(t.wait, 0.5 WHERE wait > 0)')).toMatchObject({ param: 0.5, where: { op: '>' } });
  });

  it('refuses formulas nested deeper than 256 operators instead of overflowing the stack', () => {
    const deep = `${'('.repeat(3000)}1${')'.repeat(3000)}`;
    const long = Array.from({ length: 5000 }, () => '1').join(' + ');
    const conditions = `count(t where ${Array.from({ length: 4000 }, (_, i) => `v > ${i}`).join(' and ')})`;
    for (const text of [deep, long, conditions, `${'-'.repeat(10_000)}1`]) {
      const result = parseFormula(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain('more than 256 operators');
    }
    expect(parseFormula(`${'('.repeat(100)}a${')'.repeat(100)}`).ok).toBe(true);
    expect(parseFormula(`count(t where v in (${Array.from({ length: 5000 }, (_, i) => i).join(', ')}))`).ok).toBe(true);
  });

  it('treats a function name as a function only before (, so KPIs and columns may be called nps or count', () => {
    expect(formula('nps(survey.nps) - nps')).toEqual({
      kind: 'binary',
      op: '-',
      left: { kind: 'aggregate', fn: 'nps', source: 'survey', column: 'nps' },
      right: kpi('nps'),
    });
    expect(formula('count * 2')).toEqual({ kind: 'binary', op: '*', left: kpi('count'), right: num(2) });
  });
});

describe('parseCondition', () => {
  it('binds and tighter than or, not tighter than and', () => {
    expect(condition('a = 1 or not b = 2 and c = 3')).toEqual({
      kind: 'or',
      left: { kind: 'compare', op: '=', left: col('a'), right: lit(1) },
      right: {
        kind: 'and',
        left: { kind: 'not', operand: { kind: 'compare', op: '=', left: col('b'), right: lit(2) } },
        right: { kind: 'compare', op: '=', left: col('c'), right: lit(3) },
      },
    });
  });

  it('honours parentheses', () => {
    expect(condition('(a = 1 or b = 2) and c = 3')).toMatchObject({ kind: 'and', left: { kind: 'or' } });
  });

  it.each([
    ['x != 1', '!='],
    ['x <> 1', '!='],
    ['x < 1', '<'],
    ['x <= 1', '<='],
    ['x > 1', '>'],
    ['x >= 1', '>='],
  ])('%s', (text, op) => {
    expect(condition(text)).toEqual({ kind: 'compare', op, left: col('x'), right: lit(1) });
  });

  it('reads in, not in, is null, is not null', () => {
    expect(condition("s in ('a', 'b')")).toEqual({ kind: 'in', negated: false, operand: col('s'), values: ['a', 'b'] });
    expect(condition('s NOT IN (1, -3, 0.5, null)')).toEqual({ kind: 'in', negated: true, operand: col('s'), values: [1, -3, 0.5, null] });
    expect(condition('s is null')).toEqual({ kind: 'is_null', negated: false, operand: col('s') });
    expect(condition('s Is Not Null')).toEqual({ kind: 'is_null', negated: true, operand: col('s') });
  });

  it("reads literals: '' as a quote, booleans, null, negative numbers", () => {
    expect(condition("name = 'O''Brien'")).toMatchObject({ right: lit("O'Brien") });
    expect(condition('flag = TRUE')).toMatchObject({ right: lit(true) });
    expect(condition('flag = false')).toMatchObject({ right: lit(false) });
    expect(condition('x = null')).toMatchObject({ right: lit(null) });
    expect(condition('-3 < x')).toMatchObject({ left: lit(-3), right: col('x') });
  });
});

describe('parse errors: message and span of the offending token', () => {
  it.each([
    ['count_distinct(traffic.session_id', "expected ')' to close count_distinct( opened at column 1", 33, 33],
    ['cout(orders)', "unknown function 'cout'. Did you mean 'count'?", 0, 4],
    ['sum(orders.total having count() > 1)', 'having is only allowed in count_distinct', 17, 23],
    ['percentile(t.wait, 1.5)', 'percentile needs p between 0 and 1', 19, 22],
    ['count(orders.id)', 'count counts rows and takes no column', 12, 13],
    ['sum(orders)', 'sum needs a column', 10, 11],
    ["count(t where e = \"x\")", 'strings use single quotes', 18, 19],
    ["count(t where e = 'x)", 'unterminated string', 18, 21],
    ['count(t where orders.e = 1)', 'columns are written bare', 14, 20],
    ['count(t where count() > 1)', 'count() is an aggregate', 14, 19],
    ['count(t where e 1)', "expected a comparison (=, !=, <, <=, >, >=), in (...) or is null after 'e'", 16, 17],
    ['count(t where e is 1)', "expected null after 'is'", 19, 20],
    ['a b', "unexpected 'b' after the end of the formula", 2, 3],
    ['a +', 'expected a number', 3, 3],
    ['', 'the formula is empty', 0, 0],
    ['a * 1e400', '1e400 is too large a number', 4, 9],
    ['(a + b', "expected ')' to close ( opened at column 1", 6, 6],
    ['count_distinct(o.c having x > 1)', "'x' differs between a group's rows", 26, 27],
    ['conversion(a.x b.y)', 'conversion follows a first step to a second: write conversion(a.x -> source.column)', 15, 16],
    ['conversion(a.x -> b.y within 7 weeks)', 'expected days or hours after within 7, found \'weeks\'', 31, 36],
    ['conversion(a.x -> b.y within -1 days)', 'within takes a time of 0 or more', 29, 31],
    ['median_days_to(a.x -> b.y after 7 days)', 'median_days_to measures the time to the first second step: bound it with within', 26, 32],
    ['net_revenue_retention(p.amount)', 'name the column that says whose each amount is, e.g. net_revenue_retention(p.amount by account_id)', 30, 31],
    ['daily_avg(avg(a.x))', 'daily_avg averages a daily count_distinct, count or sum', 10, 13],
    ['daily_avg(count_distinct(a.x having count() > 1))', 'having is not available inside it', 36, 47],
    ['churn(s.a * 2)', 'churn reads one column as it is, not a computed value', 6, 13],
  ])('%s', (text, message, start, end) => {
    const result = parseFormula(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(message);
    expect(result.span).toEqual({ start, end });
  });

  it.each([
    ["count(t where e == 'x')", "'==' is not an operator: to compare in a where or having, write = for 'equal' (event_name = 'purchase')", 16, 18],
    ["count(t where e === 'x')", "'===' is not an operator: to compare in a where or having, write = for 'equal' (event_name = 'purchase')", 16, 19],
    ["count(t where e !== 'x')", "'!==' is not an operator: to compare in a where or having, write != for 'not equal' (event_name != 'purchase')", 16, 19],
  ])("%s: the doubled comparison named, with the one to write instead", (text, message, start, end) => {
    const result = parseFormula(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe(message);
    expect(result.span).toEqual({ start, end });
  });

  it("'==' inside a string is text", () => {
    expect(parseFormula("count(t where e = 'a==b')").ok).toBe(true);
  });

  it('gives the line and column of a multi-line formula', () => {
    const result = parseFormula('sum(orders.total)\n / count(orders');
    expect(result.ok || result.message).toBe("expected ')' to close count( opened at line 2, column 4");
  });

  it('lists the functions when no name is close', () => {
    const result = parseFormula('frobnicate(x)');
    expect(result.ok || result.message).toContain('Functions are count, count_distinct, sum');
  });

  it('rejects an empty or unfinished condition', () => {
    expect(parseCondition('')).toMatchObject({ ok: false, span: { start: 0, end: 0 } });
    expect(parseCondition("status = 'paid' and")).toMatchObject({ ok: false, span: { start: 19, end: 19 } });
  });
});

describe('parseFormula: windowed aggregates', () => {
  it('reads a conversion: first step, ->, second step with its where, window', () => {
    expect(formula("conversion(signups.user_id -> events.user_id where name = 'key_action' within 7 days)")).toEqual({
      kind: 'aggregate',
      fn: 'conversion',
      source: 'signups',
      column: 'user_id',
      then: { source: 'events', column: 'user_id', where: { kind: 'compare', op: '=', left: col('name'), right: lit('key_action') } },
      window: { kind: 'within', amount: 7, unit: 'days' },
    });
    // A where on the first step ends at ->, even after a number; a where on the second ends at the window.
    expect(formula("conversion(t.s where n > 5 -> t.s where amount >= 1 after 24 hour)")).toMatchObject({
      where: { op: '>', right: lit(5) },
      then: { where: { op: '>=', right: lit(1) } },
      window: { kind: 'after', amount: 24, unit: 'hours' },
    });
    expect(formula('median_days_to(a.x -> b.y)')).toEqual({ kind: 'aggregate', fn: 'median_days_to', source: 'a', column: 'x', then: { source: 'b', column: 'y' } });
  });

  it('reads an amount by its entity, and daily_avg around an aggregate', () => {
    expect(formula("net_revenue_retention(payments.amount by account_id where plan = 'pro')")).toEqual({
      kind: 'aggregate',
      fn: 'net_revenue_retention',
      source: 'payments',
      column: 'amount',
      by: 'account_id',
      where: { kind: 'compare', op: '=', left: col('plan'), right: lit('pro') },
    });
    expect(formula('daily_avg(count_distinct(app.user_id)) / count_distinct(app.user_id)')).toMatchObject({
      left: { fn: 'count_distinct', source: 'app', column: 'user_id', per: 'day' },
      right: { fn: 'count_distinct', source: 'app', column: 'user_id' },
    });
    expect(formula('churn(subs.account_id)')).toEqual({ kind: 'aggregate', fn: 'churn', source: 'subs', column: 'account_id' });
  });
});
