/**
 * A JSON array streamed element by element: a small scanner tracks
 * strings (StringState) and nesting depth to find where each top-level
 * element ends, then JSON.parse reads just that element. Memory is bounded by the
 * largest element, not the file, and each element knows its start line.
 */
import { error, UserError } from '../../core/diagnostics.js';
import { StringState } from './json-strings.js';
import { parseJsonAt } from './json-text.js';

type Emit = (value: unknown, line: number, column: number) => void;

const enum Phase { Start, Before, Element, After, Done }
const enum Kind { Container, String, Scalar }

const QUOTE = 34, LF = 10, CR = 13, SPACE = 32, TAB = 9, COMMA = 44;
const OPEN_BRACE = 123, CLOSE_BRACE = 125, OPEN_BRACKET = 91, CLOSE_BRACKET = 93;

export async function readJsonArray(chunks: AsyncIterable<string>, file: string, emit: Emit): Promise<void> {
  const scanner = new ArrayScanner(file, emit);
  for await (const chunk of chunks) scanner.feed(chunk);
  scanner.finish();
}

class ArrayScanner {
  private phase = Phase.Start;
  private kind = Kind.Scalar;
  private closeAllowed = false;
  private depth = 0;
  private strings = new StringState();
  private parts: string[] = [];
  private from = 0;
  private line = 1;
  private column = 1;
  private startLine = 1;
  private startColumn = 1;

  constructor(
    private readonly file: string,
    private readonly emit: Emit,
  ) {}

  feed(chunk: string): void {
    this.from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      const consumed = this.phase === Phase.Element && this.inElement(c, chunk, i);
      if (!consumed) this.structural(c, i);
      if (c === LF) {
        this.line++;
        this.column = 1;
      } else this.column++;
    }
    if (this.phase === Phase.Element) this.parts.push(chunk.slice(this.from));
  }

  finish(): void {
    if (this.phase === Phase.Element && this.kind === Kind.Scalar) this.complete('', 0);
    if (this.phase === Phase.Start) this.fail('is empty, not a JSON array of records');
    if (this.phase !== Phase.Done) this.fail('ends before its array is closed: the export looks cut short');
  }

  /** Whether the character belongs to the element; a scalar ends at the first character that does not. */
  private inElement(c: number, chunk: string, i: number): boolean {
    if (this.kind === Kind.Scalar) {
      if (c !== COMMA && c !== CLOSE_BRACKET && !isSpace(c)) return true;
      this.complete(chunk, i);
      return false;
    }
    if (this.strings.step(c)) {
      if (this.kind === Kind.String && !this.strings.inString) this.complete(chunk, i + 1);
      return true;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      this.depth--;
      if (this.depth === 0) this.complete(chunk, i + 1);
    }
    return true;
  }

  private structural(c: number, i: number): void {
    if (isSpace(c)) return;
    switch (this.phase) {
      case Phase.Start:
        if (c === OPEN_BRACKET) {
          this.phase = Phase.Before;
          this.closeAllowed = true;
          return;
        }
        return this.fail(
          c === OPEN_BRACE
            ? 'holds one JSON object, not an array of records: if it has one object per line, set format: jsonl; ' +
                'if the records are inside a key of the object, extract that array first'
            : 'does not start with [: it is not a JSON array of records',
          'data/json-not-array',
        );
      case Phase.Before:
        if (c === CLOSE_BRACKET && this.closeAllowed) {
          this.phase = Phase.Done;
          return;
        }
        if (c === COMMA || c === CLOSE_BRACKET) return this.fail('has a missing value (two commas in a row, or a comma before ])');
        return this.start(c, i);
      case Phase.After:
        if (c === COMMA) {
          this.phase = Phase.Before;
          this.closeAllowed = false;
        } else if (c === CLOSE_BRACKET) this.phase = Phase.Done;
        else this.fail('is missing a comma between two records');
        return;
      default:
        return this.fail('has text after the end of its array');
    }
  }

  private start(c: number, i: number): void {
    this.phase = Phase.Element;
    this.kind = c === OPEN_BRACE || c === OPEN_BRACKET ? Kind.Container : c === QUOTE ? Kind.String : Kind.Scalar;
    this.depth = this.kind === Kind.Container ? 1 : 0;
    this.strings = new StringState(this.kind === Kind.String);
    this.from = i;
    this.startLine = this.line;
    this.startColumn = this.column;
  }

  private complete(chunk: string, end: number): void {
    const text = this.parts.join('') + chunk.slice(this.from, end);
    this.parts = [];
    this.phase = Phase.After;
    this.emit(parseJsonAt(text, this.file, this.startLine, this.startColumn), this.startLine, this.startColumn);
  }

  private fail(problem: string, code = 'data/json-syntax'): never {
    throw new UserError(error(code, `${this.file} ${problem}.`, { file: this.file, line: this.line, column: this.column }));
  }
}

function isSpace(c: number): boolean {
  return c === SPACE || c === LF || c === CR || c === TAB;
}
