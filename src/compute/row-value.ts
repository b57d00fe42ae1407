/**
 * Row expressions compiled once into closures that read the reused row array
 * and return a number or null: nothing is allocated per row. A null operand,
 * a division by zero or a result too large for a number makes the row's
 * value null, so the aggregate skips the row as it skips a null cell.
 */
import type { Row } from '../core/values.js';
import type { RowExpr } from '../formula/ast.js';
import type { LocateColumn } from './accumulator.js';

export type NumberReader = (row: Row) => number | null;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const OPERATIONS = {
  '+': (a: number, b: number) => a + b,
  '-': (a: number, b: number) => a - b,
  '*': (a: number, b: number) => a * b,
  '/': (a: number, b: number) => a / b,
} as const;

/** A cell as a number: booleans count as 1 and 0 so sum/avg of a flag give a count and a share. */
export function columnNumber(index: number): NumberReader {
  return (row) => {
    const value = row[index];
    if (typeof value === 'number') return value;
    if (typeof value === 'boolean') return value ? 1 : 0;
    return null;
  };
}

export function compileRowExpr(expr: RowExpr, locate: LocateColumn): NumberReader {
  switch (expr.kind) {
    case 'number': {
      const value = expr.value;
      return () => value;
    }
    case 'column':
      return columnNumber(locate(expr.name).index);
    case 'negate': {
      const operand = compileRowExpr(expr.operand, locate);
      return (row) => {
        const value = operand(row);
        return value === null ? null : -value;
      };
    }
    case 'binary':
      return arithmetic(OPERATIONS[expr.op], compileRowExpr(expr.left, locate), compileRowExpr(expr.right, locate));
    case 'between':
      return elapsed(expr, locate);
  }
}

function arithmetic(operation: (a: number, b: number) => number, left: NumberReader, right: NumberReader): NumberReader {
  return (row) => {
    const a = left(row);
    if (a === null) return null;
    const b = right(row);
    if (b === null) return null;
    const result = operation(a, b);
    // x / 0 is ±Infinity or NaN, as is an overflow: no value for this row.
    return Number.isFinite(result) ? result : null;
  };
}

/**
 * Elapsed time from `from` to `to` (negative when `to` is earlier). Between
 * two date columns, days_between is rounded to whole days: both are
 * midnights, and a daylight-saving change between them would otherwise
 * make a week 6.96 days.
 */
function elapsed(expr: Extract<RowExpr, { kind: 'between' }>, locate: LocateColumn): NumberReader {
  const from = locate(expr.from.name);
  const to = locate(expr.to.name);
  const days = expr.fn === 'days_between';
  const unit = days ? DAY_MS : HOUR_MS;
  const calendarDays = days && from.type === 'date' && to.type === 'date';
  return (row) => {
    const start = row[from.index];
    const end = row[to.index];
    if (typeof start !== 'number' || typeof end !== 'number') return null;
    const span = (end - start) / unit;
    return calendarDays ? Math.round(span) : span;
  };
}
