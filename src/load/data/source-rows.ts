/**
 * Where records from every file of one source end up: each cell typed,
 * the row checked against the declared constraints and placed in the
 * period, then passed on or counted as rejected. Row problems never throw.
 */
import { error, UserError, warning, type Diagnostic, type SourceLocation } from '../../core/diagnostics.js';
import type { ColumnDef, FileSourceDef } from '../../core/framework.js';
import { inRanges, type Period, type TimeRanges } from '../../core/period.js';
import type { SourceStats } from '../../core/report.js';
import type { Row, Value } from '../../core/values.js';
import { compileByteConverter, compileConverter, type ByteConverter, type Converter } from './convert.js';
import { compileCurrencyCheck, type CurrencyCheck } from './currency-cells.js';
import { CellFailure } from './failure.js';
import { columnKinds, replayBatch, type ColumnKind, type RowBatch } from './row-batch.js';
import { compileRowValidator, type RowValidator } from './row-schema.js';
import type { RowSummaries } from './row-summaries.js';

/** One record as a reader found it, before typing. */
export interface DataRecord {
  /** Declared column `column`'s CSV text or JSON value; undefined when the record has no such field. Read on demand. */
  cell(column: number): unknown;
  /** CSV only: how many fields the record has, so a short record can be told from an empty cell. */
  readonly fieldCount?: number;
  /** CSV only: whether the record has the field of declared column `column` (then its text, which a plain string column accepts as it is). */
  has?(column: number): boolean;
  /** Where the field of declared column `column` is; where the record starts when absent. */
  locate(column?: number): SourceLocation;
  /** CSV only: what `convert` reads from the field of declared column `column` where it lies in the file, when it is plain (unquoted ASCII); else undefined. */
  converted?(column: number, convert: ByteConverter): Value | undefined;
}

export interface RowTarget {
  readonly timezone: string;
  readonly period: Period | null;
  /**
   * Rows outside the period but inside this range are typed, checked and passed on too (windows such as the
   * previous period); they are counted as outside the period and as used. Absent or null: the period's rows only.
   */
  readonly range?: TimeRanges | null;
  readonly onRow: (row: Row) => void;
  readonly maxReported?: number;
  /** The columns onRow reads; the others are checked and then passed as null. Default: all. */
  readonly columns?: ReadonlySet<string>;
  /** When present, workers reading pieces of a file summarize their rows as these say, instead of passing them on. */
  readonly summaries?: RowSummaries;
}

export class SourceRows {
  private readonly converters: readonly Converter[];
  private readonly byteConverters: readonly (ByteConverter | undefined)[];
  private readonly validate: RowValidator;
  private readonly checkCurrencies: CurrencyCheck | null;
  private readonly timeIndex: number;
  private readonly maxReported: number;
  private read = 0;
  private inPeriod = 0;
  private outside = 0;
  private usedOutside = 0;
  private rejected = 0;
  private firstTime = Infinity;
  private lastTime = -Infinity;
  private readonly rejections: Diagnostic[] = [];
  private readonly notices: Diagnostic[] = [];
  private readonly kinds: readonly ColumnKind[];
  /** Declared columns that onRow does not read: passed as null. */
  private readonly unread: readonly number[];
  /** Of those, the plain string columns (no required, enum or pattern): a CSV field there cannot be wrong, so it is not even read. */
  private readonly unchecked: readonly boolean[];
  /** The time timeOutside() typed for a record in the period, for accept() not to type it again: valid for the record after `typedTimeFor` records read. */
  private typedTime = 0;
  private typedTimeFor = -1;
  /** One array for every row: onRow consumes a row before the next is read, so none is allocated per row. */
  private readonly values: Value[];

  constructor(
    private readonly def: FileSourceDef,
    private readonly target: RowTarget,
  ) {
    ({ converters: this.converters, byteConverters: this.byteConverters, validate: this.validate, checkCurrencies: this.checkCurrencies } = compiledFor(
      def,
      target.timezone,
    ));
    this.timeIndex = def.time === undefined ? -1 : def.columns.findIndex((column) => column.name === def.time);
    this.maxReported = target.maxReported ?? 5;
    this.kinds = columnKinds(def, target.columns);
    const read = (column: ColumnDef) => target.columns === undefined || target.columns.has(column.name);
    this.unread = def.columns.flatMap((column, index) => (read(column) ? [] : [index]));
    this.unchecked = def.columns.map((column, index) => !read(column) && index !== this.timeIndex && isPlainString(column));
    this.values = new Array<Value>(def.columns.length).fill(null);
  }

  /** Takes the records of one file, whose fields messages call by `labels` (`field 5`, `key 'time'`). */
  forFile(labels: readonly string[]): (record: DataRecord) => void {
    return (record) => this.accept(record, labels);
  }

  /** Something left unread that is not a row of this source (a second table), said once per file. */
  notice(diagnostic: Diagnostic): void {
    this.notices.push(diagnostic);
  }

