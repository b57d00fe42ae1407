/**
 * A CSV field's bytes are read where they lie in the file's buffer
 * (convert.ts compileByteConverter): they must give what the field's text
 * gives the column's converter, read nothing past the field's end, and
 * decline (undefined) whatever the text path must judge.
 */
import { describe, expect, it, test } from 'vitest';
import type { ColumnDef } from '../../src/core/framework.js';
import { compileByteConverter, compileConverter, type Converter } from '../../src/load/data/convert.js';
import { plainNumber } from '../../src/load/data/numbers.js';
import { CellFailure } from '../../src/load/data/failure.js';
import { pick, random, randomTimestamp } from './fast-csv-helpers.js';

const column = (type: ColumnDef['type'], more: Partial<ColumnDef> = {}) => ({ name: 'c', type, ...more }) as ColumnDef;

/** The field's text between neighbours that would change its reading if the reader went past it. */
function inBuffer(text: string, after: string): [Buffer, number, number] {
  const bytes = Buffer.from(`9,${text}${after}`, 'latin1');
  return [bytes, 2, 2 + text.length];
}

function textValue(def: ColumnDef, text: string): unknown {
  const value = (compileConverter(def, 'America/New_York') as Converter)(text);
  return value instanceof CellFailure ? 'failure' : value;
}

describe('timestamps from bytes', () => {
  it('agree with the text converter on 20,000 random timestamps, whatever follows the field', () => {
    const next = random(11);
    let taken = 0;
    for (const def of [column('datetime'), column('date'), column('datetime', { timezone: 'Asia/Kolkata' })]) {
      const fromBytes = compileByteConverter(def, 'America/New_York');
      for (let i = 0; i < 7_000; i++) {
        const text = randomTimestamp(next);
        const value = fromBytes?.(...inBuffer(text, pick(next, ['', ':30Z', '+02:00', '.5', '5', ' UTC', ',x'])));
        if (value === undefined) continue;
        taken++;
        expect(value, text).toBe(textValue(def, text));
      }
    }
    expect(taken).toBeGreaterThan(3_000);
  });

  it('agree with the text converter on runs of timestamps of one hour, as files have them, read by one converter in turn', () => {
    const next = random(23);
    const two = () => String(Math.floor(next() * 100)).padStart(2, '0');
    let remembered = 0;
    for (const def of [column('datetime'), column('date')]) {
      const fromBytes = compileByteConverter(def, 'America/New_York');
      for (let run = 0; run < 400; run++) {
        const hour = pick(next, ['2026-07-03T14', '2026-07-03 23', '2024-02-29T00', '2026-02-30T10', '2026-07-03T24', randomTimestamp(next).slice(0, 13)]);
        const tail = pick(next, ['Z', '+02:00', ' -0400', '', '.250Z', ',5Z', 'z', '+05:75']);
        for (let i = 0; i < 10; i++) {
          // Minutes and seconds from 00 to 99, some of which do not exist; now and then a field of another length.
          const text = `${hour}:${two()}:${next() < 0.1 ? two().slice(1) : two()}${tail}`;
          const value = fromBytes?.(...inBuffer(text, pick(next, ['', ',x', '5'])));
          if (value === undefined) continue;
          remembered++;
          expect(value, text).toBe(textValue(def, text));
        }
      }
    }
    expect(remembered).toBeGreaterThan(800);
  });

  it('reads the shapes big exports write, in the column zone when they carry no offset', () => {
    const read = compileByteConverter(column('datetime'), 'America/New_York');
    expect(read?.(...inBuffer('2026-07-03T14:05:11Z', ','))).toBe(Date.UTC(2026, 6, 3, 14, 5, 11));
    expect(read?.(...inBuffer('2026-07-03 14:05:11 -0400', ','))).toBe(Date.UTC(2026, 6, 3, 18, 5, 11));
    // New York is 4 hours behind UTC in July.
    expect(read?.(...inBuffer('2026-07-03 14:05', ':59Z'))).toBe(Date.UTC(2026, 6, 3, 18, 5));
    const date = compileByteConverter(column('date'), 'America/New_York');
    expect(date?.(...inBuffer('2026-07-03', 'T23:00:00Z'))).toBe(Date.UTC(2026, 6, 3, 4));
  });

  it('leaves what the text converter must judge or explain to it', () => {
    const read = compileByteConverter(column('datetime'), 'UTC');
    for (const text of ['', ' 2026-07-03', '2026-07-03 ', '2026-02-30', '2026-07-03T24:00', '2026-07-03T14:05+15:00', '2026-07-03T14:05z', '1783087200']) {
      expect(read?.(...inBuffer(text, '')), text).toBeUndefined();
    }
    expect(compileByteConverter(column('datetime', { format: 'YYYY-MM-DD' }), 'UTC')).toBeUndefined();
  });
});

describe('plain numbers from bytes', () => {
  test.each([
    ['42', 42],
    ['007', 7],
    ['34.95', 34.95],
    ['0.1', 0.1],
    ['123456789012345', 123456789012345],
    ['1234567890.12345', 1234567890.12345],
  ])('%j -> %j, as Number() reads it', (text, expected) => {
    expect(plainNumber(...inBuffer(text, '9'), true)).toBe(expected);
    expect(expected).toBe(Number(text));
  });

  test.each(['', '-3', '+7', '.5', '5.', '1.2.3', '1e3', '1,234', ' 42', '1234567890123456', '0x10'])('%j is left to the full parser', (text) =>
    expect(plainNumber(...inBuffer(text, '9'), true)).toBeUndefined(),
  );

  it('reads no decimal point where the column writes decimal commas', () => {
    expect(plainNumber(...inBuffer('1.234', ''), false)).toBeUndefined();
    expect(plainNumber(...inBuffer('1234', ''), false)).toBe(1234);
  });

  it('agrees with each number column type on 20,000 random cells', () => {
    const next = random(5);
    const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(next() * 10))).join('');
    const defs = [column('number'), column('integer'), column('money'), column('duration'), column('number', { decimal: ',' }), column('integer', { decimal: ',' })];
    let taken = 0;
    for (let i = 0; i < 20_000; i++) {
      const def = pick(next, defs);
      const text = `${pick(next, ['', '', '-', ' '])}${digits(Math.floor(next() * 18))}${pick(next, ['', '', '.', ','])}${digits(Math.floor(next() * 4))}`;
      const value = compileByteConverter(def, 'UTC')?.(...inBuffer(text, pick(next, ['', '5', '.5', ',1'])));
      if (value === undefined) continue;
      taken++;
      expect(value, `${def.type} ${def.decimal ?? '.'} ${text}`).toBe(textValue(def, text));
    }
    expect(taken).toBeGreaterThan(3_000);
  });
});
