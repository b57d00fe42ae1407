/**
 * Sums kept as two doubles, high and low part (a double-double): the low part
 * holds what the high part rounds away, so a total of millions of amounts is
 * their exact sum rounded once, where a plain running sum drifts. Being
 * exact, it does not depend on the order of the values: partial sums taken
 * by pieces of a file, apart, and merged equal the sum taken row by row.
 * Exact while the true sum spans at most 106 bits (cents to billions span
 * about 60); past that, the last bit may depend on the order.
 */

/** The low part of the last pairSum. */
let low = 0;

/** (hi + lo) + (xHi + xLo) as a new normalized pair: its high part is returned, its low part read with lowPart(). */
export function pairSum(hi: number, lo: number, xHi: number, xLo: number): number {
  // Knuth's two-sum of the high parts and of the low parts: each sum and its exact rounding error.
  const high = hi + xHi;
  let b = high - hi;
  let error = hi - (high - b) + (xHi - b);
  const lows = lo + xLo;
  b = lows - lo;
  const lowsError = lo - (lows - b) + (xLo - b);
  // Folded into the high part one at a time, each step renormalized (the error of a fast two-sum is exact).
  error += lows;
  const middle = high + error;
  error -= middle - high;
  error += lowsError;
  const sum = middle + error;
  low = error - (sum - middle);
  return sum;
}

export function lowPart(): number {
  return low;
}

export class ExactSum {
  private hi = 0;
  private lo = 0;

  add(value: number): void {
    this.hi = pairSum(this.hi, this.lo, value, 0);
    this.lo = low;
  }

  merge(other: SumParts): void {
    this.hi = pairSum(this.hi, this.lo, other[0], other[1]);
    this.lo = low;
  }

  /** The sum so far as its two parts, the sum starting again from 0. */
  take(): SumParts {
    const parts: SumParts = [this.hi, this.lo];
    this.hi = 0;
    this.lo = 0;
    return parts;
  }

  get value(): number {
    return this.hi + this.lo;
  }
}

/** A sum's high and low part. */
export type SumParts = readonly [number, number];
