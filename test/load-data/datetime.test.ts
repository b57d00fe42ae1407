import { describe, expect, test } from 'vitest';
import type { ColumnDef } from '../../src/core/framework.js';
import { compileConverter, type Converter } from '../../src/load/data/convert.js';
import { CellFailure } from '../../src/load/data/failure.js';
import { suggestFormats } from '../../src/load/data/format-hint.js';
import { col, utc } from './helpers.js';

function converter(column: ColumnDef, zone = 'UTC'): Converter {
  const compiled = compileConverter(column, zone);
  if (typeof compiled === 'string') throw new Error(compiled);
  return compiled;
}

const at = converter(col('t', 'datetime'));

describe('datetime without a format', () => {
  test.each([
    ['2026-07-03T14:05:11Z', '2026-07-03T14:05:11Z'],
    ['2026-07-03T14:05:11+02:00', '2026-07-03T12:05:11Z'],
    ['2026-07-03T14:05:11.123Z', '2026-07-03T14:05:11.123Z'],
    // Amplitude: microseconds, UTC without a marker (the framework zone here is UTC).
    ['2024-03-01 09:07:00.123000', '2024-03-01T09:07:00.123Z'],
    // Shopify
    ['2024-03-01 09:15:02 -0500', '2024-03-01T14:15:02Z'],
    ['2026-07-03 14:05:11 +0200', '2026-07-03T12:05:11Z'],
    ['2026-07-03 14:05', '2026-07-03T14:05:00Z'],
    ['2026-07-03', '2026-07-03T00:00:00Z'],
    // Unix seconds (Delighted, Mixpanel) and milliseconds (Retailrocket)
    ['1709284020', '2024-03-01T09:07:00Z'],
    ['1709284020123', '2024-03-01T09:07:00.123Z'],
  ])('%j -> %s', (text, iso) => expect(at(text)).toBe(utc(iso)));

  test('JSON numbers are Unix seconds below 1e11, milliseconds above', () => {
    expect(at(1709284020)).toBe(utc('2024-03-01T09:07:00Z'));
    expect(at(1709284020123)).toBe(utc('2024-03-01T09:07:00.123Z'));
  });

  test('empty cells are null', () => {
    expect(at('')).toBeNull();
    expect(at('  ')).toBeNull();
    expect(at(null)).toBeNull();
    expect(at(undefined)).toBeNull();
  });

  test('an ambiguous layout is refused with the formats to choose from', () => {
    const failure = at('12/1/11 8:26') as CellFailure;
    expect(failure).toBeInstanceOf(CellFailure);
    expect(failure.code).toBe('row/ambiguous-date');
    expect(failure.message).toContain("format: 'M/D/YY H:mm' or format: 'D/M/YY H:mm'");
  });

  test('text that is no date at all is invalid, not ambiguous', () => {
    const failure = at('s8') as CellFailure;
    expect(failure.code).toBe('row/invalid-date');
    expect(failure.message).toContain("'s8' is not a date or time");
  });

  test('an 8-digit YYYYMMDD is not taken for Unix seconds in 1970', () => {
    const failure = at('20240301') as CellFailure;
    expect(failure.code).toBe('row/ambiguous-date');
    expect(failure.message).toBe("'20240301' reads as a date (YYYYMMDD) or as Unix seconds in 1970, and is never guessed: set format: 'YYYYMMDD' or format: 'unix_s'");
  });

  test('impossible dates', () => {
    expect((at('2026-13-01') as CellFailure).code).toBe('row/invalid-date');
    expect((at('2026-02-30') as CellFailure).message).toContain('February 2026 has 28 days, not 30');
    expect(at('2024-02-29')).toBe(utc('2024-02-29T00:00:00Z'));
  });

  test('offsets beyond ±14:00 or with more than 59 minutes are refused, by the fast reader and the regex one alike', () => {
    // +25:00 would put 10:00 on March 2 at 09:00Z on March 1
    expect(at('2026-03-02T10:00:00+25:00')).toEqual(
      new CellFailure('row/invalid-date', "'2026-03-02T10:00:00+25:00' is not a real date or time: the UTC offset +25:00 is beyond ±14:00, the largest any time zone uses"),
    );
    expect(at('2026-03-02 10:00 -1401')).toEqual(
      new CellFailure('row/invalid-date', "'2026-03-02 10:00 -1401' is not a real date or time: the UTC offset -14:01 is beyond ±14:00, the largest any time zone uses"),
    );
    expect(at('2026-03-02T10:00:00+05:75')).toEqual(
      new CellFailure('row/invalid-date', "'2026-03-02T10:00:00+05:75' is not a real date or time: the UTC offset +05:75 has 75 minutes (0-59)"),
    );
    // the regex path (one-digit hour) and a declared format say the same
    expect((at('2026-03-02T9:00+25:00') as CellFailure).message).toContain('the UTC offset +25:00 is beyond ±14:00');
    expect((converter(col('t', 'datetime', { format: 'YYYY-MM-DD HH:mm Z' }))('2026-03-02 10:00 +2500') as CellFailure).code).toBe('row/invalid-date');
    // the extremes real zones use still read: Kiribati +14:00, Baker Island -12:00
    expect(at('2026-03-02T10:00:00+14:00')).toBe(utc('2026-03-01T20:00:00Z'));
    expect(at('2026-03-02T10:00:00-12:00')).toBe(utc('2026-03-02T22:00:00Z'));
  });
});

