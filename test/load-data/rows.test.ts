import { describe, expect, test } from 'vitest';
import type { Period } from '../../src/core/period.js';
import { col, read, readFailure, source, tempDir, utc, where } from './helpers.js';

// Q3 2026 in Berlin (UTC+2 in summer): [2026-06-30T22:00Z, 2026-09-30T22:00Z).
const Q3: Period = {
  label: '2026-Q3',
  timezone: 'Europe/Berlin',
  firstDay: '2026-07-01',
  lastDay: '2026-09-30',
  start: utc('2026-06-30T22:00:00Z'),
  end: utc('2026-09-30T22:00:00Z'),
};

const ORDERS = [
  'id,status,total,created',
  '1,paid,10,2026-07-01 00:30', // 06-30T22:30Z: inside
  '2,paid,-3,2026-07-01 01:00', // below the minimum
  '3,unknown,5,2026-07-02 10:00', // not in the enum
  '4,paid,,2026-07-03 10:00', // required total missing
  '5,paid,7,', // no timestamp
  '6,refunded,8,2026-06-30 23:59', // 21:59Z: before the period
  '7,paid,9,2026-10-01 00:00', // 09-30T22:00Z: the exclusive end
  '8,paid,1,2026-09-30 23:59:59', // 21:59:59Z: inside
].join('\n');

const def = source(
  'orders.csv',
  [
    col('id', 'integer'),
    col('status', 'string', { enum: ['paid', 'refunded'] }),
    col('total', 'money', { min: 0, required: true }),
    col('created', 'datetime'),
  ],
  { time: 'created' },
);

describe('constraints and the period', () => {
  test('rows are typed, checked, placed in the period, and counted', async () => {
    const baseDir = await tempDir({ 'orders.csv': ORDERS });
    const { rows, stats } = await read(def, { baseDir, timezone: 'Europe/Berlin', period: Q3 });
    expect(rows).toEqual([
      [1, 'paid', 10, utc('2026-06-30T22:30:00Z')],
      [8, 'paid', 1, utc('2026-09-30T21:59:59Z')],
    ]);
    expect(stats).toMatchObject({ rowsRead: 8, rowsInPeriod: 2, rowsOutsidePeriod: 2, rowsRejected: 4 });
    expect(stats.rejections.map(where)).toEqual([
      { code: 'row/min', line: 3, column: 8 },
      { code: 'row/enum', line: 4, column: 3 },
      { code: 'row/required', line: 5, column: 8 },
      { code: 'row/no-time', line: 6, column: 10 },
    ]);
    expect(stats.rejections.map((d) => d.message)).toEqual([
      "column 'total' (field 3): -3 is below the minimum 0. The row was left out.",
      "column 'status' (field 2): 'unknown' is not one of 'paid', 'refunded'. The row was left out.",
      "column 'total' (field 3): is empty but the column is required. The row was left out.",
      "column 'created' (field 4): is empty: no timestamp, so the row cannot be placed in the period. The row was left out.",
    ]);
    expect(stats.rejections.every((d) => d.severity === 'warning')).toBe(true);
  });

  test('maxReported caps the descriptions, not the count', async () => {
    const baseDir = await tempDir({ 'orders.csv': ORDERS });
    const { stats } = await read(def, { baseDir, timezone: 'Europe/Berlin', period: Q3, maxReported: 2 });
    expect(stats.rowsRejected).toBe(4);
    expect(stats.rejections.map((d) => d.code)).toEqual(['row/min', 'row/enum']);
  });

  test('without a period every valid row is passed on', async () => {
    const baseDir = await tempDir({ 'orders.csv': ORDERS });
    const { rows, stats } = await read(def, { baseDir, timezone: 'Europe/Berlin', period: null });
    expect(rows.map((row) => row[0])).toEqual([1, 6, 7, 8]);
    expect(stats).toMatchObject({ rowsRead: 8, rowsInPeriod: 4, rowsOutsidePeriod: 0, rowsRejected: 4 });
  });

  test('pattern constraints and conversion failures quote the raw text', async () => {
    const baseDir = await tempDir({ 'p.csv': 'sku,when\nAB-1,2026-07-01\nab_2,2026-07-01\nAB-3,12/1/11 8:26\n' });
    const columns = [col('sku', 'string', { pattern: '^[A-Z]{2}-\\d+$' }), col('when', 'date')];
    const { rows, stats } = await read(source('p.csv', columns), { baseDir });
    expect(rows).toEqual([['AB-1', utc('2026-07-01T00:00:00Z')]]);
    expect(stats.rejections.map(where)).toEqual([
      { code: 'row/pattern', line: 3, column: 1 },
      { code: 'row/ambiguous-date', line: 4, column: 6 },
    ]);
    expect(stats.rejections[1]?.message).toContain("column 'when' (field 2): '12/1/11 8:26' is not ISO-8601 or Unix time");
  });

  test('strings keep leading zeros; trim and lowercase apply when asked', async () => {
    const baseDir = await tempDir({ 's.csv': 'zip,code\n01103, ABC \n' });
    const columns = [col('zip', 'string'), col('code', 'string', { trim: true, lowercase: true })];
    expect((await read(source('s.csv', columns), { baseDir })).rows).toEqual([['01103', 'abc']]);
  });

  test('an unusable format is a framework error at the column', async () => {
    const baseDir = await tempDir({ 'f.csv': 'when\n2026-07-01\n' });
    const [diagnostic] = await readFailure(source('f.csv', [col('when', 'datetime', { format: 'hh:mm' })]), { baseDir });
    expect(diagnostic).toMatchObject({ code: 'framework/column-format', location: { file: 'journey.yml', line: 7 } });
  });

  test('an enum that repeats a value is refused as JSON Schema refuses it, for every source read', async () => {
    const baseDir = await tempDir({ 'e.csv': 'status\npaid\n' });
    // The first read checks its schema against the meta-schema too; the second must not skip the check.
    expect((await read(source('e.csv', [col('status', 'string', { enum: ['paid', 'refunded'] })]), { baseDir })).rows).toEqual([['paid']]);
    const [diagnostic] = await readFailure(source('e.csv', [col('status', 'string', { enum: ['paid', 'paid'] })]), { baseDir });
    expect(diagnostic).toMatchObject({ code: 'framework/column-schema', location: { file: 'journey.yml', line: 3, column: 5 } });
    expect(diagnostic?.message).toBe(
      "source 'orders': a column constraint cannot be used (schema is invalid: data/items must be object,boolean, " +
        'data/items/0/enum must NOT have duplicate items (items ## 0 and 1 are identical), data/items must match a schema in anyOf); check its pattern',
    );
  });
});

