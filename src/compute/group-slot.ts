/**
 * One group aggregate of a having (`count()`, `sum(total)`, …), kept per
 * distinct value. Like SQL, sum/avg/min/max of a group without values are
 * null, so a comparison with them is unknown and the group is not kept.
 */
import type { Value } from '../core/values.js';
import type { Row } from '../core/values.js';
import type { GroupFn } from '../formula/ast.js';
import { numberAt } from './accumulator.js';
import { CompensatedSum } from './summation.js';

export interface GroupSlot {
  add(row: Row): void;
  value(): Value;
}

export type SlotFactory = () => GroupSlot;

/** `column` is -1 for count(). */
export function slotFactory(fn: GroupFn, column: number): SlotFactory {
  switch (fn) {
    case 'count':
      return () => new GroupRows();
    case 'sum':
    case 'avg':
      return () => new GroupSum(column, fn === 'avg');
    case 'min':
    case 'max':
      return () => new GroupExtreme(column, fn === 'max');
  }
}

class GroupRows implements GroupSlot {
  private rows = 0;
  add(): void {
    this.rows += 1;
  }
  value(): Value {
    return this.rows;
  }
}

class GroupSum implements GroupSlot {
  private readonly sum = new CompensatedSum();
  private values = 0;
  constructor(
    private readonly column: number,
    private readonly average: boolean,
  ) {}
  add(row: Row): void {
    const value = numberAt(row, this.column);
    if (value === null) return;
    this.sum.add(value);
    this.values += 1;
  }
  value(): Value {
    if (this.values === 0) return null;
    return this.average ? this.sum.value / this.values : this.sum.value;
  }
}

class GroupExtreme implements GroupSlot {
  private best: number | null = null;
  constructor(
    private readonly column: number,
    private readonly largest: boolean,
  ) {}
  add(row: Row): void {
    const value = numberAt(row, this.column);
    if (value === null) return;
    if (this.best === null || (this.largest ? value > this.best : value < this.best)) this.best = value;
  }
  value(): Value {
    return this.best;
  }
}
