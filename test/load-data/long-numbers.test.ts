import { describe, expect, test } from 'vitest';
import { quoteLongNumbers } from '../../src/load/data/json-strings.js';
import { col, read, source, tempDir, where } from './helpers.js';

describe('quoteLongNumbers', () => {
  test('numbers of more than 15 significant digits become strings, outside strings only', () => {
    expect(quoteLongNumbers('{"id":12345678901234567890123,"n":123456789012345}')).toBe('{"id":"12345678901234567890123","n":123456789012345}');
    expect(quoteLongNumbers('[-9007199254740993, 0.30000000000000004, 1.2345678901234567e5]')).toBe(
      '["-9007199254740993", "0.30000000000000004", "1.2345678901234567e5"]',
    );
    // Leading zeros are not significant: 0.000000000000001 has 1 significant digit.
    expect(quoteLongNumbers('[0.000000000000001]')).toBe('[0.000000000000001]');
    // Digits inside a string, escaped quotes included, are left alone.
    expect(quoteLongNumbers('{"s":"a\\" 12345678901234567890","t":1234567890123456}')).toBe('{"s":"a\\" 12345678901234567890","t":"1234567890123456"}');
    // A number where a key belongs is left for JSON.parse to refuse.
    expect(quoteLongNumbers('{12345678901234567890 : 1}')).toBe('{12345678901234567890 : 1}');
  });
});

describe('long JSON ids keep their digits', () => {
  // 9007199254740993 = 2^53 + 1 and ...0123/...0124 all collide as doubles.
  const LINES = [
    '{"id":12345678901234567890123,"amount":12345678901234567890123}',
    '{"id":12345678901234567890124,"amount":1}',
    '{"id":9007199254740993,"amount":2.5}',
    '{"id":9007199254740992,"amount":0.30000000000000004}',
    '{"id":"quoted 12345678901234567890","amount":3}',
  ].join('\n');

  test('JSON lines: a string column gets the exact text; a number column the nearest double', async () => {
    const baseDir = await tempDir({ 'e.jsonl': LINES });
    const { rows } = await read(source('e.jsonl', [col('id', 'string'), col('amount', 'number')]), { baseDir });
    expect(rows).toEqual([
      ['12345678901234567890123', 1.2345678901234568e22],
      ['12345678901234567890124', 1],
      ['9007199254740993', 2.5],
      ['9007199254740992', 0.30000000000000004],
      ['quoted 12345678901234567890', 3],
    ]);
    expect(new Set(rows.map((row) => row[0])).size).toBe(5);
  });

  test('JSON arrays too; an integer column refuses a whole number a double cannot hold', async () => {
    const baseDir = await tempDir({ 'e.json': `[\n${LINES.split('\n').slice(0, 3).join(',\n')}\n]` });
    const { rows, stats } = await read(source('e.json', [col('id', 'string'), col('amount', 'integer')]), { baseDir });
    expect(rows).toEqual([['12345678901234567890124', 1]]);
    expect(stats.rejections.map(where)).toEqual([
      { code: 'row/invalid-integer', line: 2, column: 1 },
      { code: 'row/invalid-integer', line: 4, column: 1 },
    ]);
    expect(stats.rejections[0]?.message).toBe(
      "column 'amount' (key 'amount'): '12345678901234567890123' is too large for an integer column, whose digits must stay exact: " +
        'declare the column as type: string if it is an id, or as type: number. The row was left out.',
    );
    expect(stats.rejections[1]?.message).toContain("'2.5' is not a whole number");
  });

  test('a JSON number beyond a double (1e400, read as Infinity) rejects its row as too large, not as a type error', async () => {
    const baseDir = await tempDir({ 'e.jsonl': '{"amount":1e400}\n{"amount":-1e400}\n{"amount":5}\n' });
    const { rows, stats } = await read(source('e.jsonl', [col('amount', 'number')]), { baseDir });
    expect(rows).toEqual([[5]]);
    expect(stats.rejections.map(where)).toEqual([
      { code: 'row/invalid-number', line: 1, column: 1 },
      { code: 'row/invalid-number', line: 2, column: 1 },
    ]);
    expect(stats.rejections[0]?.message).toBe(
      "column 'amount' (key 'amount'): holds a JSON number too large for a double (beyond ±1.8e308): " +
        'fix the export, or declare the column as type: string if it is an id. The row was left out.',
    );
  });

  test('a syntax error after a quoted number is still placed in the text as written', async () => {
    const baseDir = await tempDir({ 'e.jsonl': '{"id":12345678901234567890123 "x":1}\n' });
    const { stats } = await read(source('e.jsonl', [col('id', 'string')]), { baseDir });
    // V8 reports position 30 of the unquoted line: the `"` of "x", column 31.
    expect(stats.rejections.map(where)).toEqual([{ code: 'row/json-syntax', line: 1, column: 31 }]);
  });
});
