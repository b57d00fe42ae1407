/**
 * Declared columns -> values of a JSON object. `from` is a key, or a dotted
 * path into nested objects (`properties.time`) when no key has the literal
 * dotted name. A missing key is an empty cell: JSON exports leave out
 * properties an event does not have.
 */
import { error, UserError, type SourceLocation } from '../../core/diagnostics.js';
import type { FileSourceDef } from '../../core/framework.js';
import { JsonSyntax } from './json-text.js';
import type { DataRecord, SourceRows } from './source-rows.js';

type JsonObject = Readonly<Record<string, unknown>>;

class JsonRecord implements DataRecord {
  constructor(
    private readonly cells: readonly unknown[],
    private readonly at: SourceLocation,
  ) {}

  cell(column: number): unknown {
    return this.cells[column];
  }

  locate(): SourceLocation {
    return this.at;
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lookup(object: JsonObject, key: string, path: readonly string[]): unknown {
  if (Object.hasOwn(object, key)) return object[key];
  let current: unknown = object;
  for (const segment of path) {
    if (!isObject(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

/** Turns each parsed JSON value of a file into a record for `rows`; a non-object or a JsonSyntax is a rejected row. */
export function jsonRecordSink(def: FileSourceDef, file: string, rows: SourceRows): (value: unknown, line: number, column: number) => void {
  const keys = def.columns.map((column) => {
    if (typeof column.from === 'string') return column.from;
    throw new UserError(
      error(
        'data/json-position',
        `column '${column.name}' reads field ${column.from}, a position, but ${file} holds JSON objects, whose fields have no order. ` +
          'Set from: to the key name (a dotted path such as properties.time for a nested key).',
        column.location,
      ),
    );
  });
  const paths = keys.map((key) => key.split('.'));
  const emit = rows.forFile(keys.map((key) => `key '${key}'`));
  return (value, line, column) => {
    if (value instanceof JsonSyntax) {
      const record = new JsonRecord([], { file, line: value.line, column: value.column });
      rows.rejectRecord(record, 'row/json-syntax', `the line is not valid JSON (${value.reason}); fix it or export the file again`);
      return;
    }
    if (!isObject(value)) {
      const found = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
      const record = new JsonRecord([], { file, line, column });
      rows.rejectRecord(record, 'row/not-an-object', `the record is ${found}, not an object with one key per field`);
      return;
    }
    emit(new JsonRecord(keys.map((key, i) => lookup(value, key, paths[i] ?? [])), { file, line, column }));
  };
}
