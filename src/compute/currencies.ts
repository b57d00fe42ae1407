/**
 * Amounts in different currencies never meet silently: an aggregate over a
 * money column with a currency column tallies the currencies of the amounts it
 * takes, and arithmetic on two amounts checks that theirs agree. Either way a
 * mix is a null value that says what was mixed and how to separate it.
 */
import type { Row } from '../core/values.js';
import type { Accumulator } from './accumulator.js';
import type { Outcome } from './outcome.js';
import { unknown } from './outcome.js';

const ADDING = new Set(['sum', 'avg']);

/** The currencies of the amounts an aggregate takes: rows per ISO code, null for rows naming none. A handful of entries. */
export class CurrencyTally {
  private readonly rows = new Map<string | null, number>();

  /** `call` names the aggregate in messages: `sum(orders.total)`. */
  constructor(
    private readonly amount: number,
    private readonly currency: { readonly index: number; readonly name: string },
    private readonly fn: string,
    private readonly call: string,
  ) {}

  add(row: Row): void {
    if (row[this.amount] === null || row[this.amount] === undefined) return;
    const code = row[this.currency.index];
    const key = typeof code === 'string' ? code : null;
    this.rows.set(key, (this.rows.get(key) ?? 0) + 1);
  }

  /** The one currency named, if the amounts share one. */
  get single(): string | undefined {
    const [code] = this.rows.keys();
    return this.rows.size === 1 && typeof code === 'string' ? code : undefined;
  }

  /** Why the amounts cannot be taken together, or null when they can. */
  mixReason(): string | null {
    if (this.rows.size < 2) return null;
    const byRows = [...this.rows].sort((a, b) => b[1] - a[1]);
    const counts = byRows.map(([code, rows]) => `${code ?? 'no currency'}: ${rows.toLocaleString('en-US')} row${rows === 1 ? '' : 's'}`);
    const named = byRows.filter(([code]) => code !== null).length;
    const verb = ADDING.has(this.fn) ? 'adds' : 'compares';
    const what = `${named} currenc${named === 1 ? 'y' : 'ies'}${this.rows.has(null) ? ' and amounts without one' : ''}`;
    const example = byRows.find(([code]) => code !== null)?.[0] ?? 'USD';
    return (
      `${this.call} ${verb} amounts in ${what} (${counts.join(', ')}): ` +
      `add where ${this.currency.name} = '${example}' to it, or compute it per currency from a view per currency`
    );
  }
}

/** An aggregate over amounts whose rows name their currency: computed only when they share one. */
export class CurrencyGuard implements Accumulator {
  constructor(
    private readonly inner: Accumulator,
    private readonly tally: CurrencyTally,
  ) {}

  add(row: Row): void {
    this.inner.add(row);
    this.tally.add(row);
  }

  finish(): Outcome {
    const outcome = this.inner.finish();
    const reason = this.tally.mixReason();
    if (reason !== null) return mixed(reason, outcome.sample);
    const currency = this.tally.single;
    return currency !== undefined && outcome.value !== null ? { ...outcome, currency } : outcome;
  }
}

export const MIXED = Symbol('amounts in different currencies');

/**
 * The currency of `a op b` (undefined: not an amount), or MIXED when two
 * amounts in different currencies would meet. A ratio of two amounts is a
 * plain number, as is a product of two; an amount with a plain number keeps
 * its currency (except under a plain number divided by it).
 */
export function combinedCurrency(op: '+' | '-' | '*' | '/', a: string | undefined, b: string | undefined): string | undefined | typeof MIXED {
  if (a !== undefined && b !== undefined && a !== b) return MIXED;
  if (op === '/') return b === undefined ? a : undefined;
  if (op === '*' && a !== undefined && b !== undefined) return undefined;
  return a ?? b;
}

export function mixed(reason: string, sample: number | null): Outcome {
  return { ...unknown(reason, sample), mixedCurrencies: true };
}
