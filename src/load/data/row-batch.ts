/**
 * The typed rows of a piece of a file, carried from the worker that read it
 * to the thread that computes: one typed array per column (transferred, not
 * copied) and each distinct text once per piece, so nothing is built per row.
 */
import type { FileSourceDef } from '../../core/framework.js';
import type { Row, Value } from '../../core/values.js';

export interface RowBatch {
  readonly rows: number;
  /** Per declared column: numbers (NaN for null, booleans as 1 and 0), for a text column indexes into its `texts` (-1 for null), empty when unread. */
  readonly columns: readonly (Float64Array | Int32Array)[];
  readonly texts: readonly (readonly string[])[];
}

/** How a column travels; an unread one (see RowTarget.columns) does not, and arrives as null. */
export type ColumnKind = 'text' | 'number' | 'boolean' | 'unread';

export function columnKinds(def: FileSourceDef, read: ReadonlySet<string> | undefined): ColumnKind[] {
  return def.columns.map(({ name, type }) => {
    if (read !== undefined && !read.has(name)) return 'unread';
    return type === 'string' ? 'text' : type === 'boolean' ? 'boolean' : 'number';
  });
}

const FIRST_CAPACITY = 4096;

export class RowBatchWriter {
  private rows = 0;
  private capacity = FIRST_CAPACITY;
  private columns: (Float64Array | Int32Array)[] = [];
  private ids: Map<string, number>[] = [];
  private texts: string[][] = [];
  private lastTexts: (string | undefined)[] = [];
  private lastIds: number[] = [];

  constructor(private readonly kinds: readonly ColumnKind[]) {
    this.reset();
  }

  /** Takes a copy of the row's values: the row array itself is reused by the reader. */
  readonly add = (row: Row): void => {
    if (this.rows === this.capacity) this.grow();
    const r = this.rows++;
    for (let c = 0; c < this.kinds.length; c++) {
      const kind = this.kinds[c];
      if (kind === 'unread') continue;
      const value = row[c] ?? null;
      const column = this.columns[c] as Float64Array | Int32Array;
      if (kind === 'text') column[r] = value === null ? -1 : this.idOf(c, value as string);
      else column[r] = value === null ? NaN : Number(value);
    }
  };

  /** The rows added since the last take; the writer starts afresh. */
  take(): RowBatch {
    const batch = { rows: this.rows, columns: this.columns, texts: this.texts };
    this.reset();
    return batch;
  }

  private idOf(column: number, text: string): number {
    // Rows of one session or order often come one after another.
    if (text === this.lastTexts[column]) return this.lastIds[column] as number;
    const ids = this.ids[column] as Map<string, number>;
    let id = ids.get(text);
    if (id === undefined) {
      id = ids.size;
      ids.set(text, id);
      (this.texts[column] as string[]).push(text);
    }
    this.lastTexts[column] = text;
    this.lastIds[column] = id;
    return id;
  }

  private reset(): void {
    this.rows = 0;
    this.capacity = FIRST_CAPACITY;
    this.columns = this.kinds.map((kind) => newColumn(kind, kind === 'unread' ? 0 : FIRST_CAPACITY));
    this.ids = this.kinds.map(() => new Map());
    this.texts = this.kinds.map(() => []);
    this.lastTexts = this.kinds.map(() => undefined);
    this.lastIds = this.kinds.map(() => -1);
  }

  private grow(): void {
    this.capacity *= 2;
    this.columns = this.columns.map((column, c) => {
      const kind = this.kinds[c] as ColumnKind;
      if (kind === 'unread') return column;
      const grown = newColumn(kind, this.capacity);
      grown.set(column);
      return grown;
    });
  }
}

function newColumn(kind: ColumnKind, length: number): Float64Array | Int32Array {
  return kind === 'text' ? new Int32Array(length) : new Float64Array(length);
}

/** Hands each row of `batch` to `onRow`, in order, in the one reused array `values`. */
export function replayBatch(batch: RowBatch, kinds: readonly ColumnKind[], values: Value[], onRow: (row: Row) => void): void {
  const { columns, texts } = batch;
  for (let r = 0; r < batch.rows; r++) {
    for (let c = 0; c < kinds.length; c++) {
      const kind = kinds[c];
      if (kind === 'unread') continue;
      const cell = (columns[c] as Float64Array | Int32Array)[r] as number;
      if (kind === 'text') values[c] = cell < 0 ? null : ((texts[c] as readonly string[])[cell] as string);
      else if (Number.isNaN(cell)) values[c] = null;
      else values[c] = kind === 'boolean' ? cell === 1 : cell;
    }
    onRow(values);
  }
}
