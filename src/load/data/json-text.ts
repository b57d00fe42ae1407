/**
 * JSON.parse for one record's text, turning a syntax error into a
 * diagnostic at the file line and column where the problem is (V8 reports
 * an offset within the text; the record knows where it started).
 */
import { error, UserError } from '../../core/diagnostics.js';
import { countNewlines } from './text-stream.js';

export function parseJsonAt(text: string, file: string, line: number, column: number): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const offset = /at position (\d+)/.exec(message);
    const at = offset ? shift(text, Number(offset[1]), line, column) : { line, column };
    const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    throw new UserError(
      error('data/json-syntax', `${file} is not valid JSON: ${reason}. Fix the file or export it again; the record starts at line ${line}.`, {
        file,
        ...at,
      }),
    );
  }
}

/** Line and column of `offset` in `text`, which starts at (line, column) in its file. */
function shift(text: string, offset: number, line: number, column: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  if (lastNewline < 0) return { line, column: column + offset };
  return { line: line + countNewlines(before), column: offset - lastNewline };
}
