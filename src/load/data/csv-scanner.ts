/**
 * The byte-level CSV tokenizer: one record's field boundaries in a buffer,
 * with csv-parse's rules as csv-reader.ts sets them (quote `"`, `""`
 * escapes, any field count, empty lines skipped) and LF or CRLF ending a
 * record: a lone CR is data, as it is once text-stream.ts has turned CRLF
 * into LF. No strings are made here: fields stay byte ranges.
 */
const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Field flags: what it takes to turn a field's bytes into its value. */
export const QUOTED = 1;
export const ESCAPED = 2;
export const HAS_CR = 4;
export const NON_ASCII = 8;

export type CsvSyntaxCode = 'CSV_QUOTE_NOT_CLOSED' | 'CSV_INVALID_CLOSING_QUOTE' | 'INVALID_OPENING_QUOTE';
/** 'more': the record may go on past the buffer, scan again with more bytes. 'partial': the fields asked for are scanned, more follow. */
export type ScanResult = 'record' | 'partial' | 'more' | 'end' | CsvSyntaxCode;

const MORE = -1;
const FAILED = -2;

export class CsvScanner {
  /** The record's fields: [starts[i], ends[i]) with quotes included, and flags[i]. */
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  flags = new Uint8Array(64);
  /** Fields in the record; after an error, the fields completed before it (csv-parse's `column`). */
  count = 0;
  /** Where the record starts (after the empty lines before it), ends (before its LF) and where the next scan starts. */
  start = 0;
  end = 0;
  next = 0;
  /** LFs in the empty lines before the record, and in the record with its own. */
  leading = 0;
  inner = 0;
  /** The error, and the byte it was found at (csv-parse's last character read). */
  error: CsvSyntaxCode = 'CSV_QUOTE_NOT_CLOSED';
  errorAt = 0;
  /** Bytes that end an unquoted field or need a look (delimiter, LF, CR, quote, non-ASCII): one load per byte. */
  private readonly special = new Uint8Array(256);
  /** Where the fields after a 'partial' scan start. */
  private rest = 0;
  /** Where the next quote and CR lie, remembered while later records of a buffer are skipped. */
  private readonly quotes = new NextByte(QUOTE);
  private readonly crs = new NextByte(CR);

  constructor(private readonly delimiter: number) {
    for (const byte of [delimiter, LF, CR, QUOTE]) this.special[byte] = 1;
    this.special.fill(1, 0x80);
  }

  /**
   * Scans the record from `from`; with `final`, `buf` holds the rest of the file.
   * Once `upTo` fields are scanned and more follow, stops with 'partial': resume() or skipRest() goes on.
   */
  scan(buf: Buffer, from: number, final: boolean, upTo = Infinity): ScanResult {
    const pos = this.skipEmptyLines(buf, from);
    if (pos >= buf.length || (buf[pos] === CR && pos + 1 === buf.length && !final)) return final ? 'end' : 'more';
    this.start = pos;
    this.count = 0;
    this.inner = 0;
    return this.fields(buf, pos, final, upTo);
  }

  /** Scans the rest of the record after 'partial'. */
  resume(buf: Buffer, final: boolean): Exclude<ScanResult, 'partial'> {
    // With no field limit a scan never stops partway.
    return this.fields(buf, this.rest, final, Infinity) as Exclude<ScanResult, 'partial'>;
  }

  /**
   * Ends the record after 'partial' at its line's end, its other fields
   * unread, when nothing in them could carry the record past that line or
   * count as a line (no quote, no lone CR). False when something could, or
   * the line's end is not in the buffer: resume() then.
   */
  skipRest(buf: Buffer): boolean {
    const from = this.rest;
    const lf = buf.indexOf(LF, from);
    if (lf < 0 || this.quotes.at(buf, from) < lf) return false;
    const crlf = lf > from && buf[lf - 1] === CR;
    if (this.crs.at(buf, from) < (crlf ? lf - 1 : lf)) return false;
    this.end = crlf ? lf - 1 : lf;
    this.next = lf + 1;
    this.inner++;
    return true;
  }

