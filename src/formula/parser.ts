/** PLACEHOLDER: the formula helper replaces this file with the real parser. */
import type { Condition, Expr, Span } from './ast.js';

export interface ParseFailure {
  readonly ok: false;
  /** What is wrong and what would be right, e.g. "expected ')' to close count_distinct(". */
  readonly message: string;
  /** Where in the text, for the caret. */
  readonly span: Span;
}
export type ParseResult<T> = { readonly ok: true; readonly value: T } | ParseFailure;

export function parseFormula(text: string): ParseResult<Expr> {
  throw new Error(`not implemented: ${text}`);
}

/** A bare condition, as in a view's `where`. */
export function parseCondition(text: string): ParseResult<Condition> {
  throw new Error(`not implemented: ${text}`);
}
