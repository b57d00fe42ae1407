/** Accumulators that keep a few numbers: count, sum, avg, min, max, csat. */
import type { Row } from '../core/values.js';
import type { Accumulator, Mergeable } from './accumulator.js';
import type { NumberReader } from './row-value.js';
import type { Outcome } from './outcome.js';
import { known, unknown } from './outcome.js';
import { ExactSum, type SumParts } from './summation.js';

export class RowCounter implements Accumulator, Mergeable {
  private rows = 0;
  readonly pieces = this;

  add(): void {
    this.rows += 1;
  }

  take(): number {
    const rows = this.rows;
    this.rows = 0;
    return rows;
  }

  merge(rows: number): void {
    this.rows += rows;
  }

  finish(): Outcome {
    return { value: this.rows, sample: this.rows };
  }
}

interface SummerState {
  readonly sum: SumParts;
  readonly values: number;
  readonly rows: number;
}

/**
 * sum, or avg = that sum / number of non-null values. As in SQL, a sum over
 * no values is null when rows matched (every cell empty, every computation
 * divided by zero or overflowed) and 0 when none did.
 */
export class Summer implements Accumulator, Mergeable {
  private readonly sum = new ExactSum();
  private values = 0;
  private rows = 0;
  readonly pieces = this;

  constructor(
    private readonly read: NumberReader,
    private readonly label: string,
    private readonly average: boolean,
  ) {}

  add(row: Row): void {
    this.rows += 1;
    const value = this.read(row);
    if (value === null) return;
    this.sum.add(value);
    this.values += 1;
  }

  take(): SummerState {
    const state: SummerState = { sum: this.sum.take(), values: this.values, rows: this.rows };
    this.values = 0;
    this.rows = 0;
    return state;
  }

  merge(state: SummerState): void {
    this.sum.merge(state.sum);
    this.values += state.values;
    this.rows += state.rows;
  }

  finish(): Outcome {
    const describe = () => `the ${this.average ? 'average' : 'sum'} of ${this.label}`;
    if (this.values === 0 && this.rows > 0 && !this.average) return unknown(this.noValues(), 0);
    if (!this.average) return known(this.sum.value, this.values, describe);
    if (this.values === 0) return unknown(`no values of ${this.label} to average`, 0);
    return known(this.sum.value / this.values, this.values, describe);
  }

  private noValues(): string {
    const rows = this.rows === 1 ? '1 matching row, but it has no value' : `${this.rows} matching rows, but none has a value`;
    return `${rows} of ${this.label} to sum: an empty cell, or a computation that divided by zero or overflowed`;
  }
}

export class Extreme implements Accumulator, Mergeable {
  private best: number | null = null;
  private values = 0;
  readonly pieces = this;

  constructor(
    private readonly read: NumberReader,
    private readonly label: string,
    private readonly largest: boolean,
  ) {}

  add(row: Row): void {
    const value = this.read(row);
    if (value === null) return;
    this.values += 1;
    if (this.best === null || (this.largest ? value > this.best : value < this.best)) this.best = value;
  }

  take(): [number | null, number] {
    const state: [number | null, number] = [this.best, this.values];
    this.best = null;
    this.values = 0;
    return state;
  }

  merge([best, values]: [number | null, number]): void {
    this.values += values;
    if (best !== null && (this.best === null || (this.largest ? best > this.best : best < this.best))) this.best = best;
  }

  finish(): Outcome {
    if (this.best === null) return unknown(`no values of ${this.label} to take the ${this.largest ? 'maximum' : 'minimum'} of`, 0);
    return { value: this.best, sample: this.values };
  }
}

/** Share of answers at or above the cut-off, as a fraction. */
export class SatisfactionRate implements Accumulator, Mergeable {
  private satisfied = 0;
  private answers = 0;
  readonly pieces = this;

  constructor(
    private readonly read: NumberReader,
    private readonly label: string,
    private readonly cutOff: number,
  ) {}

  add(row: Row): void {
    const value = this.read(row);
    if (value === null) return;
    this.answers += 1;
    if (value >= this.cutOff) this.satisfied += 1;
  }

  take(): [number, number] {
    const state: [number, number] = [this.satisfied, this.answers];
    this.satisfied = 0;
    this.answers = 0;
    return state;
  }

  merge([satisfied, answers]: [number, number]): void {
    this.satisfied += satisfied;
    this.answers += answers;
  }

  finish(): Outcome {
    if (this.answers === 0) return unknown(`no answers in ${this.label} to compute csat`, 0);
    return { value: this.satisfied / this.answers, sample: this.answers };
  }
}
