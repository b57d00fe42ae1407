/**
 * Accumulators over the distribution of a column. They remember each distinct
 * value with its count, never every row, so memory follows distinct values.
 */
import type { Row } from '../core/values.js';
import type { Accumulator, Mergeable } from './accumulator.js';
import type { NumberReader } from './row-value.js';
import type { Outcome } from './outcome.js';
import { known, unknown } from './outcome.js';

/**
 * Continuous percentile (numpy's default, DuckDB's quantile_cont): the value
 * at position (n - 1) × p of the sorted values, interpolating linearly
 * between the two closest ranks. The median is p = 0.5.
 */
export class Percentile implements Accumulator, Mergeable {
  private counts = new Map<number, number>();
  private values = 0;
  readonly pieces = this;

  constructor(
    private readonly read: NumberReader,
    private readonly label: string,
    private readonly p: number,
  ) {}

  add(row: Row): void {
    const value = this.read(row);
    if (value === null) return;
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    this.values += 1;
  }

  take(): Map<number, number> {
    const counts = this.counts;
    this.counts = new Map();
    this.values = 0;
    return counts;
  }

  merge(counts: Map<number, number>): void {
    for (const [value, count] of counts) {
      this.counts.set(value, (this.counts.get(value) ?? 0) + count);
      this.values += count;
    }
  }

  finish(): Outcome {
    const what = this.p === 0.5 ? 'the median' : `percentile ${this.p}`;
    if (this.values === 0) return unknown(`no values of ${this.label} to take ${what} of`, 0);
    const position = (this.values - 1) * this.p;
    const lowerRank = Math.floor(position);
    const [lower, upper] = this.valuesAtRanks(lowerRank, Math.ceil(position));
    return known(lower + (upper - lower) * (position - lowerRank), this.values, () => `${what} of ${this.label}`);
  }

  /** Values at two 0-based ranks of the sorted values, walking cumulative counts. */
  private valuesAtRanks(lowerRank: number, upperRank: number): [number, number] {
    let lower: number | undefined;
    let seen = 0;
    for (const value of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(value) ?? 0;
      if (lower === undefined && lowerRank < seen) lower = value;
      if (lower !== undefined && upperRank < seen) return [lower, value];
    }
    throw new Error(`percentile rank ${upperRank} is beyond the ${seen} values seen`);
  }
}

/**
 * Net promoter score on -100..100: % promoters (at or above `promoters`,
 * 9-10 by default) minus % detractors (at or below `detractors`, 0-6). The
 * loader rejects answers off the scale, so every answer here is on it.
 */
export class NetPromoterScore implements Accumulator, Mergeable {
  private answers = 0;
  private promoters = 0;
  private detractors = 0;
  readonly pieces = this;

  constructor(
    private readonly read: NumberReader,
    private readonly label: string,
    private readonly bands: { readonly promoters: number; readonly detractors: number },
  ) {}

  add(row: Row): void {
    const value = this.read(row);
    if (value === null) return;
    this.answers += 1;
    if (value >= this.bands.promoters) this.promoters += 1;
    else if (value <= this.bands.detractors) this.detractors += 1;
  }

  take(): [number, number, number] {
    const state: [number, number, number] = [this.answers, this.promoters, this.detractors];
    this.answers = 0;
    this.promoters = 0;
    this.detractors = 0;
    return state;
  }

  merge([answers, promoters, detractors]: [number, number, number]): void {
    this.answers += answers;
    this.promoters += promoters;
    this.detractors += detractors;
  }

  finish(): Outcome {
    if (this.answers === 0) return unknown(`no answers in ${this.label} to compute nps`, 0);
    return { value: ((this.promoters - this.detractors) * 100) / this.answers, sample: this.answers };
  }
}
