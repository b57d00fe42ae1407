/**
 * Conditions of `where` and `having`: or binds loosest, then and, then not,
 * as in SQL. Inside `having`, operands may also be group aggregates.
 */
import type { CompareOp, Condition, Literal, Operand } from './ast.js';
import { describe } from './cursor.js';
import type { Cursor } from './cursor.js';
import { FormulaSyntaxError, type Punct } from './lexer.js';
import { join, parseLiteral, parseOperand } from './operand-parser.js';

export interface ConditionContext {
  /** Set inside `having`: the count_distinct column, the only bare column a group has one value of. */
  readonly havingColumn?: string;
}

const COMPARISONS: Partial<Record<Punct, CompareOp>> = {
  '=': '=',
  '!=': '!=',
  '<>': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

export function parseDisjunction(c: Cursor, context: ConditionContext): Condition {
  let left = parseConjunction(c, context);
  while (c.takeKeyword('or')) {
    const right = parseConjunction(c, context);
    left = { kind: 'or', left, right, span: join(left.span, right.span) };
  }
  return left;
}

function parseConjunction(c: Cursor, context: ConditionContext): Condition {
  let left = parseNegation(c, context);
  while (c.takeKeyword('and')) {
    const right = parseNegation(c, context);
    left = { kind: 'and', left, right, span: join(left.span, right.span) };
  }
  return left;
}

function parseNegation(c: Cursor, context: ConditionContext): Condition {
  const start = c.current.span.start;
  if (c.takeKeyword('not')) {
    const operand = parseNegation(c, context);
    return { kind: 'not', operand, span: { start, end: operand.span.end } };
  }
  if (c.isPunct('(')) return parseParenthesized(c, context, start);
  return parsePredicate(c, context);
}

/**
 * `(` opens a condition, `(status = 'a' or …)`, or arithmetic in a where,
 * `(price - cost) / price > 0.3`: the condition is tried first; when it does
 * not parse, the comparison. The error that got further is the one shown.
 */
function parseParenthesized(c: Cursor, context: ConditionContext, start: number): Condition {
  const mark = c.mark();
  try {
    c.advance();
    const inner = parseDisjunction(c, context);
    c.expectPunct(')', `expected ')' to close ( opened at ${c.position(start)}`);
    return inner;
  } catch (asCondition) {
    if (!(asCondition instanceof FormulaSyntaxError) || context.havingColumn !== undefined) throw asCondition;
    c.reset(mark);
    try {
      return parsePredicate(c, context);
    } catch (asComparison) {
      if (!(asComparison instanceof FormulaSyntaxError)) throw asComparison;
      throw asComparison.span.start > asCondition.span.start ? asComparison : asCondition;
    }
  }
}

function parsePredicate(c: Cursor, context: ConditionContext): Condition {
  const operand = parseOperand(c, context);
  const start = operand.span.start;
  if (c.takeKeyword('is')) {
    const negated = c.takeKeyword('not');
    if (!c.isKeyword('null')) c.fail(`expected null after 'is': write 'is null' or 'is not null'`);
    const end = c.advance().span.end;
    return { kind: 'is_null', negated, operand, span: { start, end } };
  }
  if (c.isKeyword('in') || c.isKeyword('not')) {
    const negated = c.takeKeyword('not');
    if (!c.isKeyword('in')) c.fail("expected in after 'not': write not in ('a', 'b')");
    c.advance();
    return parseInList(c, operand, negated);
  }
  const token = c.current;
  const op = token.kind === 'punct' ? COMPARISONS[token.symbol] : undefined;
  if (!op) {
    const written = c.text.slice(operand.span.start, operand.span.end);
    c.fail(`expected a comparison (=, !=, <, <=, >, >=), in (...) or is null after '${written}', found ${describe(token, c.text)}`);
  }
  c.advance();
  const right = parseOperand(c, context);
  return { kind: 'compare', op, left: operand, right, span: join(operand.span, right.span) };
}

function parseInList(c: Cursor, operand: Operand, negated: boolean): Condition {
  const open = c.expectPunct('(', `expected '(' after in: write in ('a', 'b')`);
  const values: Literal[] = [];
  do {
    values.push(parseLiteral(c).value);
  } while (c.takePunct(','));
  const close = c.expectPunct(')', `expected ')' to close in ( opened at ${c.position(open.span.start)}`);
  return { kind: 'in', negated, operand, values, span: { start: operand.span.start, end: close.span.end } };
}
