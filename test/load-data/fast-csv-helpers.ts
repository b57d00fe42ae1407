/** Both CSV parsers run on the same bytes, cut into the same chunks, with everything they produce collected. */
import { Random } from '../../scripts/generate/random.js';
import { UserError, type Diagnostic } from '../../src/core/diagnostics.js';
import type { FileSourceDef } from '../../src/core/framework.js';
import type { SourceStats } from '../../src/core/report.js';
import type { Row } from '../../src/core/values.js';
import type { CsvParser } from '../../src/load/data/csv-head.js';
import { readCsv } from '../../src/load/data/csv-reader.js';
import { SourceRows } from '../../src/load/data/source-rows.js';

export type Outcome = { readonly rows: Row[]; readonly stats: SourceStats } | { readonly error: readonly Diagnostic[] };

/** The bytes in chunks of the sizes `size()` picks, as a file stream would yield them. */
async function* chunks(bytes: Buffer, size: () => number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; ) {
    const end = Math.min(bytes.length, at + Math.max(1, size()));
    yield bytes.subarray(at, end);
    at = end;
  }
}

export async function readWith(parser: CsvParser | undefined, bytes: Buffer, def: FileSourceDef, size: () => number): Promise<Outcome> {
  const rows: Row[] = [];
  // Every rejection described, so their locations are all compared; rows copied, as a row may be reused.
  const sink = new SourceRows(def, { timezone: 'UTC', period: null, onRow: (row) => rows.push([...row]), maxReported: 1e9 });
  try {
    await readCsv(chunks(bytes, size), 'in.csv', def, false, sink, parser);
  } catch (cause) {
    if (cause instanceof UserError) return { error: cause.diagnostics };
    throw cause;
  }
  return { rows, stats: sink.stats(['in.csv']) };
}

/** The generator's seeded PRNG, as a function. */
export function random(seed: number): () => number {
  const source = new Random(seed);
  return () => source.next();
}
