/**
 * Per file source: the row count and the accumulators its rows feed, grouped
 * by their combined where so each distinct where runs once per row.
 */
import type { FileSourceDef } from '../core/framework.js';
import type { TimeRange } from '../core/period.js';
import type { Row } from '../core/values.js';
import type { Condition } from '../formula/ast.js';
import type { Accumulator, ColumnSlot, Finishing, Mergeable } from './accumulator.js';
import type { Test } from './condition.js';
import type { Outcome } from './outcome.js';
import { unknown } from './outcome.js';
import { compileWheres } from './wheres.js';
import { sourceRange, type SourceRange, type TimedAccumulator } from './windows.js';

/** A feed's state, as plain data: its rows in the period and its accumulators' states in their order. */
export interface FeedSummary {
  readonly rows: number;
  readonly states: readonly unknown[];
}

interface Filter {
  /** null: every row passes. */
  readonly test: Test<Row> | null;
  /** Fed the rows in the period. */
  readonly accumulators: Accumulator[];
  /** Fed the rows in their range, in the period or not, with their time. */
  readonly timed: TimedAccumulator[];
}

export class SourceFeed {
  /** Rows in the period. */
  rows = 0;
  private readonly ranges: TimeRange[] = [];
  /** The time column's index, once a timed accumulator needs it. */
  private timeIndex = -1;
  private readonly filtersByWheres = new Map<string, Filter>();
  /** The same filters as an array: the per-row loop avoids a Map iterator. */
  private readonly filters: Filter[] = [];
  private readonly columns: ReadonlyMap<string, ColumnSlot>;

  /** `period`: the report period, which timed accumulators need to tell its rows from those around it. */
  constructor(
    readonly source: FileSourceDef,
    private readonly timezone: string,
    private readonly period?: TimeRange,
  ) {
    const indexOf = (name: string) => source.columns.findIndex((column) => column.name === name);
    this.columns = new Map(
      source.columns.map((column, index) => {
        const currency = column.currencyColumn === undefined ? {} : { currency: { index: indexOf(column.currencyColumn), name: column.currencyColumn } };
        return [column.name, { index, type: column.type, ...currency }];
      }),
    );
  }

  /** Every column an aggregate, where or having reads (an amount's currency column with it): the loader passes only these on. */
  readonly columnsRead = new Set<string>();

  readonly locate = (name: string): ColumnSlot => {
    const column = this.columns.get(name);
    if (!column) throw new Error(`source '${this.source.name}' has no column '${name}'`);
    this.columnsRead.add(name);
    if (column.currency) this.columnsRead.add(column.currency.name);
    return column;
  };

  /** `wheresKey` identifies the wheres (without their spans) so identical ones share a filter. */
  attach(accumulator: Accumulator, wheres: readonly Condition[], wheresKey: string): void {
    this.filterOf(wheres, wheresKey).accumulators.push(accumulator);
  }

  attachTimed(accumulator: TimedAccumulator, wheres: readonly Condition[], wheresKey: string): void {
    this.timeIndex = this.timeColumn();
    this.ranges.push(accumulator.range);
    this.filterOf(wheres, wheresKey).timed.push(accumulator);
  }

  /** The rows the loader must pass on, when timed accumulators need more than the period's. */
  range(): SourceRange | null {
    return this.period && this.ranges.length > 0 ? sourceRange(this.period, this.ranges) : null;
  }

  /** What takes each row the loader passes on: only rows in the period arrive unless range() says otherwise. */
  sink(): (row: Row) => void {
    return this.ranges.length === 0 ? (row) => this.add(row) : (row) => this.addTimed(row);
  }

  /** The index of the time column, which is then read. */
  timeColumn(): number {
    if (this.source.time === undefined) throw new Error(`source '${this.source.name}' has no time column to place its rows in windows`);
    return this.locate(this.source.time).index;
  }

  private filterOf(wheres: readonly Condition[], wheresKey: string): Filter {
    let filter = this.filtersByWheres.get(wheresKey);
    if (!filter) {
      filter = { test: compileWheres(wheres, this.locate, this.timezone, this.source.name), accumulators: [], timed: [] };
      this.filtersByWheres.set(wheresKey, filter);
      this.filters.push(filter);
    }
    return filter;
  }

  private addTimed(row: Row): void {
    const time = row[this.timeIndex] as number;
    const period = this.period as TimeRange;
    const inPeriod = time >= period.start && time < period.end;
    if (inPeriod) this.rows += 1;
    const filters = this.filters;
    for (let f = 0; f < filters.length; f++) {
      const { test, accumulators, timed } = filters[f] as Filter;
      if (!inPeriod && timed.length === 0) continue;
      if (test !== null && test(row) !== true) continue;
      if (inPeriod) for (let a = 0; a < accumulators.length; a++) (accumulators[a] as Accumulator).add(row);
      for (let t = 0; t < timed.length; t++) {
        const accumulator = timed[t] as TimedAccumulator;
        if (time >= accumulator.range.start && time < accumulator.range.end) accumulator.add(row, time);
      }
    }
  }

  private add(row: Row): void {
    this.rows += 1;
    const filters = this.filters;
    for (let f = 0; f < filters.length; f++) {
      const { test, accumulators } = filters[f] as Filter;
      if (test !== null && test(row) !== true) continue;
      for (let a = 0; a < accumulators.length; a++) (accumulators[a] as Accumulator).add(row);
    }
  }

  /**
   * The accumulators' states, when rows taken in pieces apart can be merged:
   * every accumulator can be, and none reads rows by their time. Null otherwise.
   */
  private mergeables(): Mergeable[] | null {
    if (this.ranges.length > 0) return null;
    const pieces = this.filters.flatMap((filter) => filter.accumulators.map((accumulator) => accumulator.pieces));
    return pieces.every((piece) => piece !== undefined) ? (pieces as Mergeable[]) : null;
  }

  get mergeable(): boolean {
    return this.mergeables() !== null;
  }

  /**
   * What the rows so far left, the feed starting afresh (see Mergeable). Without rows there is nothing to
   * take: a trend by day has a window per day, and a piece of a file holds the rows of a few of them.
   */
  takeSummary(): FeedSummary {
    const pieces = this.mergeablesOrThrow();
    if (this.rows === 0) return { rows: 0, states: [] };
    const summary = { rows: this.rows, states: pieces.map((piece) => piece.take()) };
    this.rows = 0;
    return summary;
  }

  /** Adds what another feed of the same plan took. */
  mergeSummary(summary: FeedSummary): void {
    const pieces = this.mergeablesOrThrow();
    if (summary.rows === 0) return;
    this.rows += summary.rows;
    pieces.forEach((piece, index) => piece.merge(summary.states[index]));
  }

  private mergeablesOrThrow(): Mergeable[] {
    const pieces = this.mergeables();
    if (pieces === null) throw new Error(`the rows of source '${this.source.name}' cannot be merged from pieces`);
    return pieces;
  }

  /** Every aggregate over a source without rows in the period is null, whatever its kind. */
  outcomeOf(accumulator: Finishing): Outcome {
    if (this.rows === 0) {
      const where = this.source.time === undefined ? '' : ' in the period';
      return unknown(`no valid rows${where} for source '${this.source.name}'`, 0);
    }
    return accumulator.finish();
  }
}
