/**
 * The formula language: arithmetic over aggregates, numbers and other KPIs.
 * Recursive descent, one function per grammar rule; errors carry the span of
 * the offending token so the loader can draw a caret under it.
 */
import type { Condition, Expr, Span } from './ast.js';
import { parseArithmetic, type ArithmeticNodes } from './arithmetic.js';
import { parseCall } from './call-parser.js';
import { parseDisjunction } from './condition-parser.js';
import { Cursor, describe, isReserved } from './cursor.js';
import { functionNamed, functionNames } from './functions.js';
import { FormulaSyntaxError } from './lexer.js';
import { didYouMean } from '../core/suggest.js';

export interface ParseFailure {
  readonly ok: false;
  /** What is wrong and what would be right, e.g. "expected ')' to close count_distinct(". */
  readonly message: string;
  /** Where in the text, for the caret. */
  readonly span: Span;
}
export type ParseResult<T> = { readonly ok: true; readonly value: T } | ParseFailure;

export function parseFormula(text: string): ParseResult<Expr> {
  return attempt(text, (c) => {
    if (c.current.kind === 'end') c.fail('the formula is empty: write one such as count(orders) or sum(orders.total) / count(orders)');
    const expr = parseSum(c);
    c.expectEnd('the formula: join parts with + - * /');
    return expr;
  });
}

/** A bare condition, as in a view's `where`. */
export function parseCondition(text: string): ParseResult<Condition> {
  return attempt(text, (c) => {
    if (c.current.kind === 'end') c.fail("the condition is empty: write one such as status = 'paid'");
    const condition = parseDisjunction(c, {});
    c.expectEnd('the condition: join conditions with and / or');
    return condition;
  });
}

function attempt<T>(text: string, parse: (c: Cursor) => T): ParseResult<T> {
  try {
    return { ok: true, value: parse(new Cursor(text)) };
  } catch (problem) {
    if (!(problem instanceof FormulaSyntaxError)) throw problem;
    return { ok: false, message: problem.message, span: problem.span };
  }
}

const FORMULA_NODES: ArithmeticNodes<Expr> = {
  number: (value, span) => ({ kind: 'number', value, span }),
  binary: (op, left, right, span) => ({ kind: 'binary', op, left, right, span }),
  negate: (operand, span) => ({ kind: 'negate', operand, span }),
  operand: parseOperand,
};

function parseSum(c: Cursor): Expr {
  return parseArithmetic(c, FORMULA_NODES);
}

/** An aggregate call or a KPI id. */
function parseOperand(c: Cursor): Expr {
  const token = c.current;
  if (token.kind !== 'ident') {
    return c.fail(`expected a number, an aggregate such as count(orders), a KPI id or '(', found ${describe(token, c.text)}`);
  }
  const called = c.isPunct('(', 1) ? functionNamed(token.name) : undefined;
  if (called && called.input !== 'two-times') return parseCall(c, token);
  if (called) return c.fail(`${called.name} works on one row: use it inside an aggregate, e.g. ${called.example}`);
  if (c.isPunct('(', 1)) {
    const suggestion = didYouMean(token.name, functionNames());
    return c.fail(`unknown function '${token.name}'.${suggestion || ` Functions are ${functionNames().join(', ')} (journey-kpi kpis lists them).`}`);
  }
  if (isReserved(token.name)) return c.fail(`unexpected keyword '${token.name}': where and having go inside an aggregate's parentheses`);
  c.advance();
  return { kind: 'kpi', id: token.name, span: token.span };
}
