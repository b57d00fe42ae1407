import { describe, expect, test } from 'vitest';
import { col, read, readFailure, source, tempDir, utc, where } from './helpers.js';

describe('real-export CSV layouts', () => {
  test('BOM, LF after the header then CRLF rows, a quoted CRLF, blank trailing lines', async () => {
    const def = source('bom-crlf.csv', [
      col('id', 'string'),
      col('customer', 'string', { from: 'Customer' }),
      col('total', 'number', { from: 'Total' }),
      col('note', 'string', { from: 'Note' }),
    ]);
    const { rows, stats } = await read(def);
    expect(rows).toEqual([
      ['01103', 'Smith, Jo', 12.5, 'plain'],
      ['01104', 'Lee', 3, 'two\nlines, with "quotes"'],
    ]);
    expect(stats).toMatchObject({ files: ['test/fixtures/data/bom-crlf.csv'], rowsRead: 3, rowsInPeriod: 2, rowsOutsidePeriod: 0, rowsRejected: 1 });
    // The third record starts on line 5, after the record spanning lines 3-4; `01105,Kim,` puts Total at column 11.
    expect(stats.rejections.map(where)).toEqual([{ code: 'row/invalid-number', line: 5, column: 11 }]);
    expect(stats.rejections[0]?.message).toBe("column 'total' (field 3): 'abc' is not a number. The row was left out.");
  });

  test('a # preamble and a blank line before the header are skipped; # inside values survives (Universal Analytics)', async () => {
    const def = source('ga-landing-pages.csv', [
      col('page', 'string', { from: 'Landing Page' }),
      col('sessions', 'integer', { from: 'Sessions' }),
      col('bounce', 'percent', { from: 'Bounce Rate' }),
      col('duration', 'duration', { from: 'Avg. Session Duration' }),
      col('value', 'money', { from: 'Goal Value' }),
    ]);
    const { rows, stats } = await read(def);
    expect(rows).toEqual([
      ['/blog/how-to-size#chart', 1204, 0.125, 161, 1500],
      ['/pricing?ref=nav', 980, 0.4, 65, 0],
      [null, 2184, 0.248, 118, 1500],
    ]);
    expect(stats.rowsRead).toBe(3);
  });

  test('a header whose first column is literally # is a header, not a comment (Typeform)', async () => {
    const def = source('typeform.csv', [
      col('token', 'string', { from: '#' }),
      col('ease', 'integer', { from: 'How easy was it?' }),
      col('started', 'datetime', { from: 'Start Date (UTC)' }),
    ]);
    const { rows } = await read(def);
    expect(rows).toEqual([
      ['a1b2c3d4e5f60718293a4b5c6d7e8f90', 6, utc('2024-03-01T09:11:02Z')],
      ['0f1e2d3c4b5a69788796a5b4c3d2e1f0', 2, utc('2024-03-02T17:40:55Z')],
    ]);
  });

  test('a # line after the header is data', async () => {
    const baseDir = await tempDir({ 'hash.csv': 'tag,n\n#launch,1\n# spaced,2\n' });
    const { rows } = await read(source('hash.csv', [col('tag', 'string'), col('n', 'integer')]), { baseDir });
    expect(rows).toEqual([
      ['#launch', 1],
      ['# spaced', 2],
    ]);
  });

  test.each([
    ['semicolon.csv', [['A-1', 1234.56, 'Köln'], ['A-2', 7.5, 'Bonn; Rhein']], ','],
    ['tabs.tsv', [['A-1', 12.5, 'Lyon'], ['A-2', 3, 'Nice, France']], '.'],
    ['pipes.txt', [['A-1', 12.5, 'Oslo'], ['A-2', 3, 'Bergen, NO']], '.'],
  ] as const)('the delimiter of %s is detected from its header', async (file, expected, decimal) => {
    const def = source(file, [col('order', 'string'), col('amount', 'number', { decimal }), col('city', 'string')]);
    expect((await read(def)).rows).toEqual(expected);
  });

  test('a declared delimiter wins over detection', async () => {
    const baseDir = await tempDir({ 'd.csv': 'a,b;c\n1,2;3\n' });
    const { rows } = await read(source('d.csv', [col('c', 'integer'), col('ab', 'string', { from: 'a,b' })], { delimiter: ';' }), { baseDir });
    expect(rows).toEqual([[3, '1,2']]);
  });

  test('header_rows 3 skips the extra header records, even one with a quoted line break (Qualtrics)', async () => {
    const def = source(
      'qualtrics.csv',
      [
        col('id', 'string', { from: 'ResponseId' }),
        col('status', 'string', { from: 'Status' }),
        col('nps', 'integer', { from: 'Q1_NPS', max: 9 }),
        col('finished', 'boolean', { from: 'Finished' }),
      ],
      { headerRows: 3 },
    );
    const { rows, stats } = await read(def);
    expect(rows).toEqual([['R_1aB', 'IP Address', 9, true]]);
    expect(stats.rowsRead).toBe(2);
    // Header records take lines 1, 2-3 and 4; `R_2cD,Survey Preview,` puts Q1_NPS at column 22 of line 6.
    expect(stats.rejections.map(where)).toEqual([{ code: 'row/max', line: 6, column: 22 }]);
    expect(stats.rejections[0]?.message).toBe("column 'nps' (field 3): 10 is above the maximum 9. The row was left out.");
  });

  test('short records are rejected for the missing field; extra fields only when one holds text', async () => {
    const def = source('short-rows.csv', [col('id', 'integer'), col('name', 'string'), col('total', 'integer')]);
    const { rows, stats } = await read(def);
    // `3,Cy,7,,` only has trailing delimiters; `4,Di,5,extra,fields` was shifted by an unquoted comma.
    expect(rows).toEqual([
      [1, 'Ann', 10],
      [3, 'Cy', 7],
    ]);
    expect(stats).toMatchObject({ rowsRead: 4, rowsRejected: 2 });
    expect(stats.rejections.map(where)).toEqual([
      { code: 'row/field-count', line: 3, column: 1 },
      { code: 'row/field-count', line: 5, column: 8 },
    ]);
    expect(stats.rejections[0]?.message).toContain("column 'total' (field 3) is missing: the record has only 2 fields");
    expect(stats.rejections[1]?.message).toBe(
      "the record has 5 fields, the header 3: field 4 holds 'extra'. A value probably holds an unquoted ',' that shifted the fields after it; " +
        'quote that value in the file or export it again. The row was left out.',
    );
  });

  test('a single space is an empty cell, not 0 (Telco TotalCharges)', async () => {
    const baseDir = await tempDir({ 'telco.csv': 'customerID,TotalCharges\n7590-VHVEG,29.85\n4472-LVYGI, \n' });
    const { rows } = await read(source('telco.csv', [col('id', 'string', { from: 'customerID' }), col('charges', 'money', { from: 'TotalCharges' })]), { baseDir });
    expect(rows).toEqual([
      ['7590-VHVEG', 29.85],
      ['4472-LVYGI', null],
    ]);
  });
});

