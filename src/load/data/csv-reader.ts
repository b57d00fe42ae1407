/**
 * CSV/TSV records streamed through csv-parse in array mode. Header names
 * are matched to declared columns here (by text or position), never by
 * csv-parse, and each record keeps its raw text and start line so a
 * rejected row can be pointed at precisely.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { error, UserError, type SourceLocation } from '../../core/diagnostics.js';
import type { FileSourceDef } from '../../core/framework.js';
import { columnPositions } from './csv-header.js';
import { shiftedFields, syntaxError, tooFewRecords } from './csv-problems.js';
import { leadingNewlines, locateField, type RecordText } from './csv-location.js';
import { DELIMITER_CANDIDATES, detectDelimiter, splitPreamble } from './preamble.js';
import type { DataRecord, SourceRows } from './source-rows.js';
import { countNewlines } from './text-stream.js';

class CsvRecord implements DataRecord {
  readonly cells: readonly (string | undefined)[];
  readonly fieldCount: number;

  constructor(
    fields: readonly string[],
    private readonly positions: readonly number[],
    private readonly text: RecordText,
  ) {
    this.cells = positions.map((p) => fields[p]);
    this.fieldCount = fields.length;
  }

  locate(column?: number): SourceLocation {
    const position = column === undefined ? undefined : this.positions[column];
    if (position === undefined) return { file: this.text.file, line: this.text.line, column: 1 };
    return locateField(this.text, position);
  }
}

export async function readCsv(
  chunks: AsyncIterable<string>,
  file: string,
  def: FileSourceDef,
  tabs: boolean,
  rows: SourceRows,
): Promise<void> {
  const candidates = def.delimiter === undefined ? DELIMITER_CANDIDATES : [def.delimiter, ...DELIMITER_CANDIDATES];
  const preamble = await splitPreamble(chunks, candidates);
  if (preamble.headerLine === '') {
    const message = `${file} has no header row: it is empty or holds only comments. Export the data again or point the source at another file.`;
    throw new UserError(error('data/empty-file', message, { file, line: 1, column: 1 }));
  }
  const delimiter = def.delimiter ?? (tabs ? '\t' : detectDelimiter(preamble.headerLine));
  const parser = parse({ delimiter, bom: true, raw: true, relax_column_count: true, skip_empty_lines: true });
  let nextLine = preamble.skippedLines + 1;
  let index = 0;
  let headerCount = 0;
  let positions: number[] = [];
  let emit: (record: DataRecord) => void = () => {};
  const take = ({ raw, record }: ParsedRecord) => {
    const leading = leadingNewlines(raw);
    const text: RecordText = { file, raw: leading === 0 ? raw : raw.slice(leading), line: nextLine + leading, delimiter };
    nextLine += countNewlines(raw);
    if (isBlank(record)) return;
    if (index === 0) {
      headerCount = record.length;
      positions = columnPositions(record, def, file, (p) => locateField(text, p));
      emit = rows.forFile(positions.map((p) => `field ${p + 1}`));
    } else if (index >= def.headerRows) {
      const extra = record.length > headerCount ? firstFilled(record, headerCount) : -1;
      if (extra < 0) emit(new CsvRecord(record, positions, text));
      else rows.rejectRecord({ cells: [], locate: () => locateField(text, extra) }, 'row/field-count', shiftedFields(record, headerCount, extra, delimiter));
    }
    index++;
  };
  try {
    await pipeline(Readable.from(preamble.rest), parser, recordWriter(take));
  } catch (cause) {
    if (cause instanceof CsvError) throw syntaxError(cause, file, preamble.skippedLines, delimiter);
    throw cause;
  }
  if (index < def.headerRows) throw tooFewRecords(file, index, def);
}

interface ParsedRecord {
  readonly raw: string;
  readonly record: string[];
}

/** A synchronous sink: cheaper per record than async iteration, which matters at millions of rows. */
function recordWriter(take: (parsed: ParsedRecord) => void): Writable {
  return new Writable({
    objectMode: true,
    write(parsed: ParsedRecord, _encoding, done) {
      try {
        take(parsed);
        done();
      } catch (cause) {
        done(cause as Error);
      }
    },
  });
}

/** A line of only spaces or delimiters (`,,`, which Excel leaves below the data): blank to people, not to csv-parse. */
function isBlank(record: readonly string[]): boolean {
  return record.every((field) => field.trim() === '');
}

/** The position of the first field from `from` on that is not empty; -1 when there is none. */
function firstFilled(record: readonly string[], from: number): number {
  for (let i = from; i < record.length; i++) if ((record[i] ?? '').trim() !== '') return i;
  return -1;
}
