/**
 * Generated CSVs with every hazard the tokenizer must treat as csv-parse
 * does (see generateCsv()). Both parsers read each file in the same
 * chunks; their outcomes must be equal.
 */
import { expect, test } from 'vitest';
import { generateCsv, pick, readWith, random } from './fast-csv-helpers.js';
import { col, source } from './helpers.js';

const columns = [col('id', 'string'), col('note', 'string', { from: 'note' }), col('amount', 'number'), col('tag', 'string', { from: 4 })];

/** Chunk sizes: one chunk, 1-7 bytes (chunk ends inside quotes and between CR and LF), 50-250 bytes. */
const SIZES = [(): number => 1 << 20, (next: () => number): number => 1 + Math.floor(next() * 7), (next: () => number): number => 50 + Math.floor(next() * 200)];

const outcomes = { rows: 0, rejections: 0, errors: new Set<string>() };

test.each(Array.from({ length: 60 }, (_, i) => [i + 1, pick(random(i), [',', ';', '\t', '|'])] as const))(
  'random CSV %i (delimiter %j) reads the same with either parser',
  async (seed, delimiter) => {
    const bytes = generateCsv(seed, delimiter);
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

const placed = { outside: 0, rejections: 0 };
const Q3_2026 = { start: Date.UTC(2026, 6, 1), end: Date.UTC(2026, 9, 1) };

test.each(Array.from({ length: 30 }, (_, i) => [i + 1, pick(random(i + 100), [',', ';', '\t', '|'])] as const))(
  'random CSV %i (delimiter %j) with a time column is placed in the period the same way by either parser',
  async (seed, delimiter) => {
    const bytes = generateCsv(seed, delimiter, true);
    const def = source('in.csv', [col('time', 'datetime'), ...columns.slice(0, 3)], { time: 'time' });
    for (const size of SIZES) {
      const fast = random(seed * 7);
      const slow = random(seed * 7);
      const expected = await readWith('csv-parse', bytes, def, () => size(slow), Q3_2026);
      expect(await readWith('fast', bytes, def, () => size(fast), Q3_2026)).toEqual(expected);
      if (!('error' in expected)) {
        placed.outside += expected.stats.rowsOutsidePeriod;
        placed.rejections += expected.stats.rowsRejected;
      }
    }
  },
);

test('a record outside the period with extra fields and a lone CR is rejected by either parser: the CR may have joined a row of the period to it', async () => {
  const def = source('in.csv', [col('time', 'datetime'), col('id', 'string')], { time: 'time' });
  const bytes = Buffer.from('time,id\n2026-06-30T23:00:00Z,a\r2026-07-02T00:00:00Z,b\n2026-06-01T00:00:00Z,c\n2026-07-03T00:00:00Z,d\n');
  for (const parser of ['fast', 'csv-parse'] as const) {
    const outcome = await readWith(parser, bytes, def, () => 1 << 20, Q3_2026);
    if ('error' in outcome) throw new Error(`${parser}: ${outcome.error[0]?.message}`);
    expect(outcome.stats, parser).toMatchObject({ rowsRead: 3, rowsInPeriod: 1, rowsOutsidePeriod: 1, rowsRejected: 1 });
    expect(outcome.stats.rejections[0], parser).toMatchObject({ code: 'row/field-count', location: { line: 2 } });
  }
});

test('the timed files have rows outside the period and rejected rows', () => {
  expect(placed.outside).toBeGreaterThan(1000);
  expect(placed.rejections).toBeGreaterThan(1000);
});

test('the generated files cover rows, rejections and each syntax error', () => {
  expect(outcomes.rows).toBeGreaterThan(1000);
  expect(outcomes.rejections).toBeGreaterThan(1000);
  expect([...outcomes.errors].sort()).toEqual(['contains a quote', 'never closed', 'right after']);
});
