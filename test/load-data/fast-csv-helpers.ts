/** Both CSV parsers run on the same bytes, cut into the same chunks, with everything they produce collected. */
import { Random } from '../../scripts/generate/random.js';
import { UserError, type Diagnostic } from '../../src/core/diagnostics.js';
import type { FileSourceDef } from '../../src/core/framework.js';
import type { Period } from '../../src/core/period.js';
import type { SourceStats } from '../../src/core/report.js';
import type { Row } from '../../src/core/values.js';
import type { CsvParser } from '../../src/load/data/csv-head.js';
import { readCsv } from '../../src/load/data/csv-reader.js';
import { SourceRows } from '../../src/load/data/source-rows.js';

export type Outcome = { readonly rows: Row[]; readonly stats: SourceStats } | { readonly error: readonly Diagnostic[] };

/**
 * The bytes in chunks of the sizes `size()` picks, as readBytes() yields
 * them: each in the same buffer, overwritten by the next, so that a reader
 * keeping a chunk instead of a copy reads garbage.
 */
async function* chunks(bytes: Buffer, size: () => number): AsyncGenerator<Buffer> {
  const reused = Buffer.alloc(bytes.length);
  for (let at = 0; at < bytes.length; ) {
    const end = Math.min(bytes.length, at + Math.max(1, size()));
    reused.fill(0x23);
    bytes.copy(reused, 0, at, end);
    yield reused.subarray(0, end - at);
    at = end;
  }
}

export async function readWith(parser: CsvParser | undefined, bytes: Buffer, def: FileSourceDef, size: () => number, period: Period | null = null): Promise<Outcome> {
  const rows: Row[] = [];
  // Every rejection described, so their locations are all compared; rows copied, as a row may be reused.
  const sink = new SourceRows(def, { timezone: 'UTC', period, onRow: (row) => rows.push([...row]), maxReported: 1e9 });
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

const PIECES = ['a', 'Z', '7', '-1.5', ' ', '', '"', '\n', '\r\n', '\r', 'é', '🎉', '\u00a0', '\t', '#'];

export function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function value(next: () => number): string {
  return Array.from({ length: Math.floor(next() * 5) }, () => pick(next, PIECES)).join('');
}

/** A field as an export would write it: quoted when it must be, and sometimes when it need not. */
function field(next: () => number, delimiter: string): string {
  const text = value(next);
  if (/["\r\n]/.test(text) || text.includes(delimiter) || next() < 0.3) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** In a third quarter of 2026 and out of it, in the shapes the byte reader takes and not, quoted, bad and empty. */
const TIMES = ['2026-07-03T10:00:00Z', '2026-08-01 09:30:00 +0200', '2026-04-02T08:00:00Z', '2025-12-31', '"2026-05-05T05:05:05Z"', ' 2026-02-01', '2026-13-01', '', '"2026-07-09T01:02:03Z"'];

/** The ways csv-parse refuses a file: a quote inside an unquoted value, text after a closing quote, a quote never closed. */
const BREAKS = ['ab"c', '"ab"c'];

function record(next: () => number, delimiter: string, width: number): string {
  const roll = next();
  if (roll < 0.05) return delimiter.repeat(width - 1);
  if (roll < 0.08) return '';
  const count = roll < 0.14 ? Math.floor(next() * width) + 1 : roll < 0.2 ? width + 1 + Math.floor(next() * 2) : width;
  return Array.from({ length: count }, () => field(next, delimiter)).join(delimiter);
}

/**
 * A CSV with every hazard a tokenizer must treat as csv-parse does: quotes,
 * doubled quotes, delimiters and CR/LF inside quoted values, lone CRs,
 * CRLF/LF mixes, a BOM, a `#` preamble, blank lines, all-empty and short
 * records, extra fields (empty or not), non-ASCII and Unicode white space,
 * and now and then a syntax error. `timed`: a field of any kind, then a
 * time column whose rows fall in 2026-Q3 or outside it.
 */
export function generateCsv(seed: number, delimiter: string, timed = false): Buffer {
  const next = random(seed);
  const lines: string[] = [];
  if (next() < 0.5) lines.push('# Report', '# exported today', '');
  lines.push([...(timed ? ['ref', 'time'] : []), 'id', 'note', 'amount', 'tag'].join(delimiter));
  for (let i = 0; i < 300; i++) lines.push((timed ? `${field(next, delimiter)}${delimiter}${pick(next, TIMES)}${delimiter}` : '') + record(next, delimiter, 4));
  // A quarter of the files break once, somewhere.
  if (next() < 0.25) lines.splice(lines.length - Math.floor(next() * 300), 0, [value(next), pick(next, BREAKS)].join(delimiter));
  let text = lines.map((line) => line + (next() < 0.5 ? '\r\n' : '\n')).join('');
  if (next() < 0.3) text = text.replace(/\r?\n$/, '');
  else if (next() < 0.15) text += `${value(next)}${delimiter}"never closed\r\n1${delimiter}2${pick(next, ['', '\n', '\r'])}`;
  return Buffer.from((next() < 0.5 ? '\uFEFF' : '') + text);
}

/** ISO-8601-like text, valid or not: the shapes the fast readers take and their near misses. */
export function randomTimestamp(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const two = (max: number) => String(Math.floor(random() * max)).padStart(pick([1, 2, 2, 2]), '0');
  const date = `${pick(['2026', '2024', '1999', '0050', '20x6'])}-${two(14)}-${two(33)}`;
  const time = pick(['', `${pick(['T', ' ', 't', '_'])}${two(25)}:${two(61)}${pick(['', `:${two(61)}`, `:${two(60)}.${'1234567'.slice(0, 1 + Math.floor(random() * 7))}`, `:${two(60)},5`])}`]);
  const zone = time === '' ? pick(['', '', 'Z']) : pick(['', 'Z', 'z', '+02:00', '-0400', ' -0500', '+05', ' UTC', 'GMT', '+2', '+02:0', 'Zx', '+25:00', '-1430', '+05:75', '+14:00']);
  return `${date}${time}${zone}`;
}
