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
import { chooseParser, findHeader, ByteReader, type ByteHeader, type CsvParser } from './csv-head.js';
import { leadingNewlines, type RecordText } from './csv-location.js';
import { syntaxError } from './csv-problems.js';
import { CsvRecords, type CsvFields } from './csv-records.js';
import type { PieceContext } from './csv-piece.js';
import { readFastCsv, readHeaderRecord } from './fast-csv.js';
import { pieceBytesFor, readCsvInPieces, type FileInPieces, type SplitOptions } from './parallel-csv.js';
import { poolRunning } from './piece-pool.js';
import type { UpcomingFile } from './read-ahead.js';
import { DELIMITER_CANDIDATES, detectDelimiter, splitPreamble } from './preamble.js';
import type { SourceRows } from './source-rows.js';
import { countNewlines, decodeText } from './text-stream.js';

/** A large uncompressed file that may be read in pieces by worker threads (parallel-csv.ts). */
export interface SplitFile {
  readonly context: Pick<PieceContext, 'path' | 'timezone' | 'period' | 'range' | 'maxReported' | 'columns' | 'summaries'>;
  readonly size: number;
  readonly options: SplitOptions;
  readonly onBytes?: (bytes: number) => void;
  /** The file's place among the files of the run, whose pieces workers may read ahead. */
  readonly upcoming?: UpcomingFile;
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
  const reader = new ByteReader(bytes[Symbol.asyncIterator]());
  try {
    const head = await readHead(reader, def, tabs, parser);
    if (head.parser === 'csv-parse') return await readWithCsvParse(decodeText(replay(reader)), file, def, tabs, rows);
    if (head.header.headerLine === '') throw emptyFile(file);
    reader.chunks.length = 0;
    const records = new CsvRecords(file, def, head.delimiter, rows);
    const inPieces = split && (await startInPieces(reader, head, file, def, records, split));
    if (inPieces) await readCsvInPieces(inPieces, rows, records, split?.onBytes && untold(split.onBytes, reader.pulled - inPieces.first.offset), split?.upcoming);
    else await readFastCsv(reader, head.header, head.delimiter, records, file);
    records.finish();
  } finally {
    // Stopped early (a bad header, a syntax error): close the file too.
    await reader.iterator.return?.();
  }
}

/**
 * How a file is to be read in pieces, from its header read before its turn
 * (into `rows` that only the header reaches); undefined when it is read whole.
 */
export async function csvInPieces(bytes: AsyncIterable<Buffer>, file: string, def: FileSourceDef, tabs: boolean, rows: SourceRows, split: SplitFile): Promise<FileInPieces | undefined> {
  const reader = new ByteReader(bytes[Symbol.asyncIterator]());
  try {
    const head = await readHead(reader, def, tabs);
    if (head.parser === 'csv-parse' || head.header.headerLine === '') return undefined;
    return await startInPieces(reader, head, file, def, new CsvRecords(file, def, head.delimiter, rows), split);
  } finally {
    await reader.iterator.return?.();
  }
}

interface CsvHead {
  readonly header: ByteHeader;
  readonly delimiter: string;
  readonly parser: CsvParser;
}

async function readHead(reader: ByteReader, def: FileSourceDef, tabs: boolean, parser?: CsvParser): Promise<CsvHead> {
  const candidates = def.delimiter === undefined ? DELIMITER_CANDIDATES : [def.delimiter, ...DELIMITER_CANDIDATES];
  const header = await findHeader(reader, candidates);
  const delimiter = def.delimiter ?? (tabs ? '\t' : detectDelimiter(header.headerLine));
  return { header, delimiter, parser: parser ?? (await chooseParser(reader, header.start, delimiter)) };
}

/** Reads the header record of a file large enough to be read in pieces; undefined, having read nothing, for a smaller one. */
async function startInPieces(reader: ByteReader, head: CsvHead, file: string, def: FileSourceDef, records: CsvRecords, split: SplitFile): Promise<FileInPieces | undefined> {
  const pieceBytes = pieceBytesFor(split.options, split.size - head.header.start, poolRunning(split.options.workers));
  if (pieceBytes === undefined) return undefined;
  const first = await readHeaderRecord(reader, head.header, head.delimiter, records, file);
  const context = { ...split.context, file, def, delimiter: head.delimiter, headers: records.headers };
  return { context, first: { ...first, state: records.state(), size: split.size }, options: { ...split.options, pieceBytes } };
}

/** The pieces tell their bytes from the first record on; the chunks read for the header told `told` of them already. */
function untold(onBytes: (bytes: number) => void, told: number): (bytes: number) => void {
  let skip = told;
  return (bytes) => {
    const skipped = Math.min(skip, bytes);
    skip -= skipped;
    if (bytes > skipped) onBytes(bytes - skipped);
  };
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

  /** The text has every CRLF as LF: a CR left is a lone one. */
  loneCrs(): number {
    let count = 0;
    for (const field of this.fields) for (let at = field.indexOf('\r'); at >= 0; at = field.indexOf('\r', at + 1)) count++;
    return count;
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
