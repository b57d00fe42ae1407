/**
 * A source's record key in front of its feed: exports repeat records (an
 * order's total on each of its line rows, an event an API delivered twice),
 * and a row whose key an earlier row had is the same record again. Only the
 * distinct keys are kept, never the rows.
 */
import type { FileSourceDef } from '../core/framework.js';
import type { KeyStats } from '../core/report.js';
import type { Row, Value } from '../core/values.js';

export class RecordKeys {
  private readonly seen = new Set<Value>();
  private duplicates = 0;
  private withoutKey = 0;

  constructor(
    private readonly columns: readonly string[],
    private readonly indexes: readonly number[],
  ) {}

  /**
   * Whether the row is the first with its key (rows must come in file order).
   * A row with an empty key column is admitted: like SQL's NULL in a unique
   * key, it equals no other row.
   */
  admit(row: Row): boolean {
    const key = this.keyOf(row);
    if (key === null) {
      this.withoutKey++;
      return true;
    }
    if (this.seen.has(key)) {
      this.duplicates++;
      return false;
    }
    this.seen.add(key);
    return true;
  }

  stats(): KeyStats {
    return { columns: this.columns, duplicatesDropped: this.duplicates, rowsWithoutKey: this.withoutKey };
  }

  /** One column's value as it is; several as a JSON array, which no other combination of values writes alike. */
  private keyOf(row: Row): Value {
    const { indexes } = this;
    if (indexes.length === 1) return row[indexes[0] as number] ?? null;
    const values: Value[] = [];
    for (let i = 0; i < indexes.length; i++) {
      const value = row[indexes[i] as number] ?? null;
      if (value === null) return null;
      values.push(value);
    }
    return JSON.stringify(values);
  }
}

/** The source's key filter, or undefined when it declares no key. */
export function recordKeysOf(source: FileSourceDef): RecordKeys | undefined {
  if (source.key === undefined) return undefined;
  const indexes = source.key.map((name) => {
    const index = source.columns.findIndex((column) => column.name === name);
    if (index < 0) throw new Error(`source '${source.name}' has no key column '${name}'`);
    return index;
  });
  return new RecordKeys(source.key, indexes);
}
