/**
 * The group aggregates of a `having` (count(), sum(col), avg(col), min(col),
 * max(col)) for every distinct value at once: typed arrays indexed by the
 * value's group number, a few numbers per value and no object, so millions
 * of distinct sessions cost little memory and no garbage collection. Each
 * computes exactly what the formula's own accumulator of that kind computes
 * (basic.ts); over no values it is null, as in SQL.
 */
import type { Row, Value } from '../core/values.js';
import type { GroupFn } from '../formula/ast.js';
import type { NumberReader } from './row-value.js';
import { roundingLost } from './summation.js';

export interface GroupSlot {
  add(group: number, row: Row): void;
  value(group: number): Value;
  /** Room for groups up to `capacity`, the values kept. */
  grow(capacity: number): void;
}

export function groupSlot(fn: GroupFn, read: NumberReader, capacity: number): GroupSlot {
  switch (fn) {
    case 'count':
      return new CountSlot(capacity);
    case 'sum':
    case 'avg':
      return new SumSlot(read, fn === 'avg', capacity);
    case 'min':
    case 'max':
      return new ExtremeSlot(read, fn === 'max', capacity);
  }
}

function grown(array: Float64Array, capacity: number): Float64Array {
  const bigger = new Float64Array(capacity);
  bigger.set(array);
  return bigger;
}

class CountSlot implements GroupSlot {
  private rows: Float64Array;

  constructor(capacity: number) {
    this.rows = new Float64Array(capacity);
  }

  add(group: number): void {
    (this.rows[group] as number)++;
  }

  value(group: number): Value {
    return this.rows[group] as number;
  }

  grow(capacity: number): void {
    this.rows = grown(this.rows, capacity);
  }
}

class SumSlot implements GroupSlot {
  private totals: Float64Array;
  private compensations: Float64Array;
  private values: Float64Array;

  constructor(
    private readonly read: NumberReader,
    private readonly average: boolean,
    capacity: number,
  ) {
    this.totals = new Float64Array(capacity);
    this.compensations = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  add(group: number, row: Row): void {
    const value = this.read(row);
    if (value === null) return;
    const total = this.totals[group] as number;
    const next = total + value;
    (this.compensations[group] as number) += roundingLost(total, value, next);
    this.totals[group] = next;
    (this.values[group] as number)++;
  }

  value(group: number): Value {
    const values = this.values[group] as number;
    if (values === 0) return null;
    const sum = (this.totals[group] as number) + (this.compensations[group] as number);
    return this.average ? sum / values : sum;
  }

  grow(capacity: number): void {
    this.totals = grown(this.totals, capacity);
    this.compensations = grown(this.compensations, capacity);
    this.values = grown(this.values, capacity);
  }
}

class ExtremeSlot implements GroupSlot {
  private best: Float64Array;
  private values: Float64Array;

  constructor(
    private readonly read: NumberReader,
    private readonly largest: boolean,
    capacity: number,
  ) {
    this.best = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  add(group: number, row: Row): void {
    const value = this.read(row);
    if (value === null) return;
    const best = this.best[group] as number;
    if ((this.values[group] as number)++ === 0 || (this.largest ? value > best : value < best)) this.best[group] = value;
  }

  value(group: number): Value {
    return this.values[group] === 0 ? null : (this.best[group] as number);
  }

  grow(capacity: number): void {
    this.best = grown(this.best, capacity);
    this.values = grown(this.values, capacity);
  }
}
