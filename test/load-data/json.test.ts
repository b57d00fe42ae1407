import { describe, expect, test } from 'vitest';
import { col, read, readFailure, source, tempDir, utc, where } from './helpers.js';

describe('JSON arrays (Delighted)', () => {
  const def = source('delighted.json', [
    col('id', 'string'),
    col('score', 'integer', { max: 10 }),
    col('created', 'datetime', { from: 'created_at' }),
    col('comment', 'string'),
    col('country', 'string', { from: 'person_properties.Country' }),
  ]);

  test('elements of a pretty-printed array become rows; nested keys by dotted path; missing keys are null', async () => {
    const { rows, stats } = await read(def);
    expect(rows).toEqual([
      ['r-1', 9, utc('2024-03-01T09:07:00Z'), null, 'NO'],
      ['r-3', 7, utc('2024-03-03T09:07:00Z'), 'ok', 'FR'],
      ['r-4', 8, utc('2024-03-04T09:07:00Z'), null, null],
    ]);
    expect(stats).toMatchObject({ rowsRead: 5, rowsInPeriod: 3, rowsRejected: 2 });
  });

  test('rejections point at the line and column where the element starts', async () => {
    const { stats } = await read(def);
    expect(stats.rejections.map(where)).toEqual([
      { code: 'row/max', line: 9, column: 3 },
      { code: 'row/not-an-object', line: 17, column: 3 },
    ]);
    expect(stats.rejections[0]?.message).toBe("column 'score' (key 'score'): 11 is above the maximum 10. The row was left out.");
  });

  test('a document that is one object, not an array', async () => {
    const [diagnostic] = await readFailure(source('not-array.json', [col('id', 'integer')]));
    expect(where(diagnostic!)).toEqual({ code: 'data/json-not-array', line: 1, column: 1 });
    expect(diagnostic?.message).toContain('set format: jsonl');
  });

  test('a syntax error inside an element is located in the file', async () => {
    const [diagnostic] = await readFailure(source('broken.json', [col('id', 'integer')]));
    // `{"id": 2,}` starts at line 3 column 3; the offending `}` is 9 characters further.
    expect(where(diagnostic!)).toEqual({ code: 'data/json-syntax', line: 3, column: 12 });
  });

  test('a missing comma between elements, and a truncated file', async () => {
    expect(where((await readFailure(source('missing-comma.json', [col('a', 'integer')])))[0]!)).toEqual({ code: 'data/json-syntax', line: 1, column: 10 });
    const [truncated] = await readFailure(source('truncated.json', [col('a', 'integer')]));
    expect(truncated?.code).toBe('data/json-syntax');
    expect(truncated?.message).toContain('ends before its array is closed');
  });

  test('an empty array has no rows; top-level scalars are rejected rows', async () => {
    const baseDir = await tempDir({ 'empty.json': ' [ ] ', 'scalars.json': '[1, true, null, "x"]' });
    expect((await read(source('empty.json', [col('a', 'integer')]), { baseDir })).stats.rowsRead).toBe(0);
    const { stats } = await read(source('scalars.json', [col('a', 'integer')]), { baseDir });
    expect(stats).toMatchObject({ rowsRead: 4, rowsRejected: 4 });
    expect(stats.rejections[0]?.message).toBe('the record is a number, not an object with one key per field. The row was left out.');
  });

  test('from: <position> makes no sense for JSON', async () => {
    const [diagnostic] = await readFailure(source('delighted.json', [col('id', 'string', { from: 1 })]));
    expect(diagnostic).toMatchObject({ code: 'data/json-position', location: { file: 'journey.yml', line: 7 } });
  });
});

describe('JSON lines (Mixpanel)', () => {
  test('nested properties, blank lines skipped, CRLF tolerated, a literal dotted key wins over the path', async () => {
    const def = source('mixpanel.jsonl', [
      col('event', 'string'),
      col('time', 'datetime', { from: 'properties.time' }),
      col('user', 'string', { from: 'properties.distinct_id' }),
      col('amount', 'money', { from: 'properties.amount' }),
      col('note', 'string', { from: 'properties.note' }),
    ]);
    const { rows, stats } = await read(def);
    expect(rows).toEqual([
      ['Sign Up', utc('2024-03-01T09:07:00Z'), 'u1', null, null],
      ['Purchase', utc('2024-03-01T09:08:00Z'), 'u1', 49, 'line\nbreak 🎉'],
      ['Purchase', utc('2024-03-01T09:09:00Z'), 'u2', 12, null],
    ]);
    expect(stats.rowsRead).toBe(3);
  });

  test('a broken line is a rejected row at the error, and the lines after it are read', async () => {
    const { rows, stats } = await read(source('broken.jsonl', [col('a', 'integer')]));
    // Line 2 is `{"a":` with no newline after it: the input ends at column 6.
    expect(rows).toEqual([[1]]);
    expect(stats).toMatchObject({ rowsRead: 2, rowsRejected: 1 });
    expect(stats.rejections.map(where)).toEqual([{ code: 'row/json-syntax', line: 2, column: 6 }]);
    expect(stats.rejections[0]?.message).toBe(
      'the line is not valid JSON (Unexpected end of JSON input); fix it or export the file again. The row was left out.',
    );
    const baseDir = await tempDir({ 'e.jsonl': '{"a":1}\n{"a":1 "b":2}\n\n{"a":3}\n' });
    const second = await read(source('e.jsonl', [col('a', 'integer')]), { baseDir });
    expect(second.rows).toEqual([[1], [3]]);
    // V8 reports position 7 of the line: the `"` of "b" at column 8.
    expect(second.stats.rejections.map(where)).toEqual([{ code: 'row/json-syntax', line: 2, column: 8 }]);
    expect(second.stats.rejections[0]?.message).toContain("(Expected ',' or '}' after property value)");
  });

  test('an object where text is expected is a rejected row', async () => {
    const baseDir = await tempDir({ 'e.ndjson': '{"tags":["a","b"]}\n{"tags":"c"}\n' });
    const { rows, stats } = await read(source('e.ndjson', [col('tags', 'string')]), { baseDir });
    expect(rows).toEqual([['c']]);
    expect(stats.rejections.map(where)).toEqual([{ code: 'row/invalid-string', line: 1, column: 1 }]);
  });
});
