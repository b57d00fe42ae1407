/**
 * Per file source: the row count and the accumulators its rows feed, grouped
 * by their combined where so each distinct where runs once per row.
 */
import type { FileSourceDef } from '../core/framework.js';
import type { Row } from '../core/values.js';
import type { Condition } from '../formula/ast.js';
import type { Accumulator, ColumnSlot } from './accumulator.js';
import { isTemporal } from './accumulator.js';
import type { Test } from './condition.js';
import { compileCondition } from './condition.js';
import type { Outcome } from './outcome.js';
import { unknown } from './outcome.js';
import { compileRowExpr } from './row-value.js';

interface Filter {
  /** null: every row passes. */
  readonly test: Test<Row> | null;
  readonly accumulators: Accumulator[];
}

export class SourceFeed {
  rows = 0;
  private readonly filtersByWheres = new Map<string, Filter>();
  /** The same filters as an array: the per-row loop avoids a Map iterator. */
  private readonly filters: Filter[] = [];
  private readonly columns: ReadonlyMap<string, ColumnSlot>;

  constructor(
    readonly source: FileSourceDef,
    private readonly timezone: string,
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
    let filter = this.filtersByWheres.get(wheresKey);
    if (!filter) {
      filter = { test: this.compileWheres(wheres), accumulators: [] };
      this.filtersByWheres.set(wheresKey, filter);
      this.filters.push(filter);
    }
    filter.accumulators.push(accumulator);
  }

  add(row: Row): void {
    this.rows += 1;
    const filters = this.filters;
    for (let f = 0; f < filters.length; f++) {
      const { test, accumulators } = filters[f] as Filter;
      if (test !== null && test(row) !== true) continue;
      for (let a = 0; a < accumulators.length; a++) (accumulators[a] as Accumulator).add(row);
    }
  }

  /** Every aggregate over a source without rows in the period is null, whatever its kind. */
  outcomeOf(accumulator: Accumulator): Outcome {
    if (this.rows === 0) {
      const where = this.source.time === undefined ? '' : ' in the period';
      return unknown(`no valid rows${where} for source '${this.source.name}'`, 0);
    }
    return accumulator.finish();
  }

  private compileWheres(wheres: readonly Condition[]): Test<Row> | null {
    const tests = wheres.map((where) =>
      compileCondition<Row>(where, (operand) => {
        if (operand.kind === 'group') throw new Error(`group aggregate ${operand.fn}() in a where of '${this.source.name}'`);
        if (operand.kind === 'computed') return { read: compileRowExpr(operand.expr, this.locate), temporal: false };
        const { index, type } = this.locate(operand.name);
        return { read: (row) => row[index] ?? null, temporal: isTemporal(type) };
      }, this.timezone),
    );
    if (tests.length === 0) return null;
    if (tests.length === 1) return tests[0] as Test<Row>;
    // A view's where and the aggregate's where must all be true (and of the lot).
    return (row) => {
      for (let t = 0; t < tests.length; t++) if ((tests[t] as Test<Row>)(row) !== true) return false;
      return true;
    };
  }
}
