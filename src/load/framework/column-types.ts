/** Which column types each aggregate can read: summing a string column is a framework error, not a null at run time. */
import type { ColumnDef, ColumnType } from '../../core/framework.js';
import type { AggregateFn, Span } from '../../formula/ast.js';
import { reportInFormula, type FormulaText, type LoadContext } from './context.js';

const NUMERIC = ['number', 'integer', 'money', 'percent', 'duration'] as const satisfies readonly ColumnType[];
const ANY: readonly ColumnType[] = [];

/** Accepted column types; empty means any. sum/avg of a boolean give a count and a share of true. */
const ACCEPTS = {
  count: ANY,
  count_distinct: ANY,
  sum: [...NUMERIC, 'boolean'],
  avg: [...NUMERIC, 'boolean'],
  min: [...NUMERIC, 'datetime', 'date'],
  max: [...NUMERIC, 'datetime', 'date'],
  median: NUMERIC,
  percentile: NUMERIC,
  nps: NUMERIC,
  csat: NUMERIC,
  ces: NUMERIC,
  churn: ANY,
  retention: ANY,
  net_revenue_retention: NUMERIC,
  expansion: NUMERIC,
  conversion: ANY,
  median_days_to: ANY,
} as const satisfies Record<AggregateFn, readonly ColumnType[]>;

export function requireColumnType(ctx: LoadContext, fn: AggregateFn, column: ColumnDef, source: string, written: FormulaText, span: Span): void {
  const accepted: readonly ColumnType[] = ACCEPTS[fn];
  if (accepted.length === 0 || accepted.includes(column.type)) return;
  reportInFormula(
    ctx,
    'framework/type',
    `${fn} needs a column of type ${listed(accepted)}, but ${source}.${column.name} is a ${column.type} column: declare the column's type, or use count or count_distinct`,
    written,
    span,
  );
}

function listed(types: readonly ColumnType[]): string {
  return types.length < 2 ? types.join('') : `${types.slice(0, -1).join(', ')} or ${types.at(-1)}`;
}
