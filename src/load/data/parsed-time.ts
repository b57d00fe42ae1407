/**
 * Date and time parts -> an instant or a wall-clock time, after checking
 * that they name a real time: shared by every timestamp reader.
 */
import { utcEpoch, type LocalDateTime } from '../../core/time.js';
import { quoteCell } from './cell-text.js';
import { CellFailure } from './failure.js';

/** An instant (the text carried an offset or was Unix time) or a wall-clock time to read in a zone. */
export type ParsedTime =
  | { readonly kind: 'instant'; readonly epoch: number }
  | { readonly kind: 'wall'; readonly local: LocalDateTime };

/** A UTC offset as written: `-04:30` is sign -1, 4 hours, 30 minutes. */
export interface UtcOffset {
  readonly sign: 1 | -1;
  readonly hours: number;
  readonly minutes: number;
}

/** `Z`: one object for every timestamp in UTC. */
const UTC: UtcOffset = { sign: 1, hours: 0, minutes: 0 };

/** Offset text (`Z`, `+02:00`, `-0400`, `+05`) as its parts. */
export function offsetParts(text: string): UtcOffset {
  if (/^(Z|UTC|GMT)$/i.test(text)) return UTC;
  const digits = text.slice(1).replace(':', '');
  return { sign: text.startsWith('-') ? -1 : 1, hours: Number(digits.slice(0, 2)), minutes: Number(digits.slice(2) || '0') };
}

// Zones in use run from -12:00 to +14:00 (Kiribati); a larger offset is a typo, not a place.
const LARGEST_OFFSET_MINUTES = 14 * 60;

/** Why the offset names no real zone, or null when it may. */
function checkOffset(offset: UtcOffset): string | null {
  // Every timestamp of a big export passes here: the text is made only for a bad offset.
  if (offset.minutes > 59) return `the UTC offset ${writtenOffset(offset)} has ${offset.minutes} minutes (0-59)`;
  if (offset.hours * 60 + offset.minutes > LARGEST_OFFSET_MINUTES) return `the UTC offset ${writtenOffset(offset)} is beyond ±14:00, the largest any time zone uses`;
  return null;
}

function writtenOffset(offset: UtcOffset): string {
  return `${offset.sign < 0 ? '-' : '+'}${String(offset.hours).padStart(2, '0')}:${String(offset.minutes).padStart(2, '0')}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why the parts name no real time, or null when they do. */
function checkRanges(t: LocalDateTime): string | null {
  if (t.month < 1 || t.month > 12) return `month ${t.month} does not exist`;
  const days = daysInMonth(t.year, t.month);
  if (t.day < 1 || t.day > days) return `${MONTHS[t.month - 1]} ${t.year} has ${days} days, not ${t.day}`;
  if (t.hour > 23) return `hour ${t.hour} does not exist (0-23)`;
  if (t.minute > 59) return `minute ${t.minute} does not exist (0-59)`;
  if (t.second > 59) return `second ${t.second} does not exist (0-59)`;
  return null;
}

/** Parts plus an optional offset text -> a ParsedTime, after checking the ranges. */
export function settle(text: string, local: LocalDateTime, offset: string | undefined): ParsedTime | CellFailure {
  return settleAt(text, local, offset === undefined ? undefined : offsetParts(offset));
}

/** Parts plus an optional UTC offset -> a ParsedTime, after checking the ranges. */
export function settleAt(text: string, local: LocalDateTime, offset: UtcOffset | undefined): ParsedTime | CellFailure {
  const problem = timeProblem(local, offset);
  if (problem) return new CellFailure('row/invalid-date', `${quoteCell(text)} is not a real date or time: ${problem}`);
  if (offset === undefined) return { kind: 'wall', local };
  return { kind: 'instant', epoch: instantOf(local, offset) };
}

/** Why the parts (and offset) name no real time, or null when they do. */
export function timeProblem(local: LocalDateTime, offset: UtcOffset | undefined): string | null {
  return checkRanges(local) ?? (offset === undefined ? null : checkOffset(offset));
}

/** The instant a wall-clock time names at a UTC offset. */
export function instantOf(local: LocalDateTime, offset: UtcOffset): number {
  const asUtc = utcEpoch(local.year, local.month, local.day, local.hour, local.minute, local.second, local.millisecond);
  return asUtc - offset.sign * (offset.hours * 60 + offset.minutes) * 60_000;
}
