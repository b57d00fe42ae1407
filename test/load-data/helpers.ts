/** Shared builders for the data-reader tests: declarations with defaults, and a read that collects rows. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, type Diagnostic } from '../../src/core/diagnostics.js';
import type { ColumnDef, ColumnType, FileSourceDef } from '../../src/core/framework.js';
import type { SourceStats } from '../../src/core/report.js';
import type { Row } from '../../src/core/values.js';
import { readSource, type ReadOptions } from '../../src/load/data/index.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/data/', import.meta.url));

export function col(name: string, type: ColumnType, extra: Partial<ColumnDef> = {}): ColumnDef {
  return { name, type, from: name, required: false, location: { file: 'journey.yml', line: 7, column: 9 }, ...extra };
}

export function source(file: string, columns: readonly ColumnDef[], extra: Partial<FileSourceDef> = {}): FileSourceDef {
  return { kind: 'file', name: 'orders', file, headerRows: 1, columns, location: { file: 'journey.yml', line: 3, column: 5 }, ...extra };
}

export interface ReadResult {
  readonly rows: Row[];
  readonly stats: SourceStats;
}

export async function read(def: FileSourceDef, options: Partial<ReadOptions> = {}): Promise<ReadResult> {
  const rows: Row[] = [];
  // The reader reuses one array for every row (see ReadOptions.onRow): keep a copy.
  const stats = await readSource(def, { baseDir: FIXTURES, timezone: 'UTC', period: null, onRow: (row) => rows.push([...row]), ...options });
  return { rows, stats };
}

/** The diagnostics of the UserError the read throws (fails the test when it does not throw one). */
export async function readFailure(def: FileSourceDef, options: Partial<ReadOptions> = {}): Promise<readonly Diagnostic[]> {
  try {
    await read(def, options);
  } catch (cause) {
    if (cause instanceof UserError) return cause.diagnostics;
    throw cause;
  }
  throw new Error('expected a UserError');
}

/** A rejection's code and location, the parts tests pin exactly. */
export function where(d: Diagnostic): { code: string; line?: number; column?: number } {
  return { code: d.code, ...(d.location?.line !== undefined && { line: d.location.line }), ...(d.location?.column !== undefined && { column: d.location.column }) };
}

export const utc = (iso: string): number => Date.parse(iso);

/** Writes files into a fresh temporary folder (for bytes built in the test) and returns the folder. */
export async function tempDir(files: Readonly<Record<string, string | Uint8Array>>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'journey-kpi-data-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}
