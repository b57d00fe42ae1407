/**
 * Calendar arithmetic in an IANA time zone, with Intl only (no dependency):
 * periods and naive timestamps are read in the framework's zone.
 */
export interface LocalDateTime {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

const DAY_MS = 86_400_000;

/**
 * Date.UTC with 1-based months, in plain arithmetic: faster on the hot path
 * (a timestamp per row), and without Date.UTC's quirk of reading years 0–99
 * as 1900–1999. Months and days past their range roll over as in Date.UTC.
 */
export function utcEpoch(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number {
  return monthStart(year, month) + (day - 1) * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond;
}

/** The month asked for last, and when it starts: a file's rows come month after month, so the calendar is rarely worked out. */
let lastYear = NaN;
let lastMonth = NaN;
let lastMonthStart = 0;

function monthStart(year: number, month: number): number {
  if (year === lastYear && month === lastMonth) return lastMonthStart;
  const monthIndex = month - 1;
  const y = year + Math.floor(monthIndex / 12);
  const m = monthIndex - Math.floor(monthIndex / 12) * 12 + 1;
  lastYear = year;
  lastMonth = month;
  lastMonthStart = daysFromCivil(y, m, 1) * DAY_MS;
  return lastMonthStart;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Offset of the zone from UTC at an instant, in minutes (east positive). */
export function offsetMinutesAt(epochMs: number, zone: string): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 0;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = utcEpoch(parts.year ?? 0, parts.month ?? 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time names in a zone. A time that falls in a
 * spring-forward gap moves forward by the gap; an ambiguous fall-back time
 * takes the earlier instant, as most databases do.
 */
export function zonedToEpoch(local: LocalDateTime, zone: string): number {
  const asUtc = utcEpoch(local.year, local.month, local.day, local.hour, local.minute, local.second, local.millisecond);
  if (zone === 'UTC' || zone === 'Etc/UTC') return asUtc;
  const firstGuess = asUtc - offsetMinutesAt(asUtc, zone) * 60_000;
  const earlier = asUtc - offsetMinutesAt(firstGuess - 3 * 3_600_000, zone) * 60_000;
  const later = asUtc - offsetMinutesAt(firstGuess + 3 * 3_600_000, zone) * 60_000;
  const candidates = [earlier, later].filter((t) => epochToZoned(t, zone).hour === local.hour);
  if (candidates.length > 0) return Math.min(...candidates);
  return Math.max(earlier, later);
}

/** Wall-clock parts of an instant in a zone. */
export function epochToZoned(epochMs: number, zone: string): LocalDateTime {
  const shifted = new Date(epochMs + offsetMinutesAt(epochMs, zone) * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
  };
}

/** Midnight starting a calendar day in a zone. */
export function startOfDay(year: number, month: number, day: number, zone: string): number {
  return zonedToEpoch({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }, zone);
}
