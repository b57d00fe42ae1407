/**
 * Timestamp text without a declared `format`: only layouts that cannot be
 * misread (ISO-8601 and its Shopify/Amplitude variants, Unix time).
 * Anything else, such as `12/1/11 8:26`, is refused rather than guessed.
 */
import { quoteCell } from './cell-text.js';
import { CellFailure } from './failure.js';
import { suggestFormats } from './format-hint.js';
import { parseIsoFast } from './iso-fast.js';
import { settle, type ParsedTime } from './parsed-time.js';

// 2026-07-03, 2026-07-03T14:05:11.123Z, 2026-07-03 14:05:11 +0200, 2024-03-01 09:07:00.123000
const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(?:\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?$/i;
const UNIX = /^-?\d+(?:\.\d+)?$/;
const YYYYMMDD = /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
// Below this a Unix number is seconds (year 5138), above it milliseconds.
const SECONDS_LIMIT = 1e11;

/** Which unit a Unix number is in: no export holds times before 1973 in ms or after 5138 in seconds. */
export function unixUnit(value: number): 'seconds' | 'milliseconds' {
  return Math.abs(value) < SECONDS_LIMIT ? 'seconds' : 'milliseconds';
}

function unixToEpoch(value: number): number {
  return unixUnit(value) === 'seconds' ? Math.round(value * 1000) : Math.round(value);
}

/** Milliseconds from fraction digits: `123000` -> 123, `5` -> 500 (finer digits are dropped). */
export function fractionToMs(digits: string): number {
  return Number(digits.slice(0, 3).padEnd(3, '0'));
}

export function parseIso(text: string): ParsedTime | null | CellFailure {
  const fast = parseIsoFast(text);
  if (fast !== undefined) return fast;
  return parseIsoByRegex(text);
}

/** Every ISO-8601 layout the reader accepts; parseIsoFast takes the common ones first. */
export function parseIsoByRegex(text: string): ParsedTime | null | CellFailure {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, year, month, day, hour, minute, second, fraction, offset] = m;
  const local = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: fraction ? fractionToMs(fraction) : 0,
  };
  return settle(text, local, offset);
}

/** ISO-8601 or Unix seconds/milliseconds; anything else asks for a `format`. */
export function parseTimestamp(text: string): ParsedTime | CellFailure {
  const iso = parseIso(text);
  if (iso) return iso;
  if (UNIX.test(text)) {
    if (YYYYMMDD.test(text)) {
      return new CellFailure(
        'row/ambiguous-date',
        `${quoteCell(text)} reads as a date (YYYYMMDD) or as Unix seconds in 1970, and is never guessed: set format: 'YYYYMMDD' or format: 'unix_s'`,
      );
    }
    return { kind: 'instant', epoch: unixToEpoch(Number(text)) };
  }
  return unknownLayout(text, suggestFormats(text));
}

function unknownLayout(text: string, formats: readonly string[]): CellFailure {
  if (formats.length === 0) {
    return new CellFailure(
      'row/invalid-date',
      `${quoteCell(text)} is not a date or time: write ISO-8601 (2026-07-03T14:05:11Z) or Unix time, ` +
        `or set the column's format to the layout the export uses, e.g. format: 'DD/MM/YYYY HH:mm'`,
    );
  }
  return new CellFailure(
    'row/ambiguous-date',
    `${quoteCell(text)} is not ISO-8601 or Unix time, and a layout like this is never guessed (day or month first?); ` +
      `set the column's format to the layout the export uses: ${formats.map((f) => `format: '${f}'`).join(' or ')}`,
  );
}