  private fields(buf: Buffer, from: number, final: boolean, upTo: number): ScanResult {
    let pos = from;
    for (;;) {
      const end = buf[pos] === QUOTE ? this.quoted(buf, pos, final) : this.unquoted(buf, pos, final);
      if (end === MORE) return 'more';
      if (end === FAILED) return this.error;
      const c = buf[end];
      if (c === this.delimiter) {
        pos = end + 1;
        if (this.count < upTo) continue;
        this.rest = pos;
        return 'partial';
      }
      this.end = end;
      this.next = c === LF ? end + 1 : c === CR ? end + 2 : end;
      if (c !== undefined) this.inner++;
      return 'record';
    }
  }

  private skipEmptyLines(buf: Buffer, from: number): number {
    let pos = from;
    this.leading = 0;
    for (;;) {
      const c = buf[pos];
      if (c === LF) pos++;
      else if (c === CR && buf[pos + 1] === LF) pos += 2;
      else return pos;
      this.leading++;
    }
  }

  /** The position after the field (its delimiter, LF or CRLF, or the end), MORE or FAILED. */
  private unquoted(buf: Buffer, start: number, final: boolean): number {
    const { special, delimiter } = this;
    const len = buf.length;
    let flags = 0;
    let pos = start;
    for (; pos < len; pos++) {
      const c = buf[pos] as number;
      if (special[c] === 0) continue;
      if (c === delimiter || c === LF) break;
      if (c === QUOTE) return this.fail('INVALID_OPENING_QUOTE', pos);
      if (c >= 0x80) flags |= NON_ASCII;
      else if (pos + 1 === len && !final) return MORE;
      else if (buf[pos + 1] === LF) break;
      else flags |= HAS_CR;
    }
    if (pos === len && !final) return MORE;
    this.push(start, pos, flags);
    return pos;
  }

  private quoted(buf: Buffer, start: number, final: boolean): number {
    const len = buf.length;
    let flags = QUOTED;
    let newlines = 0;
    let pos = start + 1;
    for (; ; pos++) {
      if (pos >= len) return final ? this.fail('CSV_QUOTE_NOT_CLOSED', len - 1) : MORE;
      const c = buf[pos] as number;
      if (c === QUOTE) {
        if (pos + 1 === len && !final) return MORE;
        if (buf[++pos] !== QUOTE) break;
        flags |= ESCAPED;
      } else if (c === LF) newlines++;
      else if (c === CR) flags |= HAS_CR;
      else if (c >= 0x80) flags |= NON_ASCII;
    }
    // pos is after the closing quote: only a delimiter, LF, CRLF or the end may follow.
    const next = buf[pos];
    if (next === CR && pos + 1 === len && !final) return MORE;
    if (next !== undefined && next !== this.delimiter && next !== LF && !(next === CR && buf[pos + 1] === LF)) {
      return this.fail('CSV_INVALID_CLOSING_QUOTE', pos - 1);
    }
    this.inner += newlines;
    this.push(start, pos, flags);
    return pos;
  }

  private fail(code: CsvSyntaxCode, at: number): number {
    this.error = code;
    this.errorAt = at;
    return FAILED;
  }

  private push(start: number, end: number, flags: number): void {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.flags[this.count] = flags;
    this.count++;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const flags = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    flags.set(this.flags);
    Object.assign(this, { starts, ends, flags });
  }
}

/**
 * The first `byte` at or after a position of a buffer (Infinity: none). The
 * answer is kept for later positions in the same buffer: searching each
 * record's rest anew would cost as much as scanning it.
 */
class NextByte {
  private buf: Buffer | undefined;
  private from = 0;
  private found = -1;

  constructor(private readonly byte: number) {}

  at(buf: Buffer, from: number): number {
    if (buf !== this.buf || from < this.from) {
      this.buf = buf;
      this.found = -1;
    }
    this.from = from;
    if (this.found < from) {
      const at = buf.indexOf(this.byte, from);
      this.found = at < 0 ? Infinity : at;
    }
    return this.found;
  }
}
