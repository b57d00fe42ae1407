/**
 * Line and character column of a field inside a CSV record's raw text.
 * Only computed for the few records that are reported, so a rescan of the
 * record is cheap enough and keeps the hot path free of bookkeeping.
 */
import type { SourceLocation } from '../../core/diagnostics.js';

export interface RecordText {
  readonly file: string;
  /** The record's raw text (quotes included), starting at its first character. */
  readonly raw: string;
  /** 1-based line where the record starts. */
  readonly line: number;
  readonly delimiter: string;
}

/** Leading newlines: csv-parse hands the blank lines it skipped to the next record's raw text. */
export function leadingNewlines(raw: string): number {
  let count = 0;
  while (raw.charCodeAt(count) === 10) count++;
  return count;
}

/** Where field `position` (0-based) starts; the record's start when the record is shorter. */
export function locateField(record: RecordText, position: number): SourceLocation {
  const { raw, delimiter } = record;
  let field = 0;
  let quoted = false;
  let line = 0;
  let lineStart = 0;
  for (let i = 0; field < position && i < raw.length; i++) {
    const char = raw[i];
    if (char === '"') quoted = !quoted;
    else if (char === '\n') {
      line++;
      lineStart = i + 1;
    } else if (!quoted && raw.startsWith(delimiter, i)) {
      field++;
      i += delimiter.length - 1;
      if (field === position) return { file: record.file, line: record.line + line, column: i + 2 - lineStart };
    }
  }
  return { file: record.file, line: record.line, column: 1 };
}
