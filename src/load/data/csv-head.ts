/**
 * The top of a CSV file read as bytes: the `#` preamble and blank lines
 * before the header dropped by the same rules as preamble.ts (each line
 * decoded and judged as text), and the choice of parser, which must be made
 * before any record is parsed.
 */
import { isUtf16 } from './byte-stream.js';
import { isCommentLine } from './preamble.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * A file's bytes pulled chunk by chunk, each copied as it arrives (a chunk is
 * only valid until the next, see readBytes()); the chunks are kept while
 * csv-parse may still need them.
 */
export class ByteReader {
  buf: Buffer = Buffer.alloc(0);
  done = false;
  readonly chunks: Buffer[] = [];
  /** Bytes pulled from the file so far (for a file read in pieces after its header, what its progress has told). */
  pulled = 0;
  /** Where refill() puts a carried record and the chunks after it: reused, so no fresh memory per chunk. */
  private work = Buffer.alloc(0);

  constructor(readonly iterator: AsyncIterator<Buffer>) {}

  /** Appends the next chunk to `buf`; false at the end of the file. */
  async more(): Promise<boolean> {
    const next = await this.iterator.next();
    if (next.done === true) this.done = true;
    else {
      this.pulled += next.value.length;
      const chunk = Buffer.from(next.value);
      this.chunks.push(chunk);
      this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    }
    return !this.done;
  }

  /**
   * `carry` (a record cut by the end of the buffer) followed by at least one
   * more chunk, and by as many bytes as it holds: a record spanning many
   * chunks is then rescanned a logarithmic number of times, not once per
   * chunk. The bytes returned stay valid until the next refill.
   */
  async refill(carry: Buffer): Promise<Buffer> {
    let filled = this.put(carry, 0);
    do {
      const next = await this.iterator.next();
      if (next.done === true) {
        this.done = true;
        break;
      }
      this.pulled += next.value.length;
      filled = this.put(next.value, filled);
    } while (filled < 2 * carry.length);
    return this.work.subarray(0, filled);
  }

  /** Copies `bytes` to `work` at `at` (they may lie in `work` already: Buffer.copy allows the overlap); where they end. */
  private put(bytes: Buffer, at: number): number {
    const end = at + bytes.length;
    if (end > this.work.length) {
      const larger = Buffer.allocUnsafe(Math.max(end, 2 * this.work.length));
      // A carried record is put first, within the buffer it may lie in: only later chunks grow it.
      this.work.copy(larger, 0, 0, at);
      this.work = larger;
    }
    bytes.copy(this.work, at);
    return end;
  }
}

export interface ByteHeader {
  /** Lines dropped before the header. */
  readonly skippedLines: number;
  /** The first physical line of the header as text; '' when the file has none. */
  readonly headerLine: string;
  /** Where the header starts in the reader's buffer. */
  readonly start: number;
}

/** Finds the header line, dropping what splitPreamble() drops. */
export async function findHeader(reader: ByteReader, delimiters: readonly string[]): Promise<ByteHeader> {
  while (reader.buf.length < 3 && (await reader.more()));
  // text-stream.ts drops a UTF-8 byte-order mark at the start of the file.
  let start = hasBom(reader.buf, 0) ? 3 : 0;
  let skippedLines = 0;
  for (;;) {
    const newline = reader.buf.indexOf(LF, start);
    if (newline < 0 && (await reader.more())) continue;
    // As text, CRLF is LF: one CR before the LF is not part of the line.
    const end = newline < 0 ? reader.buf.length : newline > start && reader.buf[newline - 1] === CR ? newline - 1 : newline;
    const line = reader.buf.toString('utf8', start, end);
    const droppable = line.trim() === '' || isCommentLine(line, delimiters);
    if (!droppable || newline < 0) return { skippedLines, headerLine: droppable ? '' : line, start };
    skippedLines++;
    start = newline + 1;
  }
}

export function hasBom(buf: Buffer, at: number): boolean {
  return buf[at] === 0xef && buf[at + 1] === 0xbb && buf[at + 2] === 0xbf;
}

export type CsvParser = 'fast' | 'csv-parse';

/**
 * The byte tokenizer is exact for UTF-8 text split into records by LF or
 * CRLF with a one-byte delimiter. csv-parse stays for the rest: UTF-16
 * files, a declared delimiter of several characters or a non-ASCII one,
 * and files whose first line break is a lone CR, from which csv-parse
 * takes CR as the record delimiter for the whole file (old Mac exports).
 */
export async function chooseParser(reader: ByteReader, headerStart: number, delimiter: string): Promise<CsvParser> {
  const first = reader.chunks[0];
  if (first !== undefined && isUtf16(first)) return 'csv-parse';
  const code = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || code >= 0x80 || code === QUOTE || code === LF || code === CR) return 'csv-parse';
  for (;;) {
    const kind = firstBreak(reader.buf, headerStart, reader.done);
    if (kind !== 'unknown') return kind === 'lf' ? 'fast' : 'csv-parse';
    // A file that is one record without a line break: no record delimiter to disagree on.
    if (reader.done) return 'fast';
    await reader.more();
  }
}

/** The first line break outside quotes: csv-parse's record delimiter (quotes only toggle, as in a valid header). */
function firstBreak(buf: Buffer, from: number, final: boolean): 'lf' | 'cr' | 'unknown' {
  let quoted = false;
  for (let i = from; i < buf.length; i++) {
    const c = buf[i];
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === LF) return 'lf';
    else if (c === CR) {
      if (i + 1 < buf.length) return buf[i + 1] === LF ? 'lf' : 'cr';
      return final ? 'cr' : 'unknown';
    }
  }
  return 'unknown';
}
