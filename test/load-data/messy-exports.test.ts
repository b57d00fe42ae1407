import { describe, expect, test } from 'vitest';
import { safeText } from '../../src/load/data/cell-text.js';
import { col, read, readFailure, source, tempDir, utc, where } from './helpers.js';

describe('CSV records that hold nothing', () => {
  test('records whose every field is empty are skipped like blank lines, not counted', async () => {
    // Excel leaves `,,` rows below the data; `  ,  ,  ` and `"",""` are as empty.
    const baseDir = await tempDir({ 'o.csv': 'id,name,total\n1,Ann,10\n,,\n  ,  ,  \n"","",""\n2,Bob,5\n,,\n' });
    const { rows, stats } = await read(source('o.csv', [col('id', 'integer'), col('name', 'string'), col('total', 'integer')]), { baseDir });
    expect(rows).toEqual([
      [1, 'Ann', 10],
      [2, 'Bob', 5],
    ]);
    expect(stats).toMatchObject({ rowsRead: 2, rowsRejected: 0 });
  });

  test('header_rows beyond the records of the file is data/header-rows', async () => {
    const baseDir = await tempDir({ 'o.csv': 'id\n1\n2\n,\n3\n4\n' });
    const [diagnostic] = await readFailure(source('o.csv', [col('id', 'integer')], { headerRows: 99 }), { baseDir });
    expect(diagnostic).toMatchObject({ code: 'data/header-rows', location: { file: 'journey.yml', line: 3, column: 5 } });
    // The path is shown relative to the working directory: compare from the file name on.
    expect(diagnostic?.message.replace(/^.*\//, '')).toBe(
      "o.csv has 5 records (blank ones aside), but source 'orders' says its first 99 are header rows. " +
        'Set header_rows to how many records at the top of the file are headers (usually 1).',
    );
    // As many header rows as records: a file without data, which is not an error.
    expect((await read(source('o.csv', [col('id', 'integer')], { headerRows: 5 }), { baseDir })).stats.rowsRead).toBe(0);
  });
});

describe('percent columns', () => {
  const def = source('p.csv', [col('rate', 'percent')]);

  test('a bare number outside [-1, 1] is refused; 12%, 0.12, -0.5 and 1 are read', async () => {
    const baseDir = await tempDir({ 'p.csv': 'rate\n12%\n0.12\n-0.5\n1\n12\n1e3\n-1.5\n' });
    const { rows, stats } = await read(def, { baseDir });
    expect(rows).toEqual([[0.12], [0.12], [-0.5], [1]]);
    expect(stats.rejections.map(where)).toEqual([
      { code: 'row/invalid-percent', line: 6, column: 1 },
      { code: 'row/invalid-percent', line: 7, column: 1 },
      { code: 'row/invalid-percent', line: 8, column: 1 },
    ]);
    expect(stats.rejections.map((d) => d.message)).toEqual([
      "column 'rate' (field 1): '12' has no % sign and is not a fraction between -1 and 1: write 12% or 0.12 " +
        '(a percent column reads bare numbers as fractions, as GA4 writes rates). The row was left out.',
      "column 'rate' (field 1): '1e3' has no % sign and is not a fraction between -1 and 1: write 1e3% or 10 " +
        '(a percent column reads bare numbers as fractions, as GA4 writes rates). The row was left out.',
      "column 'rate' (field 1): '-1.5' has no % sign and is not a fraction between -1 and 1: write -1.5% or -0.015 " +
        '(a percent column reads bare numbers as fractions, as GA4 writes rates). The row was left out.',
    ]);
  });

  test('JSON numbers and decimal commas follow the same rule', async () => {
    const baseDir = await tempDir({ 'p.jsonl': '{"rate":0.25}\n{"rate":12.5}\n', 'c.csv': 'rate\n"0,5"\n"12,5"\n' });
    const json = await read(source('p.jsonl', [col('rate', 'percent')]), { baseDir });
    expect(json.rows).toEqual([[0.25]]);
    expect(json.stats.rejections[0]?.message).toContain("'12.5' has no % sign and is not a fraction between -1 and 1: write 12.5% or 0.125 ");
    const comma = await read(source('c.csv', [col('rate', 'percent', { decimal: ',' })]), { baseDir });
    expect(comma.rows).toEqual([[0.5]]);
    expect(comma.stats.rejections[0]?.message).toContain('write 12,5% or 0,125 ');
  });
});

describe('cell text in messages', () => {
  test('control characters are escaped and long text is cut to 60 characters', () => {
    expect(safeText('a\u001b[31mred\u0007\n\t\u007f\u009b\u202e')).toBe('a\\u001b[31mred\\u0007\\u000a\\u0009\\u007f\\u009b\\u202e');
    expect(safeText('x'.repeat(60))).toBe('x'.repeat(60));
    expect(safeText('x'.repeat(61))).toBe(`${'x'.repeat(60)}…`);
    // Cut by characters, not UTF-16 units, so an emoji is never split.
    expect(safeText('🎉'.repeat(61))).toBe(`${'🎉'.repeat(60)}…`);
  });

  test('a rejection quotes the cell safely', async () => {
    // ESC, `]0;pwned` and BEL are 10 characters: 50 of the 70 nines fit in the 60 shown.
    const cell = `\u001b]0;pwned\u0007${'9'.repeat(70)}`;
    const baseDir = await tempDir({ 'n.csv': `n\n"${cell}"\n` });
    const { stats } = await read(source('n.csv', [col('n', 'number')]), { baseDir });
    expect(stats.rejections[0]?.message).toBe(`column 'n' (field 1): '\\u001b]0;pwned\\u0007${'9'.repeat(50)}…' is not a number. The row was left out.`);
  });
});

describe('time range', () => {
  const def = source('t.csv', [col('id', 'integer', { min: 1 }), col('at', 'datetime')], { time: 'at' });
  const Q3 = { label: '2026-Q3', timezone: 'UTC', firstDay: '2026-07-01', lastDay: '2026-09-30', start: utc('2026-07-01T00:00:00Z'), end: utc('2026-10-01T00:00:00Z') };

  test('the earliest and latest time that could be read, in the period or not; rows outside it are not checked further', async () => {
    // 1783000000 s = 2026-07-02T13:46:40Z. Id 0 breaks min: 1, but its row lies in 1999, outside Q3:
    // it is counted outside the period, not rejected, and its time is in the range. Row 4 has no time.
    const baseDir = await tempDir({ 't.csv': 'id,at\n1,2026-08-01T00:00:00Z\n2,1783000000\n3,2027-01-05T10:00:00Z\n0,1999-01-01T00:00:00Z\n4,\n' });
    const { stats } = await read(def, { baseDir, period: Q3 });
    expect(stats).toMatchObject({ rowsInPeriod: 2, rowsOutsidePeriod: 2, rowsRejected: 1 });
    expect(stats.timeRange).toEqual({ first: utc('1999-01-01T00:00:00Z'), last: utc('2027-01-05T10:00:00Z') });
  });

  test('a row in the period is still checked; null without any time or without a time column', async () => {
    const baseDir = await tempDir({ 't.csv': 'id,at\n0,2026-08-01T00:00:00Z\n', 'u.csv': 'id,at\n1,2026-08-01T00:00:00Z\n', 'v.csv': 'id,at\n1,\n' });
    const inPeriod = await read(def, { baseDir, period: Q3 });
    expect(inPeriod.stats).toMatchObject({ rowsInPeriod: 0, rowsRejected: 1 });
    expect(inPeriod.stats.rejections.map(where)).toEqual([{ code: 'row/min', line: 2, column: 1 }]);
    // the row was rejected in the period: its time says nothing about the period, so no range
    expect(inPeriod.stats.timeRange).toBeNull();
    expect((await read(source('v.csv', def.columns, { time: 'at' }), { baseDir, period: Q3 })).stats.timeRange).toBeNull();
    const untimed = source('u.csv', [col('id', 'integer')]);
    expect((await read(untimed, { baseDir })).stats.timeRange).toBeNull();
  });
});

describe('a second table below the first (Universal Analytics)', () => {
  test('ends the rows at a blank line and a record of another width, with one notice', async () => {
    const def = source('second-table.csv', [col('page', 'string', { required: true }), col('sessions', 'integer')]);
    const { rows, stats } = await read(def);
    expect(rows).toEqual([
      ['/', 10],
      ['/a', 5],
    ]);
    expect(stats).toMatchObject({ rowsRead: 3, rowsRejected: 1 });
    expect(stats.notices.map(where)).toEqual([{ code: 'data/second-table', line: 6, column: 1 }]);
    expect(stats.notices[0]?.message).toContain('(the header has 3 fields)');
    expect(stats.notices[0]?.message).toContain('its 3 records were not read');
  });

  test('a short data row after a blank line is a rejected row, not the start of a second table', async () => {
    const baseDir = await tempDir({ 'o.csv': 'id,total,status\n1,10,paid\n\n2,5\n3,7,paid\n' });
    const def = source('o.csv', [col('id', 'integer'), col('total', 'integer'), col('status', 'string')]);
    const { rows, stats } = await read(def, { baseDir });
    expect(rows).toEqual([
      [1, 10, 'paid'],
      [3, 7, 'paid'],
    ]);
    expect(stats.rejections.map(where)).toEqual([{ code: 'row/field-count', line: 4, column: 1 }]);
    expect(stats.notices).toEqual([]);
  });

  test('a blank line inside one table changes nothing', async () => {
    const baseDir = await tempDir({ 'o.csv': 'id,total\n1,10\n\n2,5\n' });
    const { rows, stats } = await read(source('o.csv', [col('id', 'integer'), col('total', 'integer')]), { baseDir });
    expect(rows).toEqual([
      [1, 10],
      [2, 5],
    ]);
    expect(stats.notices).toEqual([]);
  });
});
