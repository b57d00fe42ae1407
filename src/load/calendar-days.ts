/** Calendar days without a zone: the arithmetic periods, comparisons and trend buckets share. */
import { utcEpoch } from '../core/time.js';

/** A calendar day; months 1..12. */
export interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface Days {
  readonly first: Day;
  readonly last: Day;
}

export const two = (n: number): string => String(n).padStart(2, '0');

export function epochOf(day: Day): number {
  return utcEpoch(day.year, day.month, day.day);
}

/** 0 for Monday to 6 for Sunday. */
export function weekdayOf(day: Day): number {
  return (new Date(epochOf(day)).getUTCDay() + 6) % 7;
}

/** 53 when the year's week 1 Monday plus 52 weeks still holds a Thursday of the year, else 52. */
export function isoWeeksIn(year: number): number {
  const january4 = { year, month: 1, day: 4 };
  const firstMonday = shifted(january4, -weekdayOf(january4));
  return shifted(firstMonday, 52 * 7 + 3).year === year ? 53 : 52;
}

/** The day `days` after `day`, with months and years rolling over. */
export function shifted(day: Day, days: number): Day {
  const date = new Date(utcEpoch(day.year, day.month, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function isoDate({ year, month, day }: Day): string {
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
}
