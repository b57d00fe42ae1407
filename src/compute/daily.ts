/**
 * daily_avg(…): an aggregate per calendar day of the period (in the
 * framework's zone), averaged over every day of the period, days without
 * rows counting 0. For count and sum that is the period's value over its
 * days; a distinct count needs each value's days, kept as one bit per day.
 */
import type { Row, Value } from '../core/values.js';
import type { Accumulator } from './accumulator.js';
import type { Outcome } from './outcome.js';
import type { PeriodDays } from './windows.js';

/** daily_avg(count(…)), daily_avg(sum(…)): the inner value over the days of the period. */
export class PerDayAverage implements Accumulator {
  constructor(
    private readonly inner: Accumulator,
    private readonly days: PeriodDays,
  ) {}

  add(row: Row): void {
    this.inner.add(row);
  }

  finish(): Outcome {
    const outcome = this.inner.finish();
    return outcome.value === null ? outcome : { ...outcome, value: outcome.value / this.days.count };
  }
}

/** daily_avg(count_distinct(…)): the distinct values of each day, added up over the days, over the days. */
export class DailyDistinct implements Accumulator {
  /** Per value, a bit per day of the period it has a row on. */
  private readonly days = new Map<Value, Uint32Array>();
  private valueDays = 0;
  private rows = 0;

  constructor(
    private readonly column: number,
    private readonly time: number,
    private readonly periodDays: PeriodDays,
  ) {}

  add(row: Row): void {
    const key = row[this.column] ?? null;
    if (key === null) return;
    this.rows += 1;
    let bits = this.days.get(key);
    if (!bits) {
      bits = new Uint32Array(Math.ceil(this.periodDays.count / 32));
      this.days.set(key, bits);
    }
    const day = this.periodDays.indexOf(row[this.time] as number);
    const word = day >>> 5;
    const bit = 1 << (day & 31);
    if (((bits[word] as number) & bit) !== 0) return;
    bits[word] = (bits[word] as number) | bit;
    this.valueDays += 1;
  }

  finish(): Outcome {
    return { value: this.valueDays / this.periodDays.count, sample: this.rows };
  }
}
