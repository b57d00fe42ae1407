/**
 * Money columns that name their currency column: each row's currency code is
 * read as ISO 4217 (upper-cased, one of the codes Intl knows), and an amount whose own text
 * names a currency (`EUR 12`, `€12`) must agree with it, or supplies it when
 * the currency cell is empty.
 */
import type { FileSourceDef } from '../../core/framework.js';
import type { Value } from '../../core/values.js';
import { quoteCell } from './cell-text.js';
import { currencyOfAmount } from './numbers.js';
import type { DataRecord } from './source-rows.js';

export interface CurrencyProblem {
  /** The declared column to point at. */
  readonly column: number;
  readonly code: string;
  readonly message: string;
}

/** Checks one typed row in place; the record gives the amount's cell as the export wrote it. */
export type CurrencyCheck = (values: Value[], record: Pick<DataRecord, 'cell'>) => CurrencyProblem | null;

const ISO_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export function compileCurrencyCheck(def: FileSourceDef): CurrencyCheck | null {
  const indexOf = (name: string) => def.columns.findIndex((column) => column.name === name);
  const pairs = def.columns.flatMap((column, amount) =>
    column.type === 'money' && column.currencyColumn !== undefined ? [{ amount, currency: indexOf(column.currencyColumn) }] : [],
  );
  if (pairs.length === 0) return null;
  const currencies = [...new Set(pairs.map((pair) => pair.currency))];
  return (values, record) => {
    for (const column of currencies) {
      const problem = normalizeCode(values, column);
      if (problem) return problem;
    }
    for (const { amount, currency } of pairs) {
      const cell = record.cell(amount);
      const named = values[amount] !== null && typeof cell === 'string' ? currencyOfAmount(cell) : null;
      if (named === null) continue;
      const declared = values[currency];
      if (declared === null) values[currency] = named;
      else if (declared !== named) {
        const message = `${quoteCell(cell as string)} is an amount in ${named}, but its currency column '${def.columns[currency]?.name}' says ${String(declared)}: correct one of them`;
        return { column: amount, code: 'row/currency-conflict', message };
      }
    }
    return null;
  };
}

function normalizeCode(values: Value[], column: number): CurrencyProblem | null {
  const code = values[column];
  if (typeof code !== 'string') return null;
  const upper = code.trim().toUpperCase();
  if (!ISO_CODES.has(upper)) {
    const message = `${quoteCell(code)} is not an ISO 4217 currency code: write a three-letter code such as USD or EUR`;
    return { column, code: 'row/invalid-currency', message };
  }
  values[column] = upper;
  return null;
}
