/**
 * Accumulators over the distribution of a column. They remember each distinct
 * value with its count, never every row, so memory follows distinct values.
 */
import type { Row } from '../core/values.js';
import type { Accumulator } from './accumulator.js';
import { numberAt } from './accumulator.js';
import type { Outcome } from './outcome.js';
import { known, unknown } from './outcome.js';

/**
 * Continuous percentile (numpy's default, DuckDB's quantile_cont): the value
 * at position (n - 1) × p of the sorted values, interpolating linearly
 * between the two closest ranks. The median is p = 0.5.
 */
export class Percentile implements Accumulator {
  private readonly counts = new Map<number, number>();
  private values = 0;

  constructor(
    private readonly column: number,
    private readonly label: string,
    private readonly p: number,
  ) {}

  add(row: Row): void {
    const value = numberAt(row, this.column);
    if (value === null) return;
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    this.values += 1;
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
 * Net promoter score on -100..100: promoters answer 9-10, detractors 0-6.
 * An answer off the 0-10 integer scale makes the score null rather than being
 * dropped silently: the user should declare the column's range so the loader
 * rejects (and reports) such rows.
 */
export class NetPromoterScore implements Accumulator {
  private answers = 0;
  private promoters = 0;
  private detractors = 0;
  private offScale = 0;
  private example: number | null = null;

  constructor(
    private readonly column: number,
    private readonly label: string,
  ) {}

  add(row: Row): void {
    const value = numberAt(row, this.column);
    if (value === null) return;
    this.answers += 1;
    if (!Number.isInteger(value) || value < 0 || value > 10) {
      this.offScale += 1;
      this.example ??= value;
    } else if (value >= 9) this.promoters += 1;
    else if (value <= 6) this.detractors += 1;
  }

  finish(): Outcome {
    if (this.offScale > 0) {
      return unknown(
        `nps(${this.label}) found ${this.offScale} answer(s) off the 0-10 scale (e.g. ${this.example}): ` +
          `declare the column with type: integer, min: 0, max: 10 so such rows are rejected and reported`,
        this.answers,
      );
    }
    if (this.answers === 0) return unknown(`no answers in ${this.label} to compute nps`, 0);
    return { value: ((this.promoters - this.detractors) * 100) / this.answers, sample: this.answers };
  }
}