describe('header problems are file-level errors', () => {
  const freshdesk = (from: string | number) => source('freshdesk.csv', [col('id', 'integer', { from: 'Ticket ID' }), col('resolution', 'duration', { from })]);

  test('a header that appears twice names both positions and suggests from: <position>', async () => {
    const [diagnostic, ...others] = await readFailure(freshdesk('Resolution time (in hrs)'));
    expect(others).toEqual([]);
    // The second copy starts after "Ticket ID,Status,Resolution time (in hrs),First response time (in hrs)," (71 characters).
    expect(where(diagnostic!)).toEqual({ code: 'data/duplicate-column', line: 1, column: 72 });
    expect(diagnostic?.message).toContain("the header 'Resolution time (in hrs)' 2 times, at positions 3 and 5");
    expect(diagnostic?.message).toContain('from: 3 or from: 5');
  });

  test('a rejected cell is located by its position in the file, not its place in the declaration', async () => {
    const def = source('freshdesk.csv', [col('status', 'integer', { from: 'Status' }), col('id', 'integer', { from: 'Ticket ID' })]);
    const { stats } = await read(def);
    // `Resolved` is field 2 of line 2: after "101," at column 5.
    expect(stats.rejections.map(where)[0]).toEqual({ code: 'row/invalid-integer', line: 2, column: 5 });
    expect(stats.rejections[0]?.message).toContain("column 'status' (field 2): 'Resolved' is not a whole number");
  });

  test('from: <position> picks one of the duplicates', async () => {
    expect((await read(freshdesk(5))).rows).toEqual([
      [101, 171000],
      [102, 3600],
    ]);
    expect((await read(freshdesk(3))).rows).toEqual([
      [101, 172800],
      [102, 3909],
    ]);
  });

  test('a missing column lists the headers and the closest match', async () => {
    const [diagnostic] = await readFailure(freshdesk('Stauts'));
    expect(where(diagnostic!)).toEqual({ code: 'data/missing-column', line: 1, column: 1 });
    expect(diagnostic?.message).toContain(
      "test/fixtures/data/freshdesk.csv has no column 'Stauts', which column 'resolution' (declared at journey.yml:7) reads. " +
        "Its headers are: 'Ticket ID', 'Status', 'Resolution time (in hrs)', 'First response time (in hrs)', 'Resolution time (in hrs)'. " +
        "The closest is 'Status'",
    );
  });

  test('a position past the last field is a missing column', async () => {
    const [diagnostic] = await readFailure(freshdesk(9));
    expect(diagnostic?.code).toBe('data/missing-column');
    expect(diagnostic?.message).toContain('reads field 9, but the header of test/fixtures/data/freshdesk.csv has 5 fields');
  });

  test('header text differing only in case still matches', async () => {
    expect((await read(freshdesk('STATUS'))).stats.rowsRead).toBe(2);
  });

  test('a file with only a preamble has no header', async () => {
    const [diagnostic] = await readFailure(source('preamble-only.csv', [col('id', 'string')]));
    expect(diagnostic?.code).toBe('data/empty-file');
  });
});

