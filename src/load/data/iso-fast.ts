/**
 * The ISO-8601 shapes that big exports write, read straight from character
 * codes: the general regex in timestamps.ts reads every layout but costs a
 * large share of a big file's time. Text in any other shape (one-digit
 * months, lower-case `z`, `UTC` suffixes) returns undefined and is left to
 * the regex, so both give the same result for every input.
 *   YYYY-MM-DD
 *   YYYY-MM-DD(T| )HH:MM[:SS[(.|,)fraction]][Z | ±HH[[:]MM] | space ±HH[[:]MM]]
 */
import type { CellFailure } from './failure.js';
import { settleAt, UTC, type ParsedTime, type UtcOffset } from './parsed-time.js';

const ZERO = 48;

function digitAt(text: string, at: number): number {
  const code = text.charCodeAt(at) - ZERO;
  return code >= 0 && code <= 9 ? code : -1;
}

/** Two digits at `at` as a number, or -1. */
function twoDigits(text: string, at: number): number {
  const tens = digitAt(text, at);
  const ones = digitAt(text, at + 1);
  return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
}

export function parseIsoFast(text: string): ParsedTime | CellFailure | undefined {
  const length = text.length;
  if (length < 10 || text[4] !== '-' || text[7] !== '-') return undefined;
  const century = twoDigits(text, 0);
  const yearInCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (century < 0 || yearInCentury < 0 || month < 0 || day < 0) return undefined;
  const local = { year: century * 100 + yearInCentury, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 };
  if (length === 10) return settleAt(text, local, undefined);
  const separator = text[10];
  if ((separator !== 'T' && separator !== ' ') || text[13] !== ':') return undefined;
  local.hour = twoDigits(text, 11);
  local.minute = twoDigits(text, 14);
  if (local.hour < 0 || local.minute < 0) return undefined;
  let at = 16;
  if (text[at] === ':') {
    local.second = twoDigits(text, at + 1);
    if (local.second < 0) return undefined;
    at += 3;
    if (text[at] === '.' || text[at] === ',') {
      const [millisecond, end] = fraction(text, at + 1);
      if (end === at + 1) return undefined;
      local.millisecond = millisecond;
      at = end;
    }
  }
  const offset = offsetFrom(text, at);
  return offset === undefined ? undefined : settleAt(text, local, offset === NO_OFFSET ? undefined : offset);
}

/** Milliseconds from the fraction digits starting at `from` (finer digits dropped), and where they end. */
function fraction(text: string, from: number): [number, number] {
  let millisecond = 0;
  let at = from;
  for (; digitAt(text, at) >= 0; at++) {
    if (at - from < 3) millisecond = millisecond * 10 + digitAt(text, at);
  }
  const digits = Math.min(at - from, 3);
  return [millisecond * 10 ** (3 - digits), at];
}

const NO_OFFSET = Symbol('no offset');

/** The UTC offset in the rest of the text, NO_OFFSET at its end, undefined for any other shape. */
function offsetFrom(text: string, start: number): UtcOffset | typeof NO_OFFSET | undefined {
  if (start === text.length) return NO_OFFSET;
  if (text[start] === 'Z') return start + 1 === text.length ? UTC : undefined;
  const at = text[start] === ' ' ? start + 1 : start;
  const sign = text[at] === '+' ? 1 : text[at] === '-' ? -1 : 0;
  const hours = twoDigits(text, at + 1);
  if (sign === 0 || hours < 0) return undefined;
  const rest = text.length - (at + 3);
  if (rest === 0) return { sign, hours, minutes: 0 };
  const minutesAt = text[at + 3] === ':' ? at + 4 : at + 3;
  const minutes = twoDigits(text, minutesAt);
  return minutes >= 0 && minutesAt + 2 === text.length ? { sign, hours, minutes } : undefined;
}
