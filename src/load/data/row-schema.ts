/**
 * The declared constraints (required, enum, min, max, pattern) as one JSON
 * Schema per source, compiled once by ajv and run on every typed row. The
 * row is validated as the array it already is (a tuple schema, one item per
 * declared column), so no object is built per row.
 */
import { Ajv, type ErrorObject } from 'ajv';
import type { ColumnDef, ColumnType } from '../../core/framework.js';
import type { Value } from '../../core/values.js';
import { quoteCell } from './cell-text.js';
import { validateAgainstMetaSchema } from './meta-schema-check.js';

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

/** Null means "no value": allowed unless the column is required (min, max and pattern skip non-numbers and non-strings). */
function columnSchema(column: ColumnDef): Record<string, unknown> {
  const type = JSON_TYPES[column.type];
  return {
    type: column.required ? type : [type, 'null'],
    ...(column.enum !== undefined && { enum: column.required ? [...column.enum] : [...column.enum, null] }),
    ...(column.min !== undefined && { minimum: column.min }),
    ...(column.max !== undefined && { maximum: column.max }),
    ...(column.pattern !== undefined && { pattern: column.pattern }),
    ...(column.scale !== undefined && { answerScale: { min: column.scale.min, max: column.scale.max } }),
  };
}

/** A survey answer: a whole number on the scale, both ends included. */
const ANSWER_SCALE = {
  keyword: 'answerScale',
  type: 'number',
  schemaType: 'object',
  errors: false,
  validate: (scale: { min: number; max: number }, answer: number) => Number.isInteger(answer) && answer >= scale.min && answer <= scale.max,
} as const;

/** Throws ajv's own error for a schema the meta-schema refuses (an enum that repeats a value) or a pattern that is not a valid regular expression. */
export function compileRowValidator(columns: readonly ColumnDef[]): RowValidator {
  const schema = { type: 'array', items: columns.map(columnSchema), minItems: columns.length, additionalItems: false };
  // An instance per source, so none keeps the schemas of every framework a process loads.
  const ajv = new Ajv({ allErrors: false, validateSchema: false, keywords: [ANSWER_SCALE] });
  // What ajv's compile would throw if it checked the schema itself.
  if (!validateAgainstMetaSchema(schema)) throw new Error(`schema is invalid: ${ajv.errorsText(validateAgainstMetaSchema.errors)}`);
  const validate = ajv.compile(schema);
  return (values) => {
    if (validate(values)) return null;
    const first = validate.errors?.[0];
    return first ? describe(first, values, columns) : null;
  };
}

function describe(error: ErrorObject, values: readonly Value[], columns: readonly ColumnDef[]): RowProblem {
  const column = Number(error.instancePath.slice(1));
  const value = values[column] ?? null;
  const shown = show(value);
  if (value === null) return { column, code: 'row/required', message: 'is empty but the column is required' };
  switch (error.keyword) {
    case 'enum': {
      const values = (error.params['allowedValues'] as Value[]).filter((v) => v !== null);
      return { column, code: 'row/enum', message: `${shown} is not one of ${values.map(show).join(', ')}${enumHint(value, values)}` };
    }
    case 'minimum':
      return { column, code: 'row/min', message: `${shown} is below the minimum ${String(error.params['limit'])}` };
    case 'maximum':
      return { column, code: 'row/max', message: `${shown} is above the maximum ${String(error.params['limit'])}` };
    case 'answerScale': {
      const scale = columns[column]?.scale;
      const off = scale ? `is off the answer scale ${scale.min}..${scale.max} of ${scale.by}: answers are whole numbers from ${scale.min} to ${scale.max}` : 'is off the answer scale';
      return { column, code: 'row/off-scale', message: `${shown} ${off}` };
    }
    case 'pattern':
      return { column, code: 'row/pattern', message: `${shown} does not match the pattern ${String(error.params['pattern'])}` };
    default:
      return { column, code: `row/${error.keyword}`, message: `${shown} does not fit the column's declaration (${error.keyword}): check the export, or the column's type and limits` };
  }
}

/** When the value is allowed once trimmed or lower-cased: the column option that reads it so. */
function enumHint(value: Value, allowed: readonly Value[]): string {
  if (typeof value !== 'string') return '';
  const trimmed = value.trim();
  if (trimmed !== value && allowed.includes(trimmed)) return `: it has spaces around it; add trim: true to the column to read it as ${show(trimmed)}`;
  const lower = trimmed.toLowerCase();
  if (lower === value || !allowed.includes(lower)) return '';
  if (trimmed !== value) return `: its case and the spaces around it differ; add lowercase: true and trim: true to the column to read it as ${show(lower)}`;
  return `: only its case differs; add lowercase: true to the column to read it as ${show(lower)}`;
}

function show(value: Value): string {
  return typeof value === 'string' ? quoteCell(value) : String(value);
}