  /** A record that cannot be a row at all (not a JSON object, shifted CSV fields), reported where record.locate() says. */
  rejectRecord(record: DataRecord, code: string, message: string): void {
    this.read++;
    this.reject(record, [], -1, code, message);
  }

  /** Rows typed and checked by a worker (a piece of a file read apart), passed on in their order. */
  replay(batch: RowBatch): void {
    replayBatch(batch, this.kinds, this.values, this.target.onRow);
  }

  /** What the rows of a piece read apart left, summarized by a worker (RowTarget.summaries). */
  mergeSummary(summary: unknown): void {
    if (!this.target.summaries) throw new Error(`no summaries were asked for source '${this.def.name}'`);
    this.target.summaries.merge(summary);
  }

  /** The counts and rejections of a piece of a file read apart, whose locations `shift` places in the whole file. */
  absorb(piece: SourceStats, shift: (diagnostic: Diagnostic) => Diagnostic): void {
    this.read += piece.rowsRead;
    this.inPeriod += piece.rowsInPeriod;
    this.outside += piece.rowsOutsidePeriod;
    this.usedOutside += piece.rowsUsedOutside ?? 0;
    this.rejected += piece.rowsRejected;
    if (piece.timeRange) {
      this.widenTimeRange(piece.timeRange.first);
      this.widenTimeRange(piece.timeRange.last);
    }
    for (const rejection of piece.rejections) if (this.rejections.length < this.maxReported) this.rejections.push(shift(rejection));
  }

  get rowsRead(): number {
    return this.read;
  }

  stats(files: readonly string[]): SourceStats {
    return {
      name: this.def.name,
      files,
      rowsRead: this.read,
      rowsInPeriod: this.inPeriod,
      rowsOutsidePeriod: this.outside,
      rowsRejected: this.rejected,
      ...(this.target.range && { rowsUsedOutside: this.usedOutside }),
      timeRange: this.firstTime <= this.lastTime ? { first: this.firstTime, last: this.lastTime } : null,
      rejections: this.rejections,
      notices: this.notices,
    };
  }

  /**
   * With a period, a row is first placed by its time alone: a row outside the
   * period and its range is in no KPI, so its other cells are neither read nor
   * checked (a bad cell in a month not reported must not count against this
   * one, and skipping them is most of the cost of such rows).
   */
  private accept(record: DataRecord, labels: readonly string[]): void {
    const typedTime = this.typedTimeFor === this.read ? this.typedTime : null;
    this.read++;
    const period = this.target.period;
    const timed = this.timeIndex >= 0;
    let around = false;
    if (timed && period !== null) {
      if (typedTime !== null) this.values[this.timeIndex] = typedTime;
      else if (!this.convert(record, labels, this.timeIndex)) return;
      const time = this.timeOf(record, labels);
      if (time === null) return;
      const place = this.placeOf(time, period);
      if (place === 'outside') return this.countOutside(time, false);
      around = place === 'around';
    }
    if (!this.typed(record, labels, timed && period !== null ? this.timeIndex : -1)) return;
    const problem = this.validate(this.values) ?? this.checkCurrencies?.(this.values, record);
    if (problem) return this.reject(record, labels, problem.column, problem.code, problem.message);
    if (timed) {
      const time = this.timeOf(record, labels);
      if (time === null) return;
      this.widenTimeRange(time);
    }
    if (around) {
      this.outside++;
      this.usedOutside++;
    } else this.inPeriod++;
    for (let u = 0; u < this.unread.length; u++) this.values[this.unread[u] as number] = null;
    this.target.onRow(this.values);
  }

  /** The column that places a row in the period, when there is a period: -1 when none does. */
  placedByColumn(): number {
    return this.target.period === null ? -1 : this.timeIndex;
  }

  /**
   * The time of a record outside the period and every range read around it,
   * read from its time cell alone; null otherwise, also when that cell does
   * not convert (the whole record, read as usual, then says why).
   */
  timeOutside(record: DataRecord): number | null {
    const period = this.target.period;
    if (this.timeIndex < 0 || period === null) return null;
    const time = this.typedCell(record, this.timeIndex);
    if (typeof time !== 'number') return null;
    if (this.placeOf(time, period) !== 'outside') {
      this.typedTime = time;
      this.typedTimeFor = this.read;
      return null;
    }
    return time;
  }

  /** Counts a record placed outside the period and its ranges; `read` false when accept() has counted it read. */
  countOutside(time: number, read = true): void {
    if (read) this.read++;
    this.outside++;
    this.widenTimeRange(time);
  }

  /** In the period, around it (in the range some KPI reads beyond it), or outside both. */
  private placeOf(time: number, period: Period): 'period' | 'around' | 'outside' {
    if (time >= period.start && time < period.end) return 'period';
    const range = this.target.range;
    return range !== undefined && range !== null && inRanges(range, time) ? 'around' : 'outside';
  }

