/**
 * Row expressions: + - * / and parentheses over one row's columns and
 * numbers, and the row functions days_between and hours_between. Inside an
 * aggregate, columns carry their source (`orders.price`); in a where they
 * are bare (`price`), as every other column there is.
 */
import { ROW_FUNCTIONS } from './ast.js';
import type { RowColumn, RowExpr } from './ast.js';
import { parseArithmetic } from './arithmetic.js';
import { describe } from './cursor.js';
import type { Cursor, IdentToken } from './cursor.js';
import { functionNamed, functionNames } from './functions.js';
import { didYouMean } from '../core/suggest.js';

/** `qualified`: columns written `source.column`, for messages the aggregate `fn` they are in. */
export type ColumnStyle = { readonly kind: 'qualified'; readonly fn: string } | { readonly kind: 'bare' };

export function parseRowSum(c: Cursor, style: ColumnStyle): RowExpr {
  return parseArithmetic<RowExpr>(c, {
    number: (value, span) => ({ kind: 'number', value, span }),
    binary: (op, left, right, span) => ({ kind: 'binary', op, left, right, span }),
    // `-3` stays the number -3, so a where's `x > -3` keeps comparing with a literal.
    negate: (operand, span) => (operand.kind === 'number' ? { kind: 'number', value: -operand.value, span } : { kind: 'negate', operand, span }),
    operand: (cursor) => parseRowOperand(cursor, style),
  });
}

/** A column or a row function. */
function parseRowOperand(c: Cursor, style: ColumnStyle): RowExpr {
  const token = c.current;
  if (token.kind === 'ident' && c.isPunct('(', 1)) return parseBetween(c, token, style);
  if (token.kind !== 'ident') return c.fail(`expected a column, a number or '(', found ${describe(token, c.text)}`);
  return parseRowColumn(c, style);
}

function parseBetween(c: Cursor, name: IdentToken, style: ColumnStyle): RowExpr {
  const info = functionNamed(name.name);
  if (info?.input !== 'two-times') {
    const allowed = `a row's values combine with + - * / and ${ROW_FUNCTIONS.join(', ')}`;
    if (info) return c.fail(`${info.name}() is an aggregate, and aggregates do not nest: inside one, ${allowed}`, name.span);
    return c.fail(`unknown function '${name.name}'.${didYouMean(name.name, functionNames())} Inside an aggregate and in a where, ${allowed}`, name.span);
  }
  const fn = info.name as (typeof ROW_FUNCTIONS)[number];
  c.advance();
  const open = c.advance();
  const from = parseRowColumn(c, style);
  c.expectPunct(',', `${fn} takes two datetime columns: write ${fn}(${example(style)})`);
  const to = parseRowColumn(c, style);
  const close = c.expectPunct(')', `expected ')' to close ${fn}( opened at ${c.position(open.span.start)}`);
  return { kind: 'between', fn, from, to, span: { start: name.span.start, end: close.span.end } };
}

function example(style: ColumnStyle): string {
  return style.kind === 'bare' ? 'created_at, closed_at' : 'deals.created_at, deals.closed_at';
}

export function parseRowColumn(c: Cursor, style: ColumnStyle): RowColumn {
  if (style.kind === 'bare') {
    const name = c.expectName('a column or a value');
    if (c.isPunct('.')) c.fail(`columns are written bare in a condition, without their source: drop '${name.name}.'`, name.span);
    return { kind: 'column', name: name.name, span: name.span };
  }
  const { fn } = style;
  const source = c.expectName(`a source name in ${fn}(, e.g. ${fn}(orders.column)`);
  c.expectPunct('.', `${fn} needs a column: write ${fn}(${source.name}.column)`);
  const name = c.expectName(`a column of ${source.name} after '${source.name}.'`);
  return { kind: 'column', source: source.name, name: name.name, span: { start: source.span.start, end: name.span.end } };
}
