import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { UserError } from '../../src/core/diagnostics.js';
import { formatProblem } from '../../src/load/data/index.js';
import { loadFramework } from '../../src/load/framework/index.js';
import { col, read, source, tempDir, utc } from './helpers.js';

const FRAMEWORK = [
  'journey: Shop', // 1
  'sources:', // 2
  '  orders:', // 3
  '    file: orders.csv', // 4
  '    time: created', // 5
  '    columns:', // 6
  '      id: string', // 7
  "      created: { type: datetime, format: 'D MMM YYYY Do' }", // 8: the format's quoted value at column 42
  "      paid: { type: date, format: 'DD/MM/YYYY DD' }", // 9: at column 35
  "      note: { type: string, format: 'whatever' }", // 10: only time columns read a format
  'stages:',
  '  - id: buy',
  '    name: Buy',
  '    kpis:',
  '      - { id: orders, name: Orders, formula: count(orders), unit: count, target: 10 }',
].join('\n');

describe('a format is checked when the framework loads', () => {
  test('an unknown token or a part read twice is framework/column-format at the format value', async () => {
    const dir = await tempDir({ 'journey.yml': FRAMEWORK });
    const problems = await loadFramework(join(dir, 'journey.yml')).then(
      () => expect.fail('the framework loaded'),
      (cause: unknown) => (cause as UserError).diagnostics,
    );
    expect(problems.map((p) => [p.code, p.location?.line, p.location?.column])).toEqual([
      ['framework/column-format', 8, 42],
      ['framework/column-format', 9, 35],
    ]);
    expect(problems[0]?.message).toBe(
      "column 'created' of source 'orders': format 'D MMM YYYY Do' cannot be used: 'o' is not one of its tokens " +
        '(YYYY YY MMMM MMM MM M DD D HH H hh h mm m ss s SSS A a Z); put text that should match literally in brackets, such as [at]',
    );
    expect(problems[1]?.message).toBe(
      "column 'paid' of source 'orders': format 'DD/MM/YYYY DD' cannot be used: it reads the day twice: " +
        'write each part once, with one token (MMM is a month name, MM its number)',
    );
  });

  test('formatProblem: null for usable formats, the reason otherwise', () => {
    expect(formatProblem('D MMM YYYY')).toBeNull();
    expect(formatProblem('YYYY-MM-DDTHH:mm:ss')).toBeNull();
    expect(formatProblem('MMMM D, YYYY [at] h:mm A')).toBeNull();
    expect(formatProblem('unix_ms')).toBeNull();
    // Without MMM, `D MMM YYYY` used to compile as MM then M: two months, and every row failed.
    expect(formatProblem('D MM M YYYY')).toContain('it reads the month twice');
    expect(formatProblem('dddd, D/M/YYYY')).toContain("'d' is not one of its tokens");
    expect(formatProblem('YYYY-MM')).toContain('needs a year (YYYY or YY), a month (M, MM, MMM or MMMM) and a day');
  });
});

describe('month names (MMM, MMMM)', () => {
  test('English names and abbreviations, any case, are read', async () => {
    const baseDir = await tempDir({ 'o.csv': 'id,when\n1,3 Jul 2026\n2,3 JULY 2026\n3,30 sept 2026\n4,1 Feb. 2026\n5,3 Jux 2026\n' });
    const { rows, stats } = await read(source('o.csv', [col('id', 'integer'), col('when', 'date', { format: 'D MMM YYYY' })]), { baseDir });
    expect(rows).toEqual([
      [1, utc('2026-07-03T00:00:00Z')],
      [2, utc('2026-07-03T00:00:00Z')],
      [3, utc('2026-09-30T00:00:00Z')],
      [4, utc('2026-02-01T00:00:00Z')],
    ]);
    expect(stats.rejections.map((d) => [d.code, d.message])).toEqual([
      ['row/invalid-date', "column 'when' (field 2): '3 Jux 2026' has no English month name (Jan to Dec, or January to December). The row was left out."],
    ]);
  });

  test('MMMM D, YYYY [at] h:mm A', async () => {
    const baseDir = await tempDir({ 'o.csv': 'when\n"July 3, 2026 at 2:05 PM"\n' });
    const { rows } = await read(source('o.csv', [col('when', 'datetime', { format: 'MMMM D, YYYY [at] h:mm A' })]), { baseDir });
    expect(rows).toEqual([[utc('2026-07-03T14:05:00Z')]]);
  });
});
