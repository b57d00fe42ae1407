/** Counts of rows as every output writes them; apart from the table, so validate writes them without loading it. */
import type { KeyStats } from '../core/report.js';

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** `1 row`, `1,200 rows`. */
export function rows(n: number): string {
  return `${count(n)} row${n === 1 ? '' : 's'}`;
}

/** `37 duplicates dropped (key order_id)`, and the rows kept for want of a key. */
export function keyNote(key: KeyStats): string {
  const duplicates = `${count(key.duplicatesDropped)} duplicate${key.duplicatesDropped === 1 ? '' : 's'} dropped (key ${key.columns.join(', ')})`;
  return key.rowsWithoutKey > 0 ? `${duplicates}, ${rows(key.rowsWithoutKey)} without a key kept` : duplicates;
}
