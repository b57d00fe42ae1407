/** Which column types each aggregate can read: summing a string column is a framework error, not a null at run time. */
import type { ColumnDef, ColumnType, FileSourceDef } from '../../core/framework.js';
import type { AggregateCall, AggregateFn, Span } from '../../formula/ast.js';
import { reportInFormula, type FormulaText, type LoadContext } from './context.js';

const NUMERIC = ['number', 'integer', 'money', 'percent', 'duration'] as const satisfies readonly ColumnType[];
const ANY: readonly ColumnType[] = [];

/**
 * Accepted column types; empty means any. sum/avg of a boolean give a count and a share of true.
 * min/max of a datetime or date serve `having` (`having min(created_at) >= '2026-01-01'`); as a KPI's value they are refused by refuseTimeValue.
 */
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

const TIME_TYPES: readonly ColumnType[] = ['datetime', 'date'];
const VALUE_FUNCTIONS: readonly AggregateFn[] = ['sum', 'avg', 'min', 'max', 'median', 'percentile'];

/**
 * A KPI's value is a number: the earliest or latest time of a column would
 * be an instant shown as milliseconds since 1970. Durations are measured on
 * each row instead. True when the call was refused.
 */
export function refuseTimeValue(ctx: LoadContext, call: AggregateCall, column: ColumnDef, root: FileSourceDef, written: FormulaText, span: Span): boolean {
  if (!TIME_TYPES.includes(column.type) || !VALUE_FUNCTIONS.includes(call.fn)) return false;
  const other = root.columns.find((candidate) => candidate !== column && TIME_TYPES.includes(candidate.type));
  const [from, to] = !other ? ['<start>', column.name] : root.columns.indexOf(other) < root.columns.indexOf(column) ? [other.name, column.name] : [column.name, other.name];
  const p = call.fn === 'percentile' ? `, ${call.param ?? 0.9}` : '';
  const example = `${call.fn}(days_between(${call.source}.${from}, ${call.source}.${to})${p})`;
  const having = call.fn === 'min' || call.fn === 'max' ? `; ${call.fn} of a ${column.type} column works inside having, e.g. having ${call.fn}(${column.name}) >= '2026-01-01'` : '';
  const message =
    `${written.text.slice(call.span.start, call.span.end)} would be a point in time, and a KPI's value is a number: ` +
    `measure the time on each row with days_between or hours_between, e.g. ${example} ` +
    `(they take two columns of one row, not aggregates such as min(…) or max(…))${having}`;
  reportInFormula(ctx, 'framework/time-value', message, written, span);
  return true;
}

function listed(types: readonly ColumnType[]): string {
  return types.length < 2 ? types.join('') : `${types.slice(0, -1).join(', ')} or ${types.at(-1)}`;
}
