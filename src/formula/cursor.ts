/** Walks the token list for the parsers and words their errors. */
import type { Span } from './ast.js';
import { FormulaSyntaxError, tokenize } from './lexer.js';
import type { Punct, Token } from './lexer.js';

export const KEYWORDS = ['where', 'having', 'and', 'or', 'not', 'in', 'is', 'null'] as const;
/**
 * Only keywords are reserved. Function names are functions only when a '('
 * follows, so a KPI or a column may be called `nps` or `count`.
 */
const RESERVED: ReadonlySet<string> = new Set<string>(KEYWORDS);

const MAX_OPERATORS = 256;
const NESTING_SYMBOLS: ReadonlySet<string> = new Set(['(', '+', '-', '*', '/']);
const NESTING_KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not']);

export type IdentToken = Extract<Token, { kind: 'ident' }>;

export function isReserved(name: string): boolean {
  return RESERVED.has(name.toLowerCase());
}

export class Cursor {
  private readonly tokens: readonly Token[];
  private index = 0;

  constructor(readonly text: string) {
    this.tokens = tokenize(text);
    this.limitNesting();
  }

  /**
   * Bounds how deep a syntax tree can grow, so that parsing and every walk
   * over the tree stay far from the call-stack limit whatever the input.
   */
  private limitNesting(): void {
    let operators = 0;
    for (const token of this.tokens) {
      const nests =
        (token.kind === 'punct' && NESTING_SYMBOLS.has(token.symbol)) ||
        (token.kind === 'ident' && NESTING_KEYWORDS.has(token.name.toLowerCase()));
      if (nests && ++operators > MAX_OPERATORS) {
        this.fail(`more than ${MAX_OPERATORS} operators and parentheses: split the formula into KPIs that refer to each other`, token.span);
      }
    }
  }

  get current(): Token {
    return this.peek(0);
  }

  peek(ahead: number): Token {
    const tokens = this.tokens;
    return tokens[Math.min(this.index + ahead, tokens.length - 1)] as Token;
  }

  /** Where the cursor stands, to come back to when one reading of the text fails and another may not. */
  mark(): number {
    return this.index;
  }

  reset(mark: number): void {
    this.index = mark;
  }

  advance(): Token {
    const token = this.current;
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  isPunct(symbol: Punct, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'punct' && token.symbol === symbol;
  }

  takePunct(symbol: Punct): boolean {
    if (!this.isPunct(symbol)) return false;
    this.advance();
    return true;
  }

  expectPunct(symbol: Punct, message: string): Token {
    if (!this.isPunct(symbol)) this.fail(message);
    return this.advance();
  }

  /** Keywords are case-insensitive. */
  isKeyword(word: string): boolean {
    const token = this.current;
    return token.kind === 'ident' && token.name.toLowerCase() === word;
  }

  takeKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.advance();
    return true;
  }

  /** A name that is not a reserved word, e.g. a source or a column. */
  expectName(what: string): IdentToken {
    const token = this.current;
    if (token.kind !== 'ident') this.fail(`expected ${what}, found ${describe(token, this.text)}`);
    if (isReserved(token.name)) this.fail(`expected ${what}, found the reserved word '${token.name}'`);
    this.advance();
    return token;
  }

  expectEnd(what: string): void {
    const token = this.current;
    if (token.kind !== 'end') this.fail(`unexpected ${describe(token, this.text)} after the end of ${what}`);
  }

  fail(message: string, span: Span = this.current.span): never {
    throw new FormulaSyntaxError(message, span);
  }

  /** `column 7`, or `line 2, column 3` when the text spans lines. */
  position(offset: number): string {
    const before = this.text.slice(0, offset);
    const lineStart = before.lastIndexOf('\n') + 1;
    const column = offset - lineStart + 1;
    if (lineStart === 0) return `column ${column}`;
    return `line ${before.split('\n').length}, column ${column}`;
  }
}

export function describe(token: Token, text: string): string {
  if (token.kind === 'end') return 'the end of the formula';
  return `'${text.slice(token.span.start, token.span.end)}'`;
}