describe('malformed quotes are errors naming the line', () => {
  test('text after a closing quote', async () => {
    const [diagnostic] = await readFailure(source('bad-quote.csv', [col('id', 'integer'), col('name', 'string')]));
    expect(where(diagnostic!)).toEqual({ code: 'data/csv-syntax', line: 3, column: 3 });
    expect(diagnostic?.message).toContain('a quoted value on line 3 has text right after its closing quote');
  });

  test('a quote never closed that meets a later quoted value: both lines named, the opening one as the place', async () => {
    const dir = await tempDir({ 'in.csv': 'id,name\n1,"Ann\n2,Bob\n3,"Cy"x\n' });
    const [diagnostic] = await readFailure(source('in.csv', [col('id', 'integer'), col('name', 'string')]), { baseDir: dir });
    expect(where(diagnostic!)).toEqual({ code: 'data/csv-syntax', line: 2, column: 3 });
    expect(diagnostic?.message).toContain(
      'a quoted value that opens on line 2 runs to line 4, where a quote is followed by text: the quote on line 2 is probably never closed.',
    );
  });

  test('a quote never closed points at the line where it opened', async () => {
    const [diagnostic] = await readFailure(source('unclosed-quote.csv', [col('id', 'integer'), col('name', 'string')]));
    expect(where(diagnostic!)).toEqual({ code: 'data/csv-syntax', line: 3, column: 3 });
    expect(diagnostic?.message).toContain('a quoted value starting on line 3 is never closed');
  });
});
