/**
 * Values a row holds after its cells are typed. Datetimes and dates are
 * epoch milliseconds, durations seconds, percents fractions, so the engine
 * only ever compares numbers, strings and booleans.
 */
export type Value = string | number | boolean | null;

/** One record of a file source: values in the order its columns are declared. */
export type Row = readonly Value[];
