/**
 * What happens to each parsed CSV record, whichever parser found it: blank
 * records skipped, the first one read as the header (matched to the
 * declared columns), header_rows skipped, shifted records refused, and the
 * rest handed to SourceRows as the declared columns' cells.
 */
import type { SourceLocation } from '../../core/diagnostics.js';
import type { FileSourceDef } from '../../core/framework.js';
import { columnPositions } from './csv-header.js';
import { locateField, type RecordText } from './csv-location.js';
import { secondTable, shiftedFields, tooFewRecords } from './csv-problems.js';
import type { Value } from '../../core/values.js';
import type { ByteConverter } from './convert.js';
import type { DataRecord, SourceRows } from './source-rows.js';

/** One parsed record, read field by field: a parser makes only the strings asked for. */
export interface CsvFields {
  readonly count: number;
  /** Whether empty lines came between this record and the one before it. */
  readonly afterEmptyLine: boolean;
  /** The value of field `position` (0-based, below count). */
  text(position: number): string;
  /** Whether the field's value is only white space (String.prototype.trim's). */
  blank(position: number): boolean;
  /** The record's text for locating a field: only asked for records that are reported. */
  recordText(): RecordText;
  /** CRs in the record's values that end no line: csv-parse reads them as data, so one may join two rows of an export. */
  loneCrs(): number;
  /** What `convert` reads from field `position`'s bytes when the parser holds them plain (unquoted ASCII); else undefined. */
  converted?(position: number, convert: ByteConverter): Value | undefined;
}

/**
 * Where a file's records stand between two pieces of it read apart
 * (parallel-csv.ts): `index` counts records up to the header rows' end only,
 * so every piece after them starts from the same state.
 */
/** A second table below the data: where it starts and how many records it has. */
export interface SecondTable {
  readonly at: SourceLocation;
  readonly records: number;
}

export interface RecordsState {
  readonly index: number;
  readonly afterBlank: boolean;
  readonly inSecondTable: boolean;
}

/** Also the record SourceRows gets: one object, refilled per record, since SourceRows never keeps a record. */
export class CsvRecords implements DataRecord {
  fieldCount = 0;
  /** The fields a record's place in the period is read from (up to its time's), once the header is read; Infinity: every field. */
  placeableAfter = Infinity;
  /** The header's fields, once read: what a piece read apart needs to go on. */
  headers: readonly string[] = [];
  private fields: CsvFields | undefined;
  private index = 0;
  private headerCount = 0;
  private positions: number[] = [];
  private emit: (record: DataRecord) => void = () => {};
  private afterBlank = false;
  private secondTable: { readonly at: SourceLocation; records: number } | undefined;

  constructor(
    private readonly file: string,
    private readonly def: FileSourceDef,
    private readonly delimiter: string,
    private readonly rows: SourceRows,
  ) {}

  /**
   * `outside`: what timeOutside() said of this record before its last fields
   * were scanned (null: not outside); undefined when it was not asked.
   */
  take(fields: CsvFields, outside?: number | null): void {
    if (isBlank(fields)) {
      this.afterBlank = this.index > 0;
      return;
    }
    if (fields.afterEmptyLine && this.index > 0) this.afterBlank = true;
    if (this.secondTable) {
      this.secondTable.records++;
      return;
    }
    if (this.startsSecondTable(fields)) return;
    if (this.index === 0) this.readHeader(fields);
    else if (this.index >= this.def.headerRows) {
      const extra = fields.count > this.headerCount ? firstFilled(fields, this.headerCount) : -1;
      const time = outside === undefined ? this.placedOutside(fields) : outside;
      // Outside the period a record is not checked further, unless a lone CR in it may have joined a row of the period to it.
      if (extra >= 0 && (time === null || fields.loneCrs() > 0)) {
        const message = shiftedFields(fields.count, this.headerCount, extra, fields.text(extra), this.delimiter);
        this.rows.rejectRecord({ cell: () => undefined, locate: () => locateField(fields.recordText(), extra) }, 'row/field-count', message);
      } else if (time !== null) this.rows.countOutside(time);
      else this.pass(fields);
    }
    this.index++;
  }

  /** After the last record: a file shorter than its header rows is misdeclared; a second table is said. */
  finish(): void {
    if (this.index < this.def.headerRows) throw tooFewRecords(this.file, this.index, this.def);
    if (this.secondTable) this.rows.notice(secondTable(this.secondTable.at, this.secondTable.records, this.headerCount));
  }

