/** Aggregate calls: `fn(source[.column][, number] [where …] [having …])`. */
import type { AggregateCall, AggregateFn, Condition } from './ast.js';
import { parseDisjunction } from './condition-parser.js';
import { describe } from './cursor.js';
import type { Cursor, IdentToken } from './cursor.js';

/** `name` is the function's token; the cursor stands on it. */
export function parseCall(c: Cursor, name: IdentToken): AggregateCall {
  const fn = name.name.toLowerCase() as AggregateFn;
  c.advance();
  c.expectPunct('(', `expected '(' after ${fn}`);
  const source = c.expectName(`a source name in ${fn}(, e.g. ${fn}(orders${fn === 'count' ? '' : '.column'})`).name;
  const column = parseColumn(c, fn, source);
  const param = parseParam(c, fn, source, column);
  const where = c.takeKeyword('where') ? parseDisjunction(c, {}) : undefined;
  const having = parseHaving(c, fn, column);
  const close = c.expectPunct(')', `expected ')' to close ${fn}( opened at ${c.position(name.span.start)}`);
  return {
    kind: 'aggregate',
    fn,
    source,
    ...(column !== undefined && { column }),
    ...(param !== undefined && { param }),
    ...(where && { where }),
    ...(having && { having }),
    span: { start: name.span.start, end: close.span.end },
  };
}

function parseColumn(c: Cursor, fn: AggregateFn, source: string): string | undefined {
  if (fn === 'count') {
    if (c.isPunct('.')) {
      c.fail(`count counts rows and takes no column: write count(${source}), or count_distinct(${source}.column) for distinct values`);
    }
    return undefined;
  }
  c.expectPunct('.', `${fn} needs a column: write ${fn}(${source}.column)`);
  return c.expectName(`a column of ${source} after '${source}.'`).name;
}

function parseParam(c: Cursor, fn: AggregateFn, source: string, column?: string): number | undefined {
  if (fn === 'percentile') {
    c.expectPunct(',', `percentile needs p: write percentile(${source}.${column}, 0.9)`);
    const p = parseNumber(c, 'p, a number between 0 and 1');
    if (p.value < 0 || p.value > 1) c.fail(`percentile needs p between 0 and 1, e.g. 0.9 for the 90th percentile; found ${p.value}`, p.span);
    return p.value;
  }
  if (fn === 'csat' && c.takePunct(',')) return parseNumber(c, "the satisfied cut-off, e.g. 4 (answers >= 4 count as satisfied)").value;
  if (c.isPunct(',')) c.fail(`${fn} takes no second argument`);
  return undefined;
}

function parseNumber(c: Cursor, what: string): { value: number; span: { start: number; end: number } } {
  const start = c.current.span.start;
  const negative = c.takePunct('-');
  const token = c.current;
  if (token.kind !== 'number') return c.fail(`expected ${what}, found ${describe(token, c.text)}`);
  c.advance();
  return { value: negative ? -token.value : token.value, span: { start, end: token.span.end } };
}

function parseHaving(c: Cursor, fn: AggregateFn, column?: string): Condition | undefined {
  if (!c.isKeyword('having')) return undefined;
  if (fn !== 'count_distinct' || column === undefined) {
    c.fail('having is only allowed in count_distinct, e.g. count_distinct(orders.customer_id having count() >= 2)');
  }
  c.advance();
  return parseDisjunction(c, { havingColumn: column });
}
