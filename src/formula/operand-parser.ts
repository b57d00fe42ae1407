/**
 * Operands of a comparison: a literal, a column, a computed value over the
 * row's columns (in a where), or the grouped column and group aggregates
 * such as count() (in having).
 */
import { AGGREGATE_FUNCTIONS, GROUP_FUNCTIONS } from './ast.js';
import type { GroupFn, Literal, Operand, Span } from './ast.js';
import type { ConditionContext } from './condition-parser.js';
import { describe } from './cursor.js';
import type { Cursor, IdentToken } from './cursor.js';
import type { Token } from './lexer.js';
import { parseRowColumn, parseRowSum } from './row-parser.js';

export function parseOperand(c: Cursor, context: ConditionContext): Operand {
  const token = c.current;
  if (context.havingColumn !== undefined) return parseHavingOperand(c, context.havingColumn);
  if (!startsComputation(token)) {
    const literal = parseLiteral(c);
    return { kind: 'literal', value: literal.value, span: literal.span };
  }
  const aggregate = token.kind === 'ident' && c.isPunct('(', 1) && (AGGREGATE_FUNCTIONS as readonly string[]).includes(token.name.toLowerCase());
  if (aggregate) return parseGroupAggregate(c, token, context);
  const expr = parseRowSum(c, { kind: 'bare' });
  if (expr.kind === 'column') return expr;
  if (expr.kind === 'number') return { kind: 'literal', value: expr.value, span: expr.span };
  return { kind: 'computed', expr, span: expr.span };
}

/** A number, a column, a row function or arithmetic may start here; otherwise a literal ('text', true, false, null) must. */
function startsComputation(token: Token): boolean {
  if (token.kind === 'number') return true;
  if (token.kind === 'ident') return !['true', 'false', 'null'].includes(token.name.toLowerCase());
  return token.kind === 'punct' && (token.symbol === '(' || token.symbol === '-');
}

/** In having, an operand is a literal, the grouped column or a group aggregate. */
function parseHavingOperand(c: Cursor, havingColumn: string): Operand {
  const token = c.current;
  if (token.kind !== 'ident' || ['true', 'false', 'null'].includes(token.name.toLowerCase())) {
    const literal = parseLiteral(c);
    return { kind: 'literal', value: literal.value, span: literal.span };
  }
  if (c.isPunct('(', 1)) return parseGroupAggregate(c, token, { havingColumn });
  const name = parseRowColumn(c, { kind: 'bare' });
  if (name.name !== havingColumn) {
    c.fail(`'${name.name}' differs between a group's rows: compare group aggregates in having, e.g. count() >= 2 or sum(${name.name}) > 100`, name.span);
  }
  return name;
}

function parseGroupAggregate(c: Cursor, name: IdentToken, context: ConditionContext): Operand {
  const fn = name.name.toLowerCase();
  const allowed = GROUP_FUNCTIONS.map((f) => `${f}()`).join(', ');
  if (context.havingColumn === undefined) {
    const hint = (AGGREGATE_FUNCTIONS as readonly string[]).includes(fn) ? `${fn}() is an aggregate` : `'${name.name}' is not a column`;
    c.fail(`${hint}: a where tests one row's columns; group aggregates (${allowed}) belong in count_distinct's having`, name.span);
  }
  if (!(GROUP_FUNCTIONS as readonly string[]).includes(fn)) c.fail(`only ${allowed} are allowed in having`, name.span);
  c.advance();
  const open = c.advance();
  const column = fn === 'count' ? undefined : c.expectName(`a column in ${fn}(`).name;
  if (fn === 'count' && !c.isPunct(')')) c.fail('count() in having counts the rows of a group and takes no column: write count()');
  const close = c.expectPunct(')', `expected ')' to close ${fn}( opened at ${c.position(open.span.start)}`);
  return { kind: 'group', fn: fn as GroupFn, ...(column !== undefined && { column }), span: { start: name.span.start, end: close.span.end } };
}

/** A string, a number (optionally negative), true, false or null. */
export function parseLiteral(c: Cursor): { value: Literal; span: Span } {
  const token = c.current;
  if (token.kind === 'string' || token.kind === 'number') {
    c.advance();
    return { value: token.value, span: token.span };
  }
  if (token.kind === 'punct' && token.symbol === '-' && c.peek(1).kind === 'number') {
    c.advance();
    const number = c.advance();
    return { value: -(number as { value: number }).value, span: join(token.span, number.span) };
  }
  if (token.kind === 'ident') {
    const word = token.name.toLowerCase();
    const value = word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : undefined;
    if (value !== undefined) {
      c.advance();
      return { value, span: token.span };
    }
  }
  return c.fail(`expected a value ('text', a number, true, false or null), found ${describe(token, c.text)}`);
}

export function join(first: Span, last: Span): Span {
  return { start: first.start, end: last.end };
}