describe('a value outside an enum that spaces or case put there', () => {
  test('says which column option reads it as allowed', async () => {
    const baseDir = await tempDir({ 'd.csv': 'device\nDesktop\n"mobile "\n" Tablet"\nfax\ndesktop\n' });
    const { rows, stats } = await read(source('d.csv', [col('device', 'string', { enum: ['desktop', 'mobile', 'tablet'] })]), { baseDir });
    expect(rows).toEqual([['desktop']]);
    expect(stats.rejections.map((d) => d.message)).toEqual([
      "column 'device' (field 1): 'Desktop' is not one of 'desktop', 'mobile', 'tablet': only its case differs; add lowercase: true to the column to read it as 'desktop'. The row was left out.",
      "column 'device' (field 1): 'mobile ' is not one of 'desktop', 'mobile', 'tablet': it has spaces around it; add trim: true to the column to read it as 'mobile'. The row was left out.",
      "column 'device' (field 1): ' Tablet' is not one of 'desktop', 'mobile', 'tablet': its case and the spaces around it differ; add lowercase: true and trim: true to the column to read it as 'tablet'. The row was left out.",
      "column 'device' (field 1): 'fax' is not one of 'desktop', 'mobile', 'tablet'. The row was left out.",
    ]);
  });
});

describe('columns the caller does not read', () => {
  const CSV = ['id,note,channel,amount', '1,hello,web,5', '2,,shop,6', '3,"short record"', '4,x,fax,7', '5,y,web,1.5,'].join('\n');
  const declared = source('pass.csv', [col('id', 'integer'), col('note', 'string'), col('channel', 'string', { enum: ['web', 'shop'] }), col('amount', 'number')]);

  test('arrive as null but are still checked: a short record, a value outside an enum', async () => {
    const baseDir = await tempDir({ 'pass.csv': CSV });
    const { rows, stats } = await read(declared, { baseDir, columns: new Set(['id', 'amount']) });
    expect(rows).toEqual([
      [1, null, null, 5],
      [2, null, null, 6],
      [5, null, null, 1.5],
    ]);
    // Record 3 lacks channel and amount; record 4's channel, unread, is outside the enum.
    expect(stats.rejections.map(where)).toEqual([
      { code: 'row/field-count', line: 4, column: 1 },
      { code: 'row/enum', line: 5, column: 5 },
    ]);
  });

  test('a record too short for an unread plain column is rejected as it is when the column is read', async () => {
    const baseDir = await tempDir({ 'short.csv': 'id,amount,note\n1,5\n2,6,ok\n' });
    const def = source('short.csv', [col('id', 'integer'), col('amount', 'number'), col('note', 'string')]);
    const unread = await read(def, { baseDir, columns: new Set(['id', 'amount']) });
    const all = await read(def, { baseDir });
    expect(unread.rows).toEqual([[2, 6, null]]);
    expect(unread.stats.rejections).toEqual(all.stats.rejections);
    expect(unread.stats.rejections.map(where)).toEqual([{ code: 'row/field-count', line: 2, column: 1 }]);
  });
});

describe('answer scales set by survey KPIs', () => {
  test('an answer off the scale, or not whole, is a rejected row with its own code; null passes', async () => {
    const scale = { min: 1, max: 5, by: "csat in KPI 'csat'" };
    const survey = source('survey.csv', [col('id', 'integer'), col('satisfaction', 'number', { scale })]);
    const baseDir = await tempDir({ 'survey.csv': 'id,satisfaction\n1,5\n2,6\n3,0\n4,\n5,4.5\n6,1\n' });
    const { rows, stats } = await read(survey, { baseDir });
    expect(rows).toEqual([[1, 5], [4, null], [6, 1]]);
    expect(stats).toMatchObject({ rowsRead: 6, rowsRejected: 3 });
    expect(stats.rejections.map(where)).toEqual([
      { code: 'row/off-scale', line: 3, column: 3 },
      { code: 'row/off-scale', line: 4, column: 3 },
      { code: 'row/off-scale', line: 6, column: 3 },
    ]);
    expect(stats.rejections[0]?.message).toBe(
      "column 'satisfaction' (field 2): 6 is off the answer scale 1..5 of csat in KPI 'csat': answers are whole numbers from 1 to 5. The row was left out.",
    );
  });
});
