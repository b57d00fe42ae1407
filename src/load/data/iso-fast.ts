/**
 * The ISO-8601 shapes that big exports write, read straight from bytes: the
 * general regex in timestamps.ts reads every layout but costs a large share
 * of a big file's time. A CSV field is read where it lies in the file's
 * buffer, with no string made; a text is copied into a small buffer first.
 * Any other shape (one-digit months, lower-case `z`, `UTC` suffixes,
 * surrounding spaces) is declined and left to the regex, so both give the
 * same result for every input.
 *   YYYY-MM-DD
 *   YYYY-MM-DD(T| )HH:MM[:SS[(.|,)fraction]][Z | ±HH[[:]MM] | space ±HH[[:]MM]]
 */
import type { LocalDateTime } from '../../core/time.js';
import { asciiBytes } from './ascii-bytes.js';
import type { CellFailure } from './failure.js';
import { settleAt, type ParsedTime, type UtcOffset } from './parsed-time.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What a timestamp's bytes say, refilled by each read: one object per column, none per row. */
export interface IsoParts extends Mutable<LocalDateTime> {
  /** Whether `offset` was written (a `Z` or ±HH[:MM]); without it the time is a wall-clock time. */
  hasOffset: boolean;
  readonly offset: Mutable<UtcOffset>;
}

export function newIsoParts(): IsoParts {
  return { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0, hasOffset: false, offset: { sign: 1, hours: 0, minutes: 0 } };
}

const ZERO = 48;
const DASH = 45;
const COLON = 58;
const SPACE = 32;
const PLUS = 43;
const DOT = 46;
const COMMA = 44;
const T = 84;
const Z = 90;

function digitAt(bytes: Uint8Array, at: number): number {
  const digit = (bytes[at] as number) - ZERO;
  return digit >= 0 && digit <= 9 ? digit : -1;
}

/** Two digits at `at` as a number, or -1 (also past the end: bytes[end] is any byte, which the shape checks never trust). */
function twoDigits(bytes: Uint8Array, at: number, end: number): number {
  if (at + 2 > end) return -1;
  // Unsigned, a byte below '0' is above 9 too: one test per digit, on the hot path of every timestamp.
  const tens = ((bytes[at] as number) - ZERO) >>> 0;
  const ones = ((bytes[at + 1] as number) - ZERO) >>> 0;
  return tens > 9 || ones > 9 ? -1 : tens * 10 + ones;
}

/** Reads `bytes[start, end)` into `parts`; false, with `parts` unspecified, for any other shape. Ranges are not checked here. */
export function readIsoParts(bytes: Uint8Array, start: number, end: number, parts: IsoParts): boolean {
  const length = end - start;
  if (length < 10 || bytes[start + 4] !== DASH || bytes[start + 7] !== DASH) return false;
  const century = twoDigits(bytes, start, end);
  const yearInCentury = twoDigits(bytes, start + 2, end);
  parts.month = twoDigits(bytes, start + 5, end);
  parts.day = twoDigits(bytes, start + 8, end);
  if (century < 0 || yearInCentury < 0 || parts.month < 0 || parts.day < 0) return false;
  parts.year = century * 100 + yearInCentury;
  parts.hour = parts.minute = parts.second = parts.millisecond = 0;
  parts.hasOffset = false;
  if (length === 10) return true;
  const separator = bytes[start + 10];
  if ((separator !== T && separator !== SPACE) || length < 16 || bytes[start + 13] !== COLON) return false;
  parts.hour = twoDigits(bytes, start + 11, end);
  parts.minute = twoDigits(bytes, start + 14, end);
  if (parts.hour < 0 || parts.minute < 0) return false;
  let at = start + 16;
  if (at < end && bytes[at] === COLON) {
    parts.second = twoDigits(bytes, at + 1, end);
    if (parts.second < 0) return false;
    at += 3;
    if (at < end && (bytes[at] === DOT || bytes[at] === COMMA)) {
      at = readFraction(bytes, at + 1, end, parts);
      if (at < 0) return false;
    }
  }
  return readOffset(bytes, at, end, parts);
}

