/**
 * Neumaier's compensated summation: money totals over millions of rows stay
 * exact to the cent where a plain running sum drifts.
 */

/** What adding `value` to `total` (giving `next`) lost to rounding: Neumaier's step. */
export function roundingLost(total: number, value: number, next: number): number {
  return Math.abs(total) >= Math.abs(value) ? total - next + value : value - next + total;
}

export class CompensatedSum {
  private total = 0;
  private compensation = 0;

  add(value: number): void {
    const next = this.total + value;
    this.compensation += roundingLost(this.total, value, next);
    this.total = next;
  }

  get value(): number {
    return this.total + this.compensation;
  }
}
