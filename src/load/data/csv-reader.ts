/**
 * CSV/TSV records of one file, parsed by the byte tokenizer (fast-csv.ts)
 * or, for what only it handles, by csv-parse in array mode: chooseParser()
 * in csv-head.ts decides, per file. Both hand their records to CsvRecords,
 * so headers, blank and shifted records are dealt with once.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { error, UserError } from '../../core/diagnostics.js';
import type { FileSourceDef } from '../../core/framework.js';
import { chooseParser, findHeader, ByteReader, type CsvParser } from './csv-head.js';
import { leadingNewlines, type RecordText } from './csv-location.js';
import { syntaxError } from './csv-problems.js';
import { CsvRecords, type CsvFields } from './csv-records.js';
import type { PieceContext } from './csv-piece.js';
import { readFastCsv, readHeaderRecord } from './fast-csv.js';
import { readCsvInPieces, type SplitOptions } from './parallel-csv.js';
import { DELIMITER_CANDIDATES, detectDelimiter, splitPreamble } from './preamble.js';
import type { SourceRows } from './source-rows.js';
import { countNewlines, decodeText } from './text-stream.js';

/** A large uncompressed file that may be read in pieces by worker threads (parallel-csv.ts). */
export interface SplitFile {
  readonly context: Pick<PieceContext, 'path' | 'timezone' | 'period' | 'range' | 'maxReported' | 'columns'>;
  readonly size: number;
  readonly options: SplitOptions;
  readonly onBytes?: (bytes: number) => void;
}

/** Reads one CSV/TSV file into `rows`; `parser` forces a parser (tests run both on the same bytes). */
export async function readCsv(
  bytes: AsyncIterable<Buffer>,
  file: string,
  def: FileSourceDef,
  tabs: boolean,
  rows: SourceRows,
  parser?: CsvParser,
  split?: SplitFile,
): Promise<void> {
  const candidates = def.delimiter === undefined ? DELIMITER_CANDIDATES : [def.delimiter, ...DELIMITER_CANDIDATES];
  const reader = new ByteReader(bytes[Symbol.asyncIterator]());
  try {
    const header = await findHeader(reader, candidates);
    const delimiter = def.delimiter ?? (tabs ? '\t' : detectDelimiter(header.headerLine));
    if ((parser ?? (await chooseParser(reader, header.start, delimiter))) === 'csv-parse') {
      return await readWithCsvParse(decodeText(replay(reader)), file, def, tabs, rows);
    }
    if (header.headerLine === '') throw emptyFile(file);
    reader.chunks.length = 0;
    const records = new CsvRecords(file, def, delimiter, rows);
    if (split && split.options.workers >= 1 && split.size - header.start >= split.options.minBytes) {
      const first = await readHeaderRecord(reader, header, delimiter, records, file);
      const context = { ...split.context, file, def, delimiter, headers: records.headers };
      await readCsvInPieces(context, { ...first, state: records.state(), size: split.size }, split.options, rows, records, split.onBytes);
    } else await readFastCsv(reader, header, delimiter, records, file);
    records.finish();
  } finally {
    // Stopped early (a bad header, a syntax error): close the file too.
    await reader.iterator.return?.();
  }
}

function emptyFile(file: string): UserError {
  const message = `${file} has no header row: it is empty or holds only comments. Export the data again or point the source at another file.`;
  return new UserError(error('data/empty-file', message, { file, line: 1, column: 1 }));
}

/** The chunks read to choose the parser, then the rest of the file. */
async function* replay(reader: ByteReader): AsyncGenerator<Buffer> {
  yield* reader.chunks;
  for (let next = await reader.iterator.next(); next.done !== true; next = await reader.iterator.next()) yield next.value;
}

async function readWithCsvParse(chunks: AsyncIterable<string>, file: string, def: FileSourceDef, tabs: boolean, rows: SourceRows): Promise<void> {
  const candidates = def.delimiter === undefined ? DELIMITER_CANDIDATES : [def.delimiter, ...DELIMITER_CANDIDATES];
  const preamble = await splitPreamble(chunks, candidates);
  if (preamble.headerLine === '') throw emptyFile(file);
  const delimiter = def.delimiter ?? (tabs ? '\t' : detectDelimiter(preamble.headerLine));
  const parser = parse({ delimiter, bom: true, raw: true, relax_column_count: true, skip_empty_lines: true });
  const records = new CsvRecords(file, def, delimiter, rows);
  let nextLine = preamble.skippedLines + 1;
  const take = ({ raw, record }: ParsedRecord) => {
    const leading = leadingNewlines(raw);
    const text: RecordText = { file, raw: leading === 0 ? raw : raw.slice(leading), line: nextLine + leading, delimiter };
    nextLine += countNewlines(raw);
    records.take(new StringFields(record, text, leading > 0));
  };
  try {
    await pipeline(Readable.from(preamble.rest), parser, recordWriter(take));
  } catch (cause) {
    if (cause instanceof CsvError) throw syntaxError(cause, file, preamble.skippedLines, delimiter);
    throw cause;
  }
  records.finish();
}

class StringFields implements CsvFields {
  readonly count: number;

  constructor(
    private readonly fields: readonly string[],
    private readonly where: RecordText,
    readonly afterEmptyLine: boolean,
  ) {
    this.count = fields.length;
  }

  text(position: number): string {
    return this.fields[position] as string;
  }

  blank(position: number): boolean {
    return (this.fields[position] as string).trim() === '';
  }

  recordText(): RecordText {
    return this.where;
  }
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
