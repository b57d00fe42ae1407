import { describe, expect, it } from 'vitest';
import { RecordKeys, recordKeysOf } from '../../src/compute/record-keys.js';
import type { FileSourceDef } from '../../src/core/framework.js';
import type { Row } from '../../src/core/values.js';

const location = { file: 'test.yaml' };

function source(key: readonly string[] | undefined): FileSourceDef {
  const column = (name: string) => ({ name, type: 'string' as const, from: name, required: false, location });
  return { kind: 'file', name: 'orders', file: 'o.csv', headerRows: 1, columns: ['id', 'line', 'total'].map(column), location, ...(key && { key }) };
}

/** Which rows are admitted, feeding one reused array as the loader does. */
function admitted(keys: RecordKeys, rows: readonly Row[]): number[] {
  const reused: (string | number | boolean | null)[] = [null, null, null];
  return rows.flatMap((row, index) => {
    reused.splice(0, 3, ...row);
    return keys.admit(reused) ? [index] : [];
  });
}

describe('RecordKeys', () => {
  it('admits the first row of each key and counts the repeats, wherever they come', () => {
    const keys = recordKeysOf(source(['id'])) as RecordKeys;
    expect(admitted(keys, [['1', 'a', 10], ['1', 'b', 10], ['2', 'a', 5], ['1', 'c', 10], ['3', 'a', 1]])).toEqual([0, 2, 4]);
    expect(keys.stats()).toEqual({ columns: ['id'], duplicatesDropped: 2, rowsWithoutKey: 0 });
  });

  it('keeps rows whose key column is empty and counts them, as SQL keeps NULLs apart', () => {
    const keys = recordKeysOf(source(['id'])) as RecordKeys;
    expect(admitted(keys, [[null, 'a', 1], [null, 'a', 1], ['1', 'a', 1]])).toEqual([0, 1, 2]);
    expect(keys.stats()).toEqual({ columns: ['id'], duplicatesDropped: 0, rowsWithoutKey: 2 });
  });

  it('compares two columns together, never confusing ("1", 21) with ("12", 1)', () => {
    const keys = recordKeysOf(source(['id', 'line'])) as RecordKeys;
    const rows: Row[] = [['1', 21, 0], ['12', 1, 0], ['1', 2, 0], ['1', 21, 9], ['12', null, 0], ['12', null, 0], ['2', 1, 0]];
    expect(admitted(keys, rows)).toEqual([0, 1, 2, 4, 5, 6]);
    expect(keys.stats()).toEqual({ columns: ['id', 'line'], duplicatesDropped: 1, rowsWithoutKey: 2 });
  });

  it('is absent for a source without a key', () => {
    expect(recordKeysOf(source(undefined))).toBeUndefined();
  });
});
