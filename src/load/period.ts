/**
 * Reporting periods as people write them (2026-Q3, 2026-07, 2026-W27, or a
 * from/to range) turned into half-open instants in the framework's zone.
 */
import { error, UserError } from '../core/diagnostics.js';
import type { Period } from '../core/period.js';
import { startOfDay } from '../core/time.js';
import { epochOf, isoDate, isoWeeksIn, shifted, two, weekdayOf, type Day, type Days } from './calendar-days.js';

export interface PeriodInput {
  readonly period?: string;
  /** Inclusive `YYYY-MM-DD`; needs `to`, and wins over `period`. */
  readonly from?: string;
  readonly to?: string;
}

/** The calendar forms a period label may take (a framework's `baseline: { period: … }` takes these alone). */
export const CALENDAR_FORMS = 'a year (2026), half (2026-H2), quarter (2026-Q3), month (2026-07) or ISO week (2026-W27)';
const FORMS = 'a year (2026), half (2026-H2), quarter (2026-Q3), month (2026-07), ISO week (2026-W27), or --from 2026-07-01 --to 2026-09-30';

interface CalendarForm {
  readonly pattern: RegExp;
  /** The days a well-formed label covers, or why it does not exist. */
  readonly days: (year: number, part: number) => Days | string;
  /** The label of the period of the same kind just before. */
  readonly previous: (year: number, part: number) => string;
}

/** Each written form: the days it covers and the one before it. */
const CALENDAR: readonly CalendarForm[] = [
  { pattern: /^(\d{4})$/, days: (year) => months(year, 1, 12), previous: (year) => `${year - 1}` },
  {
    pattern: /^(\d{4})-H([12])$/i,
    days: (year, half) => months(year, half * 6 - 5, half * 6),
    previous: (year, half) => (half === 2 ? `${year}-H1` : `${year - 1}-H2`),
  },
  {
    pattern: /^(\d{4})-Q([1-4])$/i,
    days: (year, quarter) => months(year, quarter * 3 - 2, quarter * 3),
    previous: (year, quarter) => (quarter > 1 ? `${year}-Q${quarter - 1}` : `${year - 1}-Q4`),
  },
  {
    pattern: /^(\d{4})-(0[1-9]|1[0-2])$/,
    days: (year, month) => months(year, month, month),
    previous: (year, month) => (month > 1 ? `${year}-${two(month - 1)}` : `${year - 1}-12`),
  },
  {
    pattern: /^(\d{4})-W(\d{2})$/i,
    days: isoWeek,
    previous: (year, week) => (week > 1 ? `${year}-W${two(week - 1)}` : `${year - 1}-W${isoWeeksIn(year - 1)}`),
  },
];

export function resolvePeriod(input: PeriodInput, timezone: string): Period {
  if (input.from !== undefined || input.to !== undefined) return range(input, timezone);
  if (input.period === undefined) throw invalid(`no period given: pass ${FORMS}`);
  const period = calendarPeriod(input.period, timezone);
  if (period === null) throw invalid(`'${input.period}' is not a period: write ${FORMS}${paddedSuggestion(input.period)}`);
  if (typeof period === 'string') throw invalid(period);
  return period;
}

/** A calendar label as a period; why not, when it has a form but does not exist (2026-W54); null when it has none. */
export function calendarPeriod(written: string, timezone: string): Period | string | null {
  const label = written.trim();
  for (const { pattern, days } of CALENDAR) {
    const match = pattern.exec(label);
    if (!match) continue;
    const covered = days(Number(match[1]), Number(match[2]));
    return typeof covered === 'string' ? `'${label}' is not a period: ${covered}` : periodOf(label, covered, timezone);
  }
  return null;
}

/**
 * The period just before, of the same kind: the quarter before a quarter (Q2
 * before Q3), the month before a month, the ISO week before a week; for a
 * --from/--to range, as many days ending the day before its first day.
 */
export function previousPeriod(period: Period): Period {
  const days = customDays(period);
  if (days) {
    const { first } = days;
    const length = Math.round((epochOf(days.last) - epochOf(first)) / 86_400_000) + 1;
    const before = { first: shifted(first, -length), last: shifted(first, -1) };
    return periodOf(`${isoDate(before.first)}..${isoDate(before.last)}`, before, period.timezone);
  }
  for (const { pattern, previous } of CALENDAR) {
    const match = pattern.exec(period.label);
    if (match) return resolvePeriod({ period: previous(Number(match[1]), Number(match[2])) }, period.timezone);
  }
  throw new Error(`period label '${period.label}' is not one resolvePeriod makes`);
}

/** The days of a --from/--to period (labelled `2026-07-01..2026-09-30`); null for a calendar period. */
export function customDays(period: Period): Days | null {
  const days = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(period.label);
  return days && { first: dayOf(days[1] as string, '--from'), last: dayOf(days[2] as string, '--to') };
}

function range(input: PeriodInput, timezone: string): Period {
  if (input.period !== undefined) throw invalid('give either a period or --from/--to, not both');
  if (input.from === undefined || input.to === undefined) throw invalid(`--from and --to go together: give both, e.g. --from 2026-07-01 --to 2026-09-30`);
  const first = dayOf(input.from, '--from');
  const last = dayOf(input.to, '--to');
  if (input.from > input.to) throw invalid(`--from ${input.from} is after --to ${input.to}: the range runs from the first day to the last, both included`);
  return periodOf(`${input.from}..${input.to}`, { first, last }, timezone);
}

function dayOf(text: string, option: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const day = match && shifted({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, 0);
  // A date that rolls over (2026-02-30 -> March 2) does not exist.
  if (!match || !day || isoDate(day) !== text) throw invalid(`${option} '${text}' is not a date: write YYYY-MM-DD, e.g. 2026-07-01`);
  return day;
}

export function periodOf(label: string, { first, last }: Days, timezone: string): Period {
  const after = shifted(last, 1);
  return {
    label,
    timezone,
    firstDay: isoDate(first),
    lastDay: isoDate(last),
    start: startOfDay(first.year, first.month, first.day, timezone),
    end: startOfDay(after.year, after.month, after.day, timezone),
  };
}

function months(year: number, firstMonth: number, lastMonth: number): Days {
  return { first: { year, month: firstMonth, day: 1 }, last: shifted({ year, month: lastMonth + 1, day: 1 }, -1) };
}

/** ISO 8601: weeks start on Monday, and week 1 is the one holding 4 January. */
function isoWeek(year: number, week: number): Days | string {
  const january4 = { year, month: 1, day: 4 };
  const firstMonday = shifted(january4, -weekdayOf(january4));
  const weeks = isoWeeksIn(year);
  if (week < 1 || week > weeks) return `${year} has ISO weeks 01 to ${weeks}`;
  const monday = shifted(firstMonday, (week - 1) * 7);
  return { first: monday, last: shifted(monday, 6) };
}

/** `2026-7` and `2026-W5` are a month and a week written without their leading zero: `. Did you mean 2026-07?` */
function paddedSuggestion(written: string): string {
  const match = /^(\d{4})-(W?)(\d)$/i.exec(written.trim());
  if (!match) return '';
  const padded = `${match[1]}-${(match[2] ?? '').toUpperCase()}0${match[3]}`;
  // A period, not null (no such form) nor why it does not exist (2026-W00).
  const period = calendarPeriod(padded, 'UTC');
  return period !== null && typeof period === 'object' ? `. Did you mean ${padded}?` : '';
}

function invalid(message: string): UserError {
  return new UserError(error('period/invalid', message));
}
