/**
 * Round trips of generated files: known rows written with every quoting
 * hazard (quotes, delimiters, embedded CR/LF, CRLF record ends, multi-byte
 * text) and larger than one 64 KiB read chunk, read back and compared.
 */
import { expect, test } from 'vitest';
import type { Row } from '../../src/core/values.js';
import { random } from './fast-csv-helpers.js';
import { col, read, source, tempDir } from './helpers.js';

const PIECES = ['a', 'Z', '0', ' ', ',', ';', '"', '""', '\n', '\r\n', '\r', '#', 'é', '🎉', 'x y', '|', '\t'];

function text(next: () => number): string {
  const length = Math.floor(next() * 12);
  return Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
}

function csvField(value: string, delimiter: string): string {
  const needsQuotes = /["\r\n]/.test(value) || value.includes(delimiter) || value !== value.trim() || value.startsWith('#');
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

function generate(seed: number, delimiter: string): { file: string; expected: Row[] } {
  const next = random(seed);
  const lines = [['note', 'amount', 'flag'].join(delimiter)];
  const expected: Row[] = [];
  for (let i = 0; i < 4000; i++) {
    const note = text(next);
    const amount = Math.round((next() - 0.5) * 1e6) / 100;
    const flag = next() < 0.5;
    lines.push([csvField(note, delimiter), String(amount), flag ? 'yes' : 'no'].join(delimiter));
    // The reader turns every CRLF into LF, inside quoted values too; an empty string cell is null.
    const read = note.replace(/\r\n/g, '\n');
    expected.push([read === '' ? null : read, amount, flag]);
  }
  const file = lines.map((line) => line + (next() < 0.5 ? '\r\n' : '\n')).join('');
  return { file, expected };
}

const columns = [col('note', 'string'), col('amount', 'number'), col('flag', 'boolean')];

test.each([
  [1, ','],
  [2, ';'],
  [3, '\t'],
  [4, '|'],
])('random CSV round trip (seed %i, delimiter %j)', async (seed, delimiter) => {
  const { file, expected } = generate(seed, delimiter);
  expect(file.length).toBeGreaterThan(65536);
  const baseDir = await tempDir({ 'random.csv': file });
  const { rows, stats } = await read(source('random.csv', columns), { baseDir });
  expect(stats.rowsRejected).toBe(0);
  expect(rows).toEqual(expected);
});

test('random JSON array round trip, pretty-printed over several chunks', async () => {
  const next = random(7);
  const records = Array.from({ length: 1500 }, (_, i) => ({ note: `${text(next)}]}{["\\`, nested: { amount: i / 4, flag: next() < 0.5 } }));
  const baseDir = await tempDir({ 'random.json': JSON.stringify(records, null, 2) });
  const def = source('random.json', [col('note', 'string'), col('amount', 'number', { from: 'nested.amount' }), col('flag', 'boolean', { from: 'nested.flag' })]);
  const { rows } = await read(def, { baseDir });
  expect(rows).toEqual(records.map((r) => [r.note, r.nested.amount, r.nested.flag]));
});