/** Milliseconds from the fraction digits starting at `from` (finer digits dropped); where they end, or -1 when there are none. */
function readFraction(bytes: Uint8Array, from: number, end: number, parts: IsoParts): number {
  let millisecond = 0;
  let at = from;
  for (; at < end && digitAt(bytes, at) >= 0; at++) {
    if (at - from < 3) millisecond = millisecond * 10 + digitAt(bytes, at);
  }
  if (at === from) return -1;
  parts.millisecond = millisecond * 10 ** (3 - Math.min(at - from, 3));
  return at;
}

/** The UTC offset in the rest of the bytes, if any; false for any other shape. */
function readOffset(bytes: Uint8Array, start: number, end: number, parts: IsoParts): boolean {
  if (start === end) return true;
  const offset = parts.offset;
  parts.hasOffset = true;
  if (bytes[start] === Z) {
    offset.sign = 1;
    offset.hours = offset.minutes = 0;
    return start + 1 === end;
  }
  const at = bytes[start] === SPACE ? start + 1 : start;
  const sign = bytes[at] === PLUS ? 1 : bytes[at] === DASH ? -1 : 0;
  const hours = twoDigits(bytes, at + 1, end);
  if (sign === 0 || hours < 0) return false;
  offset.sign = sign;
  offset.hours = hours;
  offset.minutes = 0;
  if (at + 3 === end) return true;
  const minutesAt = bytes[at + 3] === COLON ? at + 4 : at + 3;
  offset.minutes = twoDigits(bytes, minutesAt, end);
  return offset.minutes >= 0 && minutesAt + 2 === end;
}

/** Longer texts are no shape read here. */
const LONGEST = 64;
/** Where the minutes and the seconds of `YYYY-MM-DDTHH:MM:SS…` are. */
const MINUTES_AT = 14;
const SECONDS_AT = 17;
const AFTER_SECONDS = 19;

/**
 * The last timestamp with an offset and whole seconds a column read, and
 * the instant at the start of its minute-hour: a file's rows come second
 * after second, so a timestamp that differs from it only in its minutes and
 * seconds is that instant plus them, with no date worked out. Every other
 * byte must match, its offset too, so the instant cannot differ.
 */
export class HourMemo {
  private readonly last = new Uint8Array(LONGEST);
  private length = -1;
  private hourStart = 0;

  /** The instant of `bytes[start, end)` if it is the last timestamp's hour, at a minute and second that exist; undefined otherwise. */
  instant(bytes: Uint8Array, start: number, end: number): number | undefined {
    const length = end - start;
    if (length !== this.length) return undefined;
    const last = this.last;
    for (let i = 0; i < length; i++) {
      if (i === MINUTES_AT) i = MINUTES_AT + 2;
      else if (i === SECONDS_AT) i = AFTER_SECONDS;
      if (i < length && bytes[start + i] !== last[i]) return undefined;
    }
    const minutes = twoDigits(bytes, start + MINUTES_AT, end);
    const seconds = twoDigits(bytes, start + SECONDS_AT, end);
    if (minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) return undefined;
    return this.hourStart + minutes * 60_000 + seconds * 1000;
  }

  /** Remembers a timestamp readIsoParts read into `parts` as `instant`, when it has an offset and whole seconds. */
  remember(bytes: Uint8Array, start: number, end: number, parts: IsoParts, instant: number): void {
    const length = end - start;
    const wholeSeconds = length >= AFTER_SECONDS && length <= LONGEST && bytes[start + 16] === COLON && bytes[start + AFTER_SECONDS] !== DOT && bytes[start + AFTER_SECONDS] !== COMMA;
    if (!parts.hasOffset || !wholeSeconds) return;
    this.last.set(bytes.subarray(start, end));
    this.length = length;
    this.hourStart = instant - parts.minute * 60_000 - parts.second * 1000;
  }
}

const textBytes = new Uint8Array(LONGEST);
const textParts = newIsoParts();

/** A text in one of the shapes above as a ParsedTime (or why it names no real time); undefined for any other shape. */
export function parseIsoFast(text: string): ParsedTime | CellFailure | undefined {
  const length = asciiBytes(text, textBytes);
  if (length < 0 || !readIsoParts(textBytes, 0, length, textParts)) return undefined;
  const { year, month, day, hour, minute, second, millisecond } = textParts;
  // A wall-clock time keeps its parts, so they are copied; the offset is only read.
  return settleAt(text, { year, month, day, hour, minute, second, millisecond }, textParts.hasOffset ? textParts.offset : undefined);
}
