/** A computed number with the rows behind it, or the reason there is none. */
export interface Outcome {
  readonly value: number | null;
  readonly reason?: string;
  /** Rows behind the value; null for constants, which neither add nor limit evidence. */
  readonly sample: number | null;
  /** The currency of an amount whose rows named one (a money column with a currency_column). */
  readonly currency?: string;
  /** The value is null because it would combine amounts in different currencies: a fault to fix, not missing data. */
  readonly mixedCurrencies?: boolean;
}

export function known(value: number, sample: number | null, describe: () => string): Outcome {
  if (!Number.isFinite(value)) return unknown(`${describe()} is too large to compute`, sample);
  return { value, sample };
}

export function unknown(reason: string, sample: number | null): Outcome {
  return { value: null, reason, sample };
}
