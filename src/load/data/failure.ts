/**
 * Why one cell could not be typed. Returned rather than thrown: a bad
 * column in a large file can fail millions of times, and each failure
 * only costs the row.
 */
export class CellFailure {
  constructor(
    /** A `row/...` diagnostic code. */
    readonly code: string,
    /** What is wrong with the cell and what to do, without naming the column. */
    readonly message: string,
  ) {}
}
