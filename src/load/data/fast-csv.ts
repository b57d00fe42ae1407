/**
 * CSV records straight from the file's bytes: the scanner finds the field
 * boundaries and only the fields asked for become strings (the declared
 * columns, or a field that must be checked for blankness and is not ASCII).
 * Lines are counted as records pass; a record's text is decoded only to
 * place a reported problem.
 */
import type { UserError } from '../../core/diagnostics.js';
import type { RecordText } from './csv-location.js';
import { syntaxProblem } from './csv-problems.js';
import type { Value } from '../../core/values.js';
import type { ByteConverter } from './convert.js';
import type { CsvFields, CsvRecords } from './csv-records.js';
import { CsvScanner, ESCAPED, HAS_CR, NON_ASCII, QUOTED, type CsvSyntaxCode } from './csv-scanner.js';
import { hasBom, type ByteHeader, type ByteReader } from './csv-head.js';
import { TextCache } from './text-cache.js';

/** Buffer's own slicers, which toString() calls after checking its arguments: worth skipping millions of times. */
interface Slicers {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

export async function readFastCsv(reader: ByteReader, header: ByteHeader, delimiter: string, records: CsvRecords, file: string): Promise<void> {
  await scanRecords(reader, firstRecord(reader, header), delimiter, records, file);
}

/** Only the header record: where the records after it start. */
export async function readHeaderRecord(reader: ByteReader, header: ByteHeader, delimiter: string, records: CsvRecords, file: string): Promise<ScanPoint> {
  const start = firstRecord(reader, header);
  return scanRecords(reader, start, delimiter, records, file, start.offset + 1);
}

function firstRecord(reader: ByteReader, header: ByteHeader): ScanPoint {
  // csv-parse drops a byte-order mark at the start of what it reads, the header.
  const offset = hasBom(reader.buf, header.start) ? header.start + 3 : header.start;
  return { offset, line: header.skippedLines + 1, loneCrs: 0 };
}

/** Where a scan of records begins or stopped: a byte offset in the file, its line, and the lone CRs read before it. */
export interface ScanPoint {
  readonly offset: number;
  readonly line: number;
  readonly loneCrs: number;
}

/**
 * Hands `records` every record from `start` on, until the end of the file or
 * the first record that starts at or after byte `stopAt` (left unread).
 * `reader.buf` must hold the file from byte `base` on.
 */
export async function scanRecords(
  reader: ByteReader,
  start: ScanPoint,
  delimiter: string,
  records: CsvRecords,
  file: string,
  stopAt = Infinity,
  base = 0,
): Promise<ScanPoint> {
  const scanner = new CsvScanner(delimiter.charCodeAt(0));
  const fields = new FastFields(scanner, file, delimiter);
  let buf = reader.buf;
  let pos = start.offset - base;
  let line = start.line;
  let loneCrs = start.loneCrs;
  for (;;) {
    let result = scanner.scan(buf, pos, reader.done, records.placeableAfter);
    let outside: number | null | undefined;
    if (result === 'partial') {
      fields.set(buf, line + scanner.leading);
      // A row outside the period is placed by its time alone: the rest of its line is not even scanned.
      outside = base + scanner.start < stopAt ? records.timeOutside(fields) : undefined;
      if (typeof outside === 'number' && scanner.skipRest(buf)) {
        records.countOutside(outside);
        line += scanner.leading + scanner.inner;
        loneCrs += fields.loneCrs();
        pos = scanner.next;
        continue;
      }
      result = scanner.resume(buf, reader.done);
    }
    if (result === 'more') {
      base += pos;
      buf = await reader.refill(buf.subarray(pos));
      pos = 0;
      continue;
    }
    if (result === 'end' || base + scanner.start >= stopAt) return { offset: base + pos, line, loneCrs };
    fields.set(buf, line + scanner.leading);
    if (result !== 'record') throw fields.syntaxError(result, loneCrs);
    records.take(fields, outside);
    line += scanner.leading + scanner.inner;
    loneCrs += fields.loneCrs();
    pos = scanner.next;
  }
}

class FastFields implements CsvFields {
  count = 0;
  afterEmptyLine = false;
  private buf: Buffer = Buffer.alloc(0);
  private line = 0;
  /** Per field position: repeated values come back as the same string. */
  private readonly caches: TextCache[] = [];

