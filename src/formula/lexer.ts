/**
 * Splits formula text into tokens with their spans, so every parse error can
 * point at the exact characters that are wrong.
 */
import type { Span } from './ast.js';

export const PUNCTUATION = ['<=', '>=', '!=', '<>', '->', '(', ')', ',', '..', '.', '+', '-', '*', '/', '=', '<', '>'] as const;
export type Punct = (typeof PUNCTUATION)[number];

export type Token =
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span }
  | { readonly kind: 'ident'; readonly name: string; readonly span: Span }
  | { readonly kind: 'punct'; readonly symbol: Punct; readonly span: Span }
  | { readonly kind: 'end'; readonly span: Span };

/** A syntax problem at a span; the parser turns it into a ParseFailure. */
export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
    this.name = 'FormulaSyntaxError';
  }
}

const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const SPACE = /\s+/y;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const space = matchAt(SPACE, text, at);
    if (space) {
      at += space.length;
      continue;
    }
    const token = readToken(text, at);
    tokens.push(token);
    at = token.span.end;
  }
  tokens.push({ kind: 'end', span: { start: text.length, end: text.length } });
  return tokens;
}

function readToken(text: string, at: number): Token {
  const number = matchAt(NUMBER, text, at);
  if (number) {
    const span = { start: at, end: at + number.length };
    const value = Number(number);
    if (!Number.isFinite(value)) throw new FormulaSyntaxError(`${number} is too large a number`, span);
    return { kind: 'number', value, span };
  }
  const ident = matchAt(IDENT, text, at);
  if (ident) return { kind: 'ident', name: ident, span: { start: at, end: at + ident.length } };
  if (text[at] === "'") return readString(text, at);
  const doubled = /^(?:===?|!==)/.exec(text.slice(at, at + 3))?.[0];
  if (doubled) throw doubledComparison(doubled, at);
  const symbol = PUNCTUATION.find((p) => text.startsWith(p, at));
  if (symbol) return { kind: 'punct', symbol, span: { start: at, end: at + symbol.length } };
  throw unexpectedCharacter(text, at);
}

/** A single-quoted string; two quotes in a row stand for one quote. */
function readString(text: string, start: number): Token {
  let value = '';
  let at = start + 1;
  while (at < text.length) {
    const char = text[at];
    if (char === "'") {
      if (text[at + 1] !== "'") return { kind: 'string', value, span: { start, end: at + 1 } };
      at += 1;
    }
    value += char;
    at += 1;
  }
  throw new FormulaSyntaxError(
    "unterminated string: close it with ' (write '' for a quote inside a string)",
    { start, end: text.length },
  );
}

/** `==`, `===` or `!==`, as other languages write them: the comparison a where or having writes instead. */
function doubledComparison(written: string, at: number): FormulaSyntaxError {
  const instead = written === '!==' ? "!= for 'not equal'" : "= for 'equal'";
  return new FormulaSyntaxError(`'${written}' is not an operator: to compare in a where or having, write ${instead} (event_name ${instead.slice(0, instead.indexOf(' '))} 'purchase')`, { start: at, end: at + written.length });
}

function unexpectedCharacter(text: string, at: number): FormulaSyntaxError {
  const char = text[at] ?? '';
  const span = { start: at, end: at + 1 };
  if (char === '"') return new FormulaSyntaxError('strings use single quotes: write \'purchase\', not "purchase"', span);
  if (char === '!') return new FormulaSyntaxError("unexpected '!': write != (or <>) for 'not equal', or the keyword not", span);
  return new FormulaSyntaxError(
    `unexpected character '${char}': formulas use names, numbers, 'strings', ( ) , . .. + - * / -> and comparisons`,
    span,
  );
}

function matchAt(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}
