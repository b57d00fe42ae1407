/**
 * Generated CSVs with every hazard the tokenizer must treat as csv-parse
 * does: quotes, doubled quotes, delimiters and CR/LF inside quoted values,
 * lone CRs, CRLF/LF mixes, a BOM, a `#` preamble, blank lines, all-empty
 * and short records, extra fields (empty or not), non-ASCII and Unicode
 * white space, and now and then a syntax error. Both parsers read each
 * file in the same chunks; their outcomes must be equal.
 */
import { expect, test } from 'vitest';
import { readWith, random } from './fast-csv-helpers.js';
import { col, source } from './helpers.js';

const PIECES = ['a', 'Z', '7', '-1.5', ' ', '', '"', '\n', '\r\n', '\r', 'é', '🎉', '\u00a0', '\t', '#'];

function pick<T>(next: () => number, items: readonly T[]): T {
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

/** The ways csv-parse refuses a file: a quote inside an unquoted value, text after a closing quote, a quote never closed. */
const BREAKS = ['ab"c', '"ab"c'];

function record(next: () => number, delimiter: string, width: number): string {
  const roll = next();
  if (roll < 0.05) return delimiter.repeat(width - 1);
  if (roll < 0.08) return '';
  const count = roll < 0.14 ? Math.floor(next() * width) + 1 : roll < 0.2 ? width + 1 + Math.floor(next() * 2) : width;
  return Array.from({ length: count }, () => field(next, delimiter)).join(delimiter);
}

function generate(seed: number, delimiter: string): Buffer {
  const next = random(seed);
  const lines: string[] = [];
  if (next() < 0.5) lines.push('# Report', '# exported today', '');
  lines.push(['id', 'note', 'amount', 'tag'].join(delimiter));
  for (let i = 0; i < 300; i++) lines.push(record(next, delimiter, 4));
  // A quarter of the files break once, somewhere.
  if (next() < 0.25) lines.splice(lines.length - Math.floor(next() * 300), 0, [value(next), pick(next, BREAKS)].join(delimiter));
  let text = lines.map((line) => line + (next() < 0.5 ? '\r\n' : '\n')).join('');
  if (next() < 0.3) text = text.replace(/\r?\n$/, '');
  else if (next() < 0.15) text += `${value(next)}${delimiter}"never closed\r\n1${delimiter}2${pick(next, ['', '\n', '\r'])}`;
  return Buffer.from((next() < 0.5 ? '\uFEFF' : '') + text);
}

const columns = [col('id', 'string'), col('note', 'string', { from: 'note' }), col('amount', 'number'), col('tag', 'string', { from: 4 })];

/** Chunk sizes: one chunk, 1-7 bytes (chunk ends inside quotes and between CR and LF), 50-250 bytes. */
const SIZES = [(): number => 1 << 20, (next: () => number): number => 1 + Math.floor(next() * 7), (next: () => number): number => 50 + Math.floor(next() * 200)];

const outcomes = { rows: 0, rejections: 0, errors: new Set<string>() };

test.each(Array.from({ length: 60 }, (_, i) => [i + 1, pick(random(i), [',', ';', '\t', '|'])] as const))(
  'random CSV %i (delimiter %j) reads the same with either parser',
  async (seed, delimiter) => {
    const bytes = generate(seed, delimiter);
    for (const def of [source('in.csv', columns.slice(0, 3)), source('in.csv', columns, { headerRows: 2 })]) {
      for (const size of SIZES) {
        const fast = random(seed * 7);
        const slow = random(seed * 7);
        const expected = await readWith('csv-parse', bytes, def, () => size(slow));
        expect(await readWith('fast', bytes, def, () => size(fast))).toEqual(expected);
        if ('error' in expected) outcomes.errors.add(/never closed|right after|contains a quote/.exec(expected.error[0]?.message ?? '')?.[0] ?? '');
        else {
          outcomes.rows += expected.rows.length;
          outcomes.rejections += expected.stats.rowsRejected;
        }
      }
    }
  },
);

test('the generated files cover rows, rejections and each syntax error', () => {
  expect(outcomes.rows).toBeGreaterThan(1000);
  expect(outcomes.rejections).toBeGreaterThan(1000);
  expect([...outcomes.errors].sort()).toEqual(['contains a quote', 'never closed', 'right after']);
});