  /**
   * Reports such as Universal Analytics' put a second table (`Day Index,Sessions`)
   * below the first after a blank line: a record there that reads like a header
   * (text only, no digits) and whose field count is not the header's starts it,
   * and the rest of the file is not read as rows. A short data row after a blank
   * line has digits, so it stays a rejected row, never a silent end of the data.
   */
  private startsSecondTable(fields: CsvFields): boolean {
    const starts = this.afterBlank && this.index >= this.def.headerRows && fields.count !== this.headerCount && looksLikeHeader(fields);
    this.afterBlank = false;
    if (starts) this.secondTable = { at: locateField(fields.recordText(), 0), records: 1 };
    return starts;
  }

  locate(column?: number): SourceLocation {
    const text = (this.fields as CsvFields).recordText();
    const position = column === undefined ? undefined : this.positions[column];
    if (position === undefined) return { file: text.file, line: text.line, column: 1 };
    return locateField(text, position);
  }

  state(): RecordsState {
    return { index: Math.min(this.index, Math.max(1, this.def.headerRows)), afterBlank: this.afterBlank, inSecondTable: this.secondTable !== undefined };
  }

  /** Goes on from `state` in a file whose header (checked already) is `headers`. */
  resume(headers: readonly string[], state: RecordsState): void {
    this.useHeader(headers, () => ({ file: this.file }));
    this.index = state.index;
    this.afterBlank = state.afterBlank;
    if (state.inSecondTable) this.secondTable = { at: { file: this.file }, records: 0 };
  }

  /** Takes the state the file's pieces, read apart, ended in, so that finish() judges the whole file. */
  adopt(state: RecordsState, secondTable: SecondTable | undefined): void {
    this.index = state.index;
    this.afterBlank = state.afterBlank;
    this.secondTable = secondTable && { ...secondTable };
  }

  /** The second table met in this file, if any (its records counted from where this reader started). */
  secondTableSeen(): SecondTable | undefined {
    return this.secondTable;
  }

  private readHeader(fields: CsvFields): void {
    const headers = Array.from({ length: fields.count }, (_, i) => fields.text(i));
    this.useHeader(headers, (p) => locateField(fields.recordText(), p));
  }

  private useHeader(headers: readonly string[], locate: (position: number) => SourceLocation): void {
    this.headers = headers;
    this.headerCount = headers.length;
    this.positions = columnPositions(headers, this.def, this.file, locate);
    this.emit = this.rows.forFile(this.positions.map((p) => `field ${p + 1}`));
    const timeColumn = this.rows.placedByColumn();
    this.placeableAfter = timeColumn < 0 ? Infinity : (this.positions[timeColumn] as number) + 1;
  }

  /**
   * The time of a data record whose fields so far hold its time, when that
   * time places it outside the period and every range read around it; null
   * when it does not; undefined for a record whose other fields matter
   * first (a header row, after a blank line, in a second table).
   */
  timeOutside(fields: CsvFields): number | null | undefined {
    if (this.index === 0 || this.index < this.def.headerRows || this.afterBlank || fields.afterEmptyLine || this.secondTable) return undefined;
    return this.placedOutside(fields);
  }

  private placedOutside(fields: CsvFields): number | null {
    this.fieldCount = fields.count;
    this.fields = fields;
    return this.rows.timeOutside(this);
  }

  /** Counts a record timeOutside() placed. */
  countOutside(time: number): void {
    this.rows.countOutside(time);
    this.index++;
  }

  has(column: number): boolean {
    return (this.positions[column] as number) < (this.fields as CsvFields).count;
  }

  /** Only the cells SourceRows reads become strings: a row outside the period needs just its time. */
  cell(column: number): string | undefined {
    const fields = this.fields as CsvFields;
    const position = this.positions[column] as number;
    return position < fields.count ? fields.text(position) : undefined;
  }

  converted(column: number, convert: ByteConverter): Value | undefined {
    const fields = this.fields as CsvFields;
    const position = this.positions[column] as number;
    return position < fields.count ? fields.converted?.(position, convert) : undefined;
  }

  private pass(fields: CsvFields): void {
    this.fieldCount = fields.count;
    this.fields = fields;
    this.emit(this);
  }
}

/** A line of only spaces or delimiters (`,,`, which Excel leaves below the data): blank to people, not to a parser. */
function isBlank(fields: CsvFields): boolean {
  for (let i = 0; i < fields.count; i++) if (!fields.blank(i)) return false;
  return true;
}

/** Header cells are names: filled and without digits (`Day Index,Sessions`), unlike a short data row. */
function looksLikeHeader(fields: CsvFields): boolean {
  for (let i = 0; i < fields.count; i++) if (fields.blank(i) || /\d/.test(fields.text(i))) return false;
  return true;
}

/** The position of the first field from `from` on that is not blank; -1 when there is none. */
function firstFilled(fields: CsvFields, from: number): number {
  for (let i = from; i < fields.count; i++) if (!fields.blank(i)) return i;
  return -1;
}
