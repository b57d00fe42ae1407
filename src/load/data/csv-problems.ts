/**
 * What the CSV reader says when a file or a record cannot be read as the
 * source declares it: syntax errors, shifted fields, too few records.
 */
import type { CsvError } from 'csv-parse';
import { error, UserError, warning, type Diagnostic, type SourceLocation } from '../../core/diagnostics.js';
import type { FileSourceDef } from '../../core/framework.js';
import { quoteCell } from './cell-text.js';
import { leadingNewlines, locateField, type RecordText } from './csv-location.js';
import { countNewlines } from './text-stream.js';

/** Extra empty fields are trailing delimiters; extra text means the fields moved, so no cell can be trusted. */
export function shiftedFields(fieldCount: number, headerCount: number, extra: number, extraText: string, delimiter: string): string {
  const shownDelimiter = delimiter === '\t' ? 'tab' : quoteCell(delimiter);
  return (
    `the record has ${fieldCount} fields, the header ${headerCount}: field ${extra + 1} holds ${quoteCell(extraText)}. ` +
    `A value probably holds an unquoted ${shownDelimiter} that shifted the fields after it; quote that value in the file or export it again`
  );
}

export function tooFewRecords(file: string, records: number, def: FileSourceDef): UserError {
  return new UserError(
    error(
      'data/header-rows',
      `${file} has ${records} ${records === 1 ? 'record' : 'records'} (blank ones aside), but source '${def.name}' says its first ` +
        `${def.headerRows} are header rows. Set header_rows to how many records at the top of the file are headers (usually 1).`,
      def.location,
    ),
  );
}

export function secondTable(at: SourceLocation, records: number, headerCount: number): Diagnostic {
  return warning(
    'data/second-table',
    `a blank line and a record of another width (the header has ${headerCount} fields) start a second table here, ` +
      `as report exports add below the data (a Day Index, totals by date): its ${records} record${records === 1 ? ' was' : 's were'} not read`,
    at,
  );
}

const QUOTE_ADVICE = 'A quote that is part of a value must be doubled ("") and the whole value quoted.';

/** csv-parse's error, placed where the record's text says. */
export function syntaxError(cause: CsvError, file: string, skippedLines: number, delimiter: string): UserError {
  const details = cause as CsvError & { lines?: number; raw?: string; column?: number };
  const raw = (details.raw ?? '').slice(leadingNewlines(details.raw ?? ''));
  // csv-parse's `lines` is the line of the last character read, and a final newline has not started a new one.
  const span = countNewlines(raw.endsWith('\n') ? raw.slice(0, -1) : raw);
  const text = { file, raw, delimiter, line: (details.lines ?? 1) + skippedLines - span };
  return syntaxProblem(cause.code, cause.message.replace(/ at line \d+/, ''), text, details.column ?? 0);
}

/** Either parser's syntax error `code`, in field `column` of the record `text` (whose `line` is where csv-parse would say). */
/** The line of the quote that ends `text` (the record up to its syntax error): lone CRs count as lines, as csv-parse counts them. */
function closingLine(text: RecordText): number {
  let breaks = 0;
  for (const char of text.raw) if (char === '\n' || char === '\r') breaks++;
  return text.line + breaks;
}

/** A quote followed by text: on the value's own line, or lines later, when the quote that opened the value was never closed. */
function textAfterQuote(opening: number, closing: number): string {
  if (closing <= opening) return `a quoted value on line ${opening} has text right after its closing quote.`;
  return `a quoted value that opens on line ${opening} runs to line ${closing}, where a quote is followed by text: the quote on line ${opening} is probably never closed.`;
}

export function syntaxProblem(code: string, reason: string, text: RecordText, column: number): UserError {
  const location = locateField(text, column);
  const what: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: `a quoted value starting on line ${location.line} is never closed, so the rest of the file was read as part of it.`,
    CSV_INVALID_CLOSING_QUOTE: textAfterQuote(location.line ?? text.line, closingLine(text)),
    INVALID_OPENING_QUOTE: `an unquoted value on line ${location.line} contains a quote.`,
  };
  const message = what[code] ?? `${reason} (line ${location.line}).`;
  return new UserError(error('data/csv-syntax', `${text.file} is not valid CSV: ${message} ${QUOTE_ADVICE}`, location));
}
