/**
 * `+ - * /` with the usual precedence, unary minus, numbers and parentheses:
 * the grammar KPI formulas and row expressions share. Each supplies how to
 * build its nodes and how to read its other operands (aggregates and KPI
 * ids, or columns and row functions).
 */
import type { Span } from './ast.js';
import type { Cursor } from './cursor.js';

export type ArithmeticOp = '+' | '-' | '*' | '/';

export interface ArithmeticNodes<T extends { readonly span: Span }> {
  number(value: number, span: Span): T;
  binary(op: ArithmeticOp, left: T, right: T, span: Span): T;
  negate(operand: T, span: Span): T;
  /** An operand that is neither a number nor '(': the cursor stands on it. */
  operand(c: Cursor): T;
}

export function parseArithmetic<T extends { readonly span: Span }>(c: Cursor, nodes: ArithmeticNodes<T>): T {
  return parseSum(c, nodes);
}

function parseSum<T extends { readonly span: Span }>(c: Cursor, nodes: ArithmeticNodes<T>): T {
  let left = parseProduct(c, nodes);
  for (;;) {
    const op = c.isPunct('+') ? '+' : c.isPunct('-') ? '-' : undefined;
    if (!op) return left;
    c.advance();
    const right = parseProduct(c, nodes);
    left = nodes.binary(op, left, right, { start: left.span.start, end: right.span.end });
  }
}

function parseProduct<T extends { readonly span: Span }>(c: Cursor, nodes: ArithmeticNodes<T>): T {
  let left = parseUnary(c, nodes);
  for (;;) {
    const op = c.isPunct('*') ? '*' : c.isPunct('/') ? '/' : undefined;
    if (!op) return left;
    c.advance();
    const right = parseUnary(c, nodes);
    left = nodes.binary(op, left, right, { start: left.span.start, end: right.span.end });
  }
}

function parseUnary<T extends { readonly span: Span }>(c: Cursor, nodes: ArithmeticNodes<T>): T {
  const start = c.current.span.start;
  if (!c.takePunct('-')) return parsePrimary(c, nodes);
  const operand = parseUnary(c, nodes);
  return nodes.negate(operand, { start, end: operand.span.end });
}

function parsePrimary<T extends { readonly span: Span }>(c: Cursor, nodes: ArithmeticNodes<T>): T {
  const token = c.current;
  if (token.kind === 'number') {
    c.advance();
    return nodes.number(token.value, token.span);
  }
  if (token.kind === 'punct' && token.symbol === '(') {
    c.advance();
    const inner = parseSum(c, nodes);
    c.expectPunct(')', `expected ')' to close ( opened at ${c.position(token.span.start)}`);
    return inner;
  }
  return nodes.operand(c);
}
