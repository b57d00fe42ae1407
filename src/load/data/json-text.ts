/**
 * JSON.parse for one record's text, with long numbers kept as text (see
 * json-strings.ts) and a syntax error placed at the file line and column
 * where the problem is (V8 reports an offset within the text; the record
 * knows where it started).
 */
import { error, UserError } from '../../core/diagnostics.js';
import { safeText } from './cell-text.js';
import { quoteLongNumbers } from './json-strings.js';
import { countNewlines } from './text-stream.js';

/** Why a record's text is not JSON, and where in the file. */
export class JsonSyntax {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {}
}

/** The record's value, or its syntax error; the text starts at (line, column) in its file. */
export function parseJson(text: string, line: number, column: number): unknown {
  const kept = quoteLongNumbers(text);
  try {
    return JSON.parse(kept);
  } catch (cause) {
    // Quoting moved the offsets: describe the error of the text as written.
    return syntaxOf(kept === text ? cause : (errorOf(text) ?? cause), text, line, column);
  }
}

/** parseJson for a record that cannot be skipped: a syntax error stops the file. */
export function parseJsonAt(text: string, file: string, line: number, column: number): unknown {
  const value = parseJson(text, line, column);
  if (!(value instanceof JsonSyntax)) return value;
  throw new UserError(
    error('data/json-syntax', `${file} is not valid JSON: ${value.reason}. Fix the file or export it again; the record starts at line ${line}.`, {
      file,
      line: value.line,
      column: value.column,
    }),
  );
}

function errorOf(text: string): unknown {
  try {
    JSON.parse(text);
    return undefined;
  } catch (cause) {
    return cause;
  }
}

function syntaxOf(cause: unknown, text: string, line: number, column: number): JsonSyntax {
  const message = cause instanceof Error ? cause.message : String(cause);
  const offset = /at position (\d+)/.exec(message)?.[1] ?? (message.startsWith('Unexpected end') ? String(text.length) : undefined);
  const at = offset === undefined ? { line, column } : shift(text, Number(offset), line, column);
  const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
  return new JsonSyntax(safeText(reason), at.line, at.column);
}

/** Line and column of `offset` in `text`, which starts at (line, column) in its file. */
function shift(text: string, offset: number, line: number, column: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  if (lastNewline < 0) return { line, column: column + offset };
  return { line: line + countNewlines(before), column: offset - lastNewline };
}
