/**
 * Timestamp text without a declared `format`: only layouts that cannot be
 * misread (ISO-8601 and its Shopify/Amplitude variants, Unix time).
 * Anything else, such as `12/1/11 8:26`, is refused rather than guessed.
 */
import { utcEpoch, type LocalDateTime } from '../../core/time.js';
import { quoteCell } from './cell-text.js';
import { CellFailure } from './failure.js';
import { suggestFormats } from './format-hint.js';

/** An instant (the text carried an offset or was Unix time) or a wall-clock time to read in a zone. */
export type ParsedTime =
  | { readonly kind: 'instant'; readonly epoch: number }
  | { readonly kind: 'wall'; readonly local: LocalDateTime };

// 2026-07-03, 2026-07-03T14:05:11.123Z, 2026-07-03 14:05:11 +0200, 2024-03-01 09:07:00.123000
const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(?:\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?$/i;
const UNIX = /^-?\d+(?:\.\d+)?$/;
const YYYYMMDD = /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
// Below this a Unix number is seconds (year 5138), above it milliseconds.
const SECONDS_LIMIT = 1e11;

export function unixToEpoch(value: number): number {
  return Math.abs(value) < SECONDS_LIMIT ? Math.round(value * 1000) : Math.round(value);
}

/** Offset text (`Z`, `+02:00`, `-0400`, `+05`) in minutes east of UTC. */
export function offsetMinutes(text: string): number {
  if (/^(Z|UTC|GMT)$/i.test(text)) return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

/** Milliseconds from fraction digits: `123000` -> 123, `5` -> 500 (finer digits are dropped). */
export function fractionToMs(digits: string): number {
  return Number(digits.slice(0, 3).padEnd(3, '0'));
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why the parts name no real time, or null when they do. */
export function checkRanges(t: LocalDateTime): string | null {
  if (t.month < 1 || t.month > 12) return `month ${t.month} does not exist`;
  const days = daysInMonth(t.year, t.month);
  if (t.day < 1 || t.day > days) return `${MONTHS[t.month - 1]} ${t.year} has ${days} days, not ${t.day}`;
  if (t.hour > 23) return `hour ${t.hour} does not exist (0-23)`;
  if (t.minute > 59) return `minute ${t.minute} does not exist (0-59)`;
  if (t.second > 59) return `second ${t.second} does not exist (0-59)`;
  return null;
}

/** Parts plus an optional offset -> a ParsedTime, after checking the ranges. */
export function settle(text: string, local: LocalDateTime, offset: string | undefined): ParsedTime | CellFailure {
  const problem = checkRanges(local);
  if (problem) return new CellFailure('row/invalid-date', `${quoteCell(text)} is not a real date or time: ${problem}`);
  if (offset === undefined) return { kind: 'wall', local };
  const asUtc = utcEpoch(local.year, local.month, local.day, local.hour, local.minute, local.second, local.millisecond);
  return { kind: 'instant', epoch: asUtc - offsetMinutes(offset) * 60_000 };
}

export function parseIso(text: string): ParsedTime | null | CellFailure {
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
    if (YYYYMMDD.test(text)) return unknownLayout(text, ['YYYYMMDD', 'unix_s']);
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
