/**
 * Row expressions (`orders.price * orders.quantity` in an aggregate,
 * `hours_between(created_at, first_response_at)` in a where) must read
 * numbers in arithmetic and datetimes in days_between and hours_between,
 * and an aggregate's columns must all come from its one source.
 */
import type { ColumnDef, FileSourceDef } from '../../core/framework.js';
import { closestMatch, didYouMean } from '../../core/suggest.js';
import type { AggregateCall, RowColumn, RowExpr, Span } from '../../formula/ast.js';
import { rowColumnsOf } from '../../formula/references.js';
import { reportUnknownColumn } from './check-conditions.js';
import type { SourceIndex } from './check-sources.js';
import { reportInFormula, type FormulaText, type LoadContext } from './context.js';

const ARITHMETIC_TYPES: ReadonlySet<string> = new Set(['number', 'integer', 'money', 'percent', 'duration']);

/** The columns of an aggregate's expression: of its source, declared, of fitting types. */
export function checkAggregateValue(ctx: LoadContext, call: AggregateCall & { value: RowExpr }, root: FileSourceDef, sources: SourceIndex, written: FormulaText): void {
  for (const column of rowColumnsOf(call.value)) {
    const source = column.source ?? call.source;
    if (source === call.source) {
      if (!root.columns.some((candidate) => candidate.name === column.name)) reportUnknownColumn(ctx, column.name, source, root, written, nameSpan(column));
      continue;
    }
    const at = { start: column.span.start, end: column.span.start + source.length };
    if (!sources.names.includes(source)) {
      const hint = didYouMean(source, sources.names) || ` Sources: ${sources.names.join(', ')}.`;
      reportInFormula(ctx, 'framework/unknown-source', `'${source}' is not a source.${hint}`, written, at);
    } else {
      const own = closestMatch(column.name, root.columns.map((candidate) => candidate.name));
      const hint = own === undefined ? '' : ` Did you mean ${call.source}.${own}?`;
      const message =
        `${source}.${column.name} is a column of '${source}', but this ${call.fn} reads the rows of '${call.source}'.${hint} ` +
        `One aggregate reads one source: aggregate each source on its own and combine the results, e.g. sum(${call.source}.x) / count(${source})`;
      reportInFormula(ctx, 'framework/other-source', message, written, at);
    }
  }
  checkRowTypes(ctx, call.value, root, written);
}

/** Arithmetic reads numeric columns, days_between and hours_between datetime or date ones; unknown columns are reported elsewhere. */
export function checkRowTypes(ctx: LoadContext, expr: RowExpr, root: FileSourceDef, written: FormulaText): void {
  const columnOf = (column: RowColumn) => root.columns.find((candidate) => candidate.name === column.name);
  switch (expr.kind) {
    case 'number':
      return;
    case 'column': {
      const column = columnOf(expr);
      if (column && !ARITHMETIC_TYPES.has(column.type)) reportInFormula(ctx, 'framework/type', notArithmetic(column), written, nameSpan(expr));
      return;
    }
    case 'negate':
      return checkRowTypes(ctx, expr.operand, root, written);
    case 'binary':
      checkRowTypes(ctx, expr.left, root, written);
      return checkRowTypes(ctx, expr.right, root, written);
    case 'between':
      for (const side of [expr.from, expr.to]) {
        const column = columnOf(side);
        if (column && column.type !== 'datetime' && column.type !== 'date') {
          const message = `${expr.fn} measures the time between two datetime or date columns, but '${column.name}' is a ${column.type} column: pass datetime or date columns`;
          reportInFormula(ctx, 'framework/type', message, written, nameSpan(side));
        }
      }
  }
}

function notArithmetic(column: ColumnDef): string {
  const advice: Record<string, string> = {
    datetime: 'for the time between two datetimes write days_between(a, b) or hours_between(a, b)',
    date: 'for the time between two dates write days_between(a, b)',
    boolean: 'to count the rows where it is true write count(src where flag), or sum(src.flag) on its own',
  };
  const what = advice[column.type] ?? 'declare it as a number, or use count or count_distinct';
  return `'${column.name}' is a ${column.type} column, and + - * / take numbers: ${what}`;
}

/** The column's name, the last characters of `source.column`. */
function nameSpan(column: RowColumn): Span {
  return { start: column.span.end - column.name.length, end: column.span.end };
}
