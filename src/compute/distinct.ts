/**
 * count_distinct: distinct non-null values, by value and type ('1' and 1 are
 * two values). With having, each value keeps its group aggregates and counts
 * only if the having condition is true for it, e.g. repeat customers:
 * `count_distinct(orders.customer_id having count() >= 2)`.
 */
import type { Row, Value } from '../core/values.js';
import type { Condition, Operand } from '../formula/ast.js';
import type { Accumulator, ColumnSlot, LocateColumn, Mergeable } from './accumulator.js';
import { isTemporal } from './accumulator.js';
import type { OperandReader, Test } from './condition.js';
import { compileCondition } from './condition.js';
import { columnNumber } from './row-value.js';
import { groupSlot, type GroupSlot, type SlotState } from './group-slots.js';
import { CurrencyTally, mixed } from './currencies.js';
import { ValueIndex, type IndexEntries } from './value-index.js';
import type { Outcome } from './outcome.js';

/** One distinct value as a having condition reads it: the value and its group number. */
interface Group {
  key: Value;
  index: number;
}

const FIRST_CAPACITY = 1024;

interface DistinctState {
  readonly values: IndexEntries;
  readonly rows: number;
}

/** The distinct values met, in the order of their group numbers, with each slot's state of their groups. */
interface GroupsState {
  readonly keys: IndexEntries;
  readonly rows: number;
  readonly slots: readonly SlotState[];
}

export class DistinctCounter implements Accumulator, Mergeable {
  private seen = new ValueIndex();
  private rows = 0;
  /** The value added last: events of one session or order often come one after another. */
  private last: Value = null;
  readonly pieces = this;

  constructor(private readonly column: number) {}

  add(row: Row): void {
    const value = row[this.column] ?? null;
    if (value === null) return;
    this.rows += 1;
    if (value === this.last) return;
    this.seen.numberOf(value);
    this.last = value;
  }

  take(): DistinctState {
    const state: DistinctState = { values: this.seen.entries(), rows: this.rows };
    this.seen = new ValueIndex();
    this.rows = 0;
    this.last = null;
    return state;
  }

  merge(state: DistinctState): void {
    const { values } = state;
    for (let index = 0; index < values.values.length; index++) this.seen.numberOfEntry(values, index);
    this.rows += state.rows;
  }

  finish(): Outcome {
    return { value: this.seen.size, sample: this.rows };
  }
}

export class DistinctCounterHaving implements Accumulator {
  /** Each distinct value's group number, which indexes the group aggregates. */
  private groups = new ValueIndex();
  private readonly slots: GroupSlot[] = [];
  private capacity = FIRST_CAPACITY;
  /** The value met last and its group: events of one session or order often come one after another. */
  private lastKey: Value = null;
  private lastGroup = -1;
  private readonly having: Test<Group>;
  /** Currencies of the amounts the group aggregates take, over every group: one per aggregate of a money column with a currency column. */
  private readonly tallies: CurrencyTally[] = [];
  private rows = 0;

  constructor(
    private readonly column: ColumnSlot,
    having: Condition,
    locate: LocateColumn,
    timezone: string,
    private readonly source: string,
  ) {
    this.having = compileCondition<Group>(having, (operand) => this.readerFor(operand, locate), timezone);
  }

  add(row: Row): void {
    const key = row[this.column.index] ?? null;
    if (key === null) return;
    this.rows += 1;
    const group = key === this.lastKey ? this.lastGroup : this.groupOf(key);
    for (let s = 0; s < this.slots.length; s++) (this.slots[s] as GroupSlot).add(group, row);
    for (let t = 0; t < this.tallies.length; t++) (this.tallies[t] as CurrencyTally).add(row);
  }

  /** Mergeable unless amounts' currencies are tallied (their messages name the currency met first). */
  get pieces(): Mergeable | undefined {
    return this.tallies.length === 0 ? { take: () => this.take(), merge: (state) => this.merge(state as GroupsState) } : undefined;
  }

  /** The plain distinct count of the same values: every group, kept or not. */
  distinctOutcome(): Outcome {
    return { value: this.groups.size, sample: this.rows };
  }

  finish(): Outcome {
    for (const tally of this.tallies) {
      const reason = tally.mixReason();
      if (reason !== null) return mixed(`in a having, ${reason}`, this.rows);
    }
    let kept = 0;
    const group: Group = { key: null, index: 0 };
    for (let index = 0; index < this.groups.size; index++) {
      group.key = this.groups.values[index] as Value;
      group.index = index;
      if (this.having(group) === true) kept += 1;
    }
    return { value: kept, sample: this.rows };
  }

  private take(): GroupsState {
    const size = this.groups.size;
    const state: GroupsState = { keys: this.groups.entries(), rows: this.rows, slots: this.slots.map((slot) => slot.take(size, FIRST_CAPACITY)) };
    this.groups = new ValueIndex();
    this.capacity = FIRST_CAPACITY;
    this.lastKey = null;
    this.lastGroup = -1;
    this.rows = 0;
    return state;
  }

  private merge(state: GroupsState): void {
    const { keys, slots } = state;
    for (let index = 0; index < keys.values.length; index++) {
      const group = this.withRoom(this.groups.numberOfEntry(keys, index));
      for (let s = 0; s < this.slots.length; s++) (this.slots[s] as GroupSlot).merge(group, slots[s] as SlotState, index);
    }
    this.rows += state.rows;
  }

  private groupOf(key: Value): number {
    const group = this.withRoom(this.groups.numberOf(key));
    this.lastKey = key;
    this.lastGroup = group;
    return group;
  }

  /** `group`, the slots grown first when it is the first beyond their room. */
  private withRoom(group: number): number {
    if (group === this.capacity) this.grow();
    return group;
  }

  private grow(): void {
    this.capacity *= 2;
    for (const slot of this.slots) slot.grow(this.capacity);
  }

  private readerFor(operand: Exclude<Operand, { kind: 'literal' }>, locate: LocateColumn): OperandReader<Group> {
    if (operand.kind === 'column') return { read: (group) => group.key, temporal: isTemporal(this.column.type) };
    if (operand.kind === 'computed') throw new Error('a computed value in having: the parser allows it only in a where');
    const column = operand.column === undefined ? undefined : locate(operand.column);
    const slot = groupSlot(operand.fn, columnNumber(column?.index ?? -1), this.capacity);
    this.slots.push(slot);
    if (column?.currency) this.tallies.push(new CurrencyTally(column.index, column.currency, operand.fn, `${operand.fn}(${this.source}.${operand.column})`));
    // min/max of a date column are dates, so a literal they are compared with is read as one.
    const temporal = column !== undefined && isTemporal(column.type) && (operand.fn === 'min' || operand.fn === 'max');
    return { read: (group) => slot.value(group.index), temporal };
  }
}

/** count_distinct(src.col) read from a having over the same values and wheres: it is fed no rows itself. */
export class DistinctOfGroups implements Accumulator {
  constructor(private readonly groups: DistinctCounterHaving) {}

  add(): void {}

  finish(): Outcome {
    return this.groups.distinctOutcome();
  }
}
