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
import { lowPart, pairSum } from './summation.js';

export interface GroupSlot {
  add(group: number, row: Row): void;
  value(group: number): Value;
  /** Room for groups up to `capacity`, the values kept. */
  grow(capacity: number): void;
  /** The state of groups 0 to `groups` - 1, one array per number kept; the slot starts afresh with room for `capacity` groups. */
  take(groups: number, capacity: number): SlotState;
  /** Adds group `index` of a state another slot of the same kind took to group `group`. */
  merge(group: number, state: SlotState, index: number): void;
}

export type SlotState = readonly Float64Array[];

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

  take(groups: number, capacity: number): SlotState {
    const state = [this.rows.slice(0, groups)];
    this.rows = new Float64Array(capacity);
    return state;
  }

  merge(group: number, state: SlotState, index: number): void {
    (this.rows[group] as number) += (state[0] as Float64Array)[index] as number;
  }
}

/** Each group's sum as a high and a low part: exact, as summation.ts says. */
class SumSlot implements GroupSlot {
  private totals: Float64Array;
  private lows: Float64Array;
  private values: Float64Array;

  constructor(
    private readonly read: NumberReader,
    private readonly average: boolean,
    capacity: number,
  ) {
    this.totals = new Float64Array(capacity);
    this.lows = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  add(group: number, row: Row): void {
    const value = this.read(row);
    if (value === null) return;
    this.addParts(group, value, 0);
    (this.values[group] as number)++;
  }

  value(group: number): Value {
    const values = this.values[group] as number;
    if (values === 0) return null;
    const sum = (this.totals[group] as number) + (this.lows[group] as number);
    return this.average ? sum / values : sum;
  }

  grow(capacity: number): void {
    this.totals = grown(this.totals, capacity);
    this.lows = grown(this.lows, capacity);
    this.values = grown(this.values, capacity);
  }

  take(groups: number, capacity: number): SlotState {
    const state = [this.totals.slice(0, groups), this.lows.slice(0, groups), this.values.slice(0, groups)];
    this.totals = new Float64Array(capacity);
    this.lows = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
    return state;
  }

  merge(group: number, state: SlotState, index: number): void {
    this.addParts(group, (state[0] as Float64Array)[index] as number, (state[1] as Float64Array)[index] as number);
    (this.values[group] as number) += (state[2] as Float64Array)[index] as number;
  }

  private addParts(group: number, high: number, low: number): void {
    this.totals[group] = pairSum(this.totals[group] as number, this.lows[group] as number, high, low);
    this.lows[group] = lowPart();
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

  take(groups: number, capacity: number): SlotState {
    const state = [this.best.slice(0, groups), this.values.slice(0, groups)];
    this.best = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
    return state;
  }

  /** A group's extreme from rows after those already taken: on a tie the earlier value stays, as when read in one pass. */
  merge(group: number, state: SlotState, index: number): void {
    const count = (state[1] as Float64Array)[index] as number;
    if (count === 0) return;
    const value = (state[0] as Float64Array)[index] as number;
    const kept = this.best[group] as number;
    if (this.values[group] === 0 || (this.largest ? value > kept : value < kept)) this.best[group] = value;
    (this.values[group] as number) += count;
  }
}
