/** What the normalize and meaning steps share: where nodes are, and the problems found so far. */
import { error, type Diagnostic } from '../../core/diagnostics.js';
import type { Span } from '../../formula/ast.js';
import type { ParseResult } from '../../formula/parser.js';
import type { Locator, YamlPath } from './locator.js';

export interface LoadContext {
  readonly locator: Locator;
  /** Every problem, so the user sees them all in one run. */
  readonly problems: Diagnostic[];
}

export function report(ctx: LoadContext, code: string, message: string, path: YamlPath): void {
  ctx.problems.push(error(code, message, ctx.locator.at(path)));
}

/** A formula or a where as written, and the YAML path of its scalar. */
export interface FormulaText {
  readonly path: YamlPath;
  readonly text: string;
}

/** A problem inside a formula: located at the span's first character in the YAML, with a caret excerpt. */
export function reportInFormula(ctx: LoadContext, code: string, message: string, formula: FormulaText, span: Span): void {
  ctx.problems.push(error(code, message, ctx.locator.inScalar(formula.path, span.start), excerpt(formula.text, span)));
}

export function parseAt<T>(ctx: LoadContext, formula: FormulaText, parse: (text: string) => ParseResult<T>): T | undefined {
  const result = parse(formula.text);
  if (result.ok) return result.value;
  reportInFormula(ctx, 'framework/formula-syntax', result.message, formula, result.span);
  return undefined;
}

/** The formula's line holding the span, and a caret line under the span. */
export function excerpt(text: string, span: Span): string {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const newline = text.indexOf('\n', span.start);
  const lineEnd = newline === -1 ? text.length : newline;
  const width = Math.max(1, Math.min(span.end, lineEnd) - span.start);
  return `${text.slice(lineStart, lineEnd)}\n${' '.repeat(span.start - lineStart)}${'^'.repeat(width)}`;
}