  constructor(
    private readonly scanner: CsvScanner,
    private readonly file: string,
    private readonly delimiter: string,
  ) {}

  set(buf: Buffer, line: number): void {
    this.buf = buf;
    this.line = line;
    this.count = this.scanner.count;
    this.afterEmptyLine = this.scanner.leading > 0;
  }

  text(position: number): string {
    const { starts, ends, flags } = this.scanner;
    const flag = flags[position] as number;
    const slicers = this.buf as unknown as Slicers;
    // Unquoted ASCII, the common case: latin1 is UTF-8 there, and copies without decoding.
    if (flag === 0) return starts[position] === ends[position] ? '' : this.cacheOf(position).text(this.buf, starts[position] as number, ends[position] as number);
    const quoted = flag & QUOTED;
    const start = (starts[position] as number) + quoted;
    const end = (ends[position] as number) - quoted;
    let text = flag & NON_ASCII ? slicers.utf8Slice(start, end) : slicers.latin1Slice(start, end);
    if (flag & ESCAPED) text = text.replace(/""/g, '"');
    // A quoted CRLF is an LF, as text-stream.ts makes it; a lone CR stays.
    if (quoted && flag & HAS_CR) text = text.replace(/\r\n/g, '\n');
    return text;
  }

  converted(position: number, convert: ByteConverter): Value | undefined {
    return this.scanner.flags[position] === 0 ? convert(this.buf, this.scanner.starts[position] as number, this.scanner.ends[position] as number) : undefined;
  }

  private cacheOf(position: number): TextCache {
    let cache = this.caches[position];
    if (cache === undefined) this.caches[position] = cache = new TextCache();
    return cache;
  }

  blank(position: number): boolean {
    const flag = this.scanner.flags[position] as number;
    if (flag & NON_ASCII) return this.text(position).trim() === '';
    const quoted = flag & QUOTED;
    const end = (this.scanner.ends[position] as number) - quoted;
    for (let i = (this.scanner.starts[position] as number) + quoted; i < end; i++) {
      const c = this.buf[i] as number;
      // trim()'s ASCII white space: tab, LF, VT, FF, CR, space.
      if (c !== 32 && (c < 9 || c > 13)) return false;
    }
    return true;
  }

  recordText(): RecordText {
    return this.textTo(this.scanner.end);
  }

  /** Lone CRs in the record: csv-parse counts them as lines in its errors, so they are followed. */
  loneCrs(): number {
    const { starts, ends, flags } = this.scanner;
    let count = 0;
    for (let i = 0; i < this.count; i++) if ((flags[i] as number) & HAS_CR) count += loneCrs(this.buf, starts[i] as number, ends[i] as number);
    return count;
  }

  /**
   * The record's syntax error where csv-parse places it: its line is the
   * record's plus every lone CR read since the header, which csv-parse
   * counts as line breaks (see csv-problems.ts syntaxError()).
   */
  syntaxError(code: CsvSyntaxCode, loneCrsBefore: number): UserError {
    const { start, errorAt, count } = this.scanner;
    const text = this.textTo(errorAt + 1);
    const line = text.line + loneCrsBefore + loneCrs(this.buf, start, errorAt);
    return syntaxProblem(code, code, { ...text, line }, count);
  }

  private textTo(end: number): RecordText {
    const raw = this.buf.toString('utf8', this.scanner.start, Math.min(end, this.buf.length)).replace(/\r\n/g, '\n');
    return { file: this.file, raw, line: this.line, delimiter: this.delimiter };
  }
}

/** CRs in [from, to) that are not followed by an LF. */
function loneCrs(buf: Buffer, from: number, to: number): number {
  let count = 0;
  for (let i = buf.indexOf(13, from); i >= 0 && i < to; i = buf.indexOf(13, i + 1)) if (buf[i + 1] !== 10) count++;
  return count;
}
