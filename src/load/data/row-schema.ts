/**
 * The declared constraints (required, enum, min, max, pattern) as one JSON
 * Schema per source, compiled once by ajv and run on every typed row.
 * Properties are keyed by position (`c0`, `c1`, ...), so column names never
 * need escaping and can never collide with object internals.
 */
import { Ajv, type ErrorObject } from 'ajv';
import type { ColumnDef, ColumnType } from '../../core/framework.js';
import type { Value } from '../../core/values.js';
import { quoteCell } from './cell-text.js';

/** A broken constraint: which column, a `row/...` code and a sentence without the column's name. */
export interface RowProblem {
  readonly column: number;
  readonly code: string;
  readonly message: string;
}

export type RowValidator = (values: readonly Value[]) => RowProblem | null;

const JSON_TYPES: Readonly<Record<ColumnType, string>> = {
  string: 'string',
  number: 'number',
  integer: 'integer',
  money: 'number',
  percent: 'number',
  boolean: 'boolean',
  datetime: 'number',
  date: 'number',
  duration: 'number',
};

const key = (index: number) => `c${index}`;

function columnSchema(column: ColumnDef): Record<string, unknown> {
  return {
    type: JSON_TYPES[column.type],
    ...(column.enum !== undefined && { enum: [...column.enum] }),
    ...(column.min !== undefined && { minimum: column.min }),
    ...(column.max !== undefined && { maximum: column.max }),
    ...(column.pattern !== undefined && { pattern: column.pattern }),
  };
}

/** Throws ajv's own error for a pattern that is not a valid regular expression. */
export function compileRowValidator(columns: readonly ColumnDef[]): RowValidator {
  const schema = {
    type: 'object',
    properties: Object.fromEntries(columns.map((column, i) => [key(i), columnSchema(column)])),
    required: columns.flatMap((column, i) => (column.required ? [key(i)] : [])),
  };
  const validate = new Ajv({ allErrors: false }).compile(schema);
  return (values) => {
    // Null values are left out: null means "no value", which only `required` objects to.
    const row: Record<string, Value> = {};
    values.forEach((value, i) => {
      if (value !== null) row[key(i)] = value;
    });
    if (validate(row)) return null;
    const first = validate.errors?.[0];
    return first ? describe(first, values) : null;
  };
}

function describe(error: ErrorObject, values: readonly Value[]): RowProblem {
  const name = error.keyword === 'required' ? String(error.params['missingProperty']) : error.instancePath.slice(1);
  const column = Number(name.slice(1));
  const shown = show(values[column] ?? null);
  switch (error.keyword) {
    case 'required':
      return { column, code: 'row/required', message: 'is empty but the column is required' };
    case 'enum': {
      const allowed = (error.params['allowedValues'] as unknown[]).map((v) => show(v as Value)).join(', ');
      return { column, code: 'row/enum', message: `${shown} is not one of ${allowed}` };
    }
    case 'minimum':
      return { column, code: 'row/min', message: `${shown} is below the minimum ${String(error.params['limit'])}` };
    case 'maximum':
      return { column, code: 'row/max', message: `${shown} is above the maximum ${String(error.params['limit'])}` };
    case 'pattern':
      return { column, code: 'row/pattern', message: `${shown} does not match the pattern ${String(error.params['pattern'])}` };
    default:
      return { column, code: `row/${error.keyword}`, message: `${shown} ${error.message ?? 'is invalid'}` };
  }
}

function show(value: Value): string {
  return typeof value === 'string' ? quoteCell(value) : String(value);
}
