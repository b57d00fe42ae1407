/** What every aggregate's running state offers the engine. */
import type { ColumnType } from '../core/framework.js';
import type { Row } from '../core/values.js';
import type { Outcome } from './outcome.js';

export interface Accumulator {
  /** Called for each row of the root source that passes the aggregate's wheres. */
  add(row: Row): void;
  /** The value once every row was seen (the source had at least one row in the period). */
  finish(): Outcome;
}

export interface ColumnSlot {
  readonly index: number;
  readonly type: ColumnType;
  /** A money column's currency column, when it names one. */
  readonly currency?: { readonly index: number; readonly name: string };
}

export type LocateColumn = (name: string) => ColumnSlot;

export function isTemporal(type: ColumnType): boolean {
  return type === 'datetime' || type === 'date';
}
