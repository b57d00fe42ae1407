/** What every aggregate's running state offers the engine. */
import type { ColumnType } from '../core/framework.js';
import type { Row } from '../core/values.js';
import type { Outcome } from './outcome.js';

/** What the engine reads once every row was seen. */
export interface Finishing {
  /** The value (the source had at least one row in the period). */
  finish(): Outcome;
}

export interface Accumulator extends Finishing {
  /** Called for each row of the root source in the period that passes the aggregate's wheres. */
  add(row: Row): void;
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