  /** The row's time; a row without one cannot be placed and is rejected (null). */
  private timeOf(record: DataRecord, labels: readonly string[]): number | null {
    const time = this.values[this.timeIndex] as number | null;
    if (time === null) this.reject(record, labels, this.timeIndex, 'row/no-time', 'is empty: no timestamp, so the row cannot be placed in the period');
    return time;
  }

  /**
   * The time range covers the rows placed outside the period and the rows
   * accepted in it, never a rejected one: times far from the period reveal a
   * unix_s/unix_ms mix-up, while rows rejected in it say nothing about it.
   */
  private widenTimeRange(time: number): void {
    if (time < this.firstTime) this.firstTime = time;
    if (time > this.lastTime) this.lastTime = time;
  }

  /** Every declared cell typed into this.values (but `done`, already typed); false once one is rejected. */
  private typed(record: DataRecord, labels: readonly string[], done: number): boolean {
    for (let i = 0; i < this.converters.length; i++) {
      if (i !== done && !this.convert(record, labels, i)) return false;
    }
    return true;
  }

  /** One cell typed into this.values; false (and the row rejected) when it is missing or does not convert. */
  private convert(record: DataRecord, labels: readonly string[], i: number): boolean {
    if (this.unchecked[i] === true && record.has !== undefined) return record.has(i) || this.missing(record, labels, i);
    const value = this.typedCell(record, i);
    if (value === undefined) return this.missing(record, labels, i);
    if (value instanceof CellFailure) {
      this.reject(record, labels, i, value.code, value.message);
      return false;
    }
    this.values[i] = value;
    return true;
  }

  /** Cell `i` typed (from its bytes where the record has them plain), why it does not convert, or undefined when a CSV record is too short to hold it. */
  private typedCell(record: DataRecord, i: number): Value | CellFailure | undefined {
    const fromBytes = this.byteConverters[i];
    if (fromBytes !== undefined && record.converted !== undefined) {
      const value = record.converted(i, fromBytes);
      if (value !== undefined) return value;
    }
    const cell = record.cell(i);
    if (cell === undefined && record.fieldCount !== undefined) return undefined;
    return (this.converters[i] as Converter)(cell);
  }

  /** Rejects a CSV record too short to hold column `i`: false. */
  private missing(record: DataRecord, labels: readonly string[], i: number): false {
    const message = `is missing: the record has only ${record.fieldCount} fields; check it for a lost delimiter or an unquoted line break`;
    this.reject(record, labels, -1, 'row/field-count', `column '${this.def.columns[i]?.name}' (${labels[i]}) ${message}`);
    return false;
  }

  /** Counts the rejection; describes it while fewer than maxReported have been. `column` -1: the whole record. */
  private reject(record: DataRecord, labels: readonly string[], column: number, code: string, message: string): void {
    this.rejected++;
    if (this.rejections.length >= this.maxReported) return;
    const text = column < 0 ? message : `column '${this.def.columns[column]?.name}' (${labels[column]}): ${message}`;
    this.rejections.push(warning(code, `${text}. The row was left out.`, column < 0 ? record.locate() : record.locate(column)));
  }
}

function isPlainString(column: ColumnDef): boolean {
  return column.type === 'string' && !column.required && column.enum === undefined && column.pattern === undefined;
}

interface Compiled {
  readonly zone: string;
  readonly converters: readonly Converter[];
  readonly byteConverters: readonly (ByteConverter | undefined)[];
  readonly validate: RowValidator;
  readonly checkCurrencies: CurrencyCheck | null;
}

/** A worker reads many pieces of one source: its converters and validator are compiled once. */
const compiled = new WeakMap<FileSourceDef, Compiled>();

function compiledFor(def: FileSourceDef, zone: string): Compiled {
  let found = compiled.get(def);
  if (found?.zone !== zone) {
    found = {
      zone,
      converters: compileConverters(def, zone),
      byteConverters: def.columns.map((column) => compileByteConverter(column, zone)),
      validate: compileValidator(def),
      checkCurrencies: compileCurrencyCheck(def),
    };
    compiled.set(def, found);
  }
  return found;
}

function compileConverters(def: FileSourceDef, zone: string): Converter[] {
  const problems: Diagnostic[] = [];
  const converters = def.columns.map((column) => {
    const converter = compileConverter(column, zone);
    if (typeof converter !== 'string') return converter;
    problems.push(error('framework/column-format', `column '${column.name}' of source '${def.name}': ${converter}`, column.location));
    return () => null;
  });
  if (problems.length > 0) throw new UserError(problems);
  return converters;
}

function compileValidator(def: FileSourceDef): RowValidator {
  try {
    return compileRowValidator(def.columns);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const text = `source '${def.name}': a column constraint cannot be used (${message}); check its pattern`;
    throw new UserError(error('framework/column-schema', text, def.location));
  }
}