describe('a non-UTC zone', () => {
  const berlin = converter(col('t', 'datetime'), 'Europe/Berlin');

  test('a wall time in summer is two hours ahead of UTC, also across midnight', () => {
    expect(berlin('2026-07-01 00:30')).toBe(utc('2026-06-30T22:30:00Z'));
    expect(berlin('2026-01-01 00:30')).toBe(utc('2025-12-31T23:30:00Z'));
  });

  test('an explicit offset wins over the zone', () => {
    expect(berlin('2026-07-01T00:30:00Z')).toBe(utc('2026-07-01T00:30:00Z'));
  });

  test("a column's own timezone wins over the framework's", () => {
    const newYork = converter(col('t', 'datetime', { timezone: 'America/New_York' }), 'Europe/Berlin');
    expect(newYork('2026-07-01 00:30')).toBe(utc('2026-07-01T04:30:00Z'));
  });

  test('the spring-forward gap moves forward (02:30 does not exist on 2026-03-29)', () => {
    expect(berlin('2026-03-29 02:30')).toBe(utc('2026-03-29T01:30:00Z'));
    expect(berlin('2026-03-29 03:30')).toBe(utc('2026-03-29T01:30:00Z'));
  });

  test('cached offsets stay right on both sides of a change (fall back on 2026-10-25 at 03:00 CEST)', () => {
    expect(berlin('2026-10-25 01:59')).toBe(utc('2026-10-24T23:59:00Z'));
    expect(berlin('2026-10-25 04:00')).toBe(utc('2026-10-25T03:00:00Z'));
    expect(berlin('2026-10-25 01:59')).toBe(utc('2026-10-24T23:59:00Z'));
  });

  test('date columns hold local midnight; an instant is first placed on the local calendar', () => {
    const day = converter(col('d', 'date'), 'Europe/Berlin');
    expect(day('2026-07-01')).toBe(utc('2026-06-30T22:00:00Z'));
    expect(day('2026-07-01 18:45')).toBe(utc('2026-06-30T22:00:00Z'));
    // 23:30 UTC on June 30 is already July 1 in Berlin.
    expect(day('2026-06-30T23:30:00Z')).toBe(utc('2026-06-30T22:00:00Z'));
  });
});

