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
  /** Present when the rows can be taken in pieces, apart, and merged (see Mergeable). */
  readonly pieces?: Mergeable;
}

/**
 * The state of an accumulator that rows taken in pieces apart (a worker
 * thread's piece of a file, by an engine of the same plan) can be merged
 * into: the merged state is the one a single pass over all the rows leaves,
 * whatever the order of the pieces.
 */
export interface Mergeable {
  /** The state so far, as plain data (it is posted between threads); the accumulator starts afresh. */
  take(): unknown;
  /** Adds a state that take() gave, on the accumulator of the same aggregate in another engine. */
  merge(state: unknown): void;
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