describe('declared formats', () => {
  test('M/D/YY H:mm (UCI Online Retail)', () => {
    const read = converter(col('t', 'datetime', { format: 'M/D/YY H:mm' }));
    expect(read('12/1/10 8:26')).toBe(utc('2010-12-01T08:26:00Z'));
    expect(read('1/12/11 17:05')).toBe(utc('2011-01-12T17:05:00Z'));
  });

  test('DD/MM/YYYY H:mm reads unpadded spreadsheet values (Olist re-saved)', () => {
    const read = converter(col('t', 'datetime', { format: 'DD/MM/YYYY H:mm' }));
    expect(read('02/10/2017 10:56')).toBe(utc('2017-10-02T10:56:00Z'));
    expect(read('2/1/2018 0:00')).toBe(utc('2018-01-02T00:00:00Z'));
    expect((read('13/13/2018 0:00') as CellFailure).message).toContain('month 13 does not exist');
  });

  test('MM/DD/YYYY hh:mm:ss A (SurveyMonkey)', () => {
    const read = converter(col('t', 'datetime', { format: 'MM/DD/YYYY hh:mm:ss A' }));
    expect(read('03/04/2024 12:30:00 PM')).toBe(utc('2024-03-04T12:30:00Z'));
    expect(read('03/04/2024 12:30:00 AM')).toBe(utc('2024-03-04T00:30:00Z'));
    expect(read('03/04/2024 01:05:09 pm')).toBe(utc('2024-03-04T13:05:09Z'));
    expect((read('03/04/2024 13:05:09 PM') as CellFailure).code).toBe('row/invalid-date');
  });

  test('offsets, fractions and compact layouts', () => {
    expect(converter(col('t', 'datetime', { format: 'YYYY-MM-DD HH:mm:ss.SSS Z' }))('2024-03-01 09:07:00.5 +05:30')).toBe(
      utc('2024-03-01T03:37:00.500Z'),
    );
    expect(converter(col('t', 'date', { format: 'YYYYMMDD' }))('20240301')).toBe(utc('2024-03-01T00:00:00Z'));
  });

  test('unix_s, unix_ms and iso', () => {
    expect(converter(col('t', 'datetime', { format: 'unix_s' }))('20240301')).toBe(20240301000);
    expect(converter(col('t', 'datetime', { format: 'unix_ms' }))(1709284020123)).toBe(1709284020123);
    // a value in the other unit would land in 1970 or in the year 58000: refused
    expect((converter(col('t', 'datetime', { format: 'unix_ms' }))(1709284020) as CellFailure).message).toBe(
      "'1709284020' looks like Unix seconds, not milliseconds: set format: unix_s",
    );
    expect((converter(col('t', 'datetime', { format: 'unix_s' }))('1709284020123') as CellFailure).message).toBe(
      "'1709284020123' looks like Unix milliseconds, not seconds: set format: unix_ms",
    );
    // a JSON number without a format is read as its text: 20260701 is as ambiguous as '20260701'
    expect((converter(col('t', 'datetime'))(20260701) as CellFailure).code).toBe('row/ambiguous-date');
    expect(converter(col('t', 'datetime'))(1709284020)).toBe(1709284020000);
    const iso = converter(col('t', 'datetime', { format: 'iso' }));
    expect(iso('2026-07-03T14:05:11Z')).toBe(utc('2026-07-03T14:05:11Z'));
    expect((iso('1709284020') as CellFailure).code).toBe('row/invalid-date');
  });

  test('text that does not match the format is refused', () => {
    const failure = converter(col('t', 'datetime', { format: 'D/M/YYYY' }))('2024-03-01') as CellFailure;
    expect(failure.message).toBe("'2024-03-01' does not match the column's format 'D/M/YYYY'");
  });

  test('a format without a day, or a 12-hour clock without AM/PM, cannot be compiled', () => {
    expect(compileConverter(col('t', 'datetime', { format: 'YYYY-MM' }), 'UTC')).toContain('needs a year');
    expect(compileConverter(col('t', 'datetime', { format: 'YYYY-MM-DD hh:mm' }), 'UTC')).toContain('12-hour clocks');
  });
});

test('format suggestions follow the text', () => {
  expect(suggestFormats('12/1/11 8:26')).toEqual(['M/D/YY H:mm', 'D/M/YY H:mm']);
  expect(suggestFormats('25/12/2017 10:56')).toEqual(['DD/MM/YYYY HH:mm']);
  expect(suggestFormats('03/14/2024 12:30:00 PM')).toEqual(['MM/DD/YYYY hh:mm:ss A']);
  expect(suggestFormats('March 3')).toEqual([]);
});
