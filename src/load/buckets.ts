/**
 * Trend buckets: the period cut into days, weeks, months or quarters in the
 * framework's zone (a day across a daylight-saving change is 23 or 25 hours).
 * The first and last buckets are cut at the period's ends, so every bucket
 * holds only days of the period.
 */
import { WEEKDAYS, type TrendUnit, type Weekday } from '../core/framework.js';
import type { Period } from '../core/period.js';
import { epochOf, isoDate, shifted, two, weekdayOf, type Day } from './calendar-days.js';
import { periodOf } from './period.js';

/** The buckets in order; a whole month is labelled 2026-07, a whole quarter 2026-Q3, a whole Monday week 2026-W27, others by their days. */
export function trendBuckets(period: Period, unit: TrendUnit, weekStart: Weekday = 'monday'): Period[] {
  const last = dayOf(period.lastDay);
  const buckets: Period[] = [];
  for (let first = dayOf(period.firstDay); epochOf(first) <= epochOf(last); ) {
    const next = nextStart(first, unit, WEEKDAYS.indexOf(weekStart));
    const end = epochOf(next) <= epochOf(last) ? shifted(next, -1) : last;
    const whole = epochOf(end) === epochOf(shifted(next, -1)) && epochOf(first) === epochOf(startOf(first, unit, weekStart));
    buckets.push(periodOf(whole ? labelOf(first, unit, weekStart) : `${isoDate(first)}..${isoDate(end)}`, { first, last: end }, period.timezone));
    first = next;
  }
  return buckets;
}

/** The first day of the next bucket after the one holding `day`. */
function nextStart(day: Day, unit: TrendUnit, weekStart: number): Day {
  switch (unit) {
    case 'day':
      return shifted(day, 1);
    case 'week':
      return shifted(day, 7 - ((weekdayOf(day) - weekStart + 7) % 7));
    case 'month':
      return { year: day.year + Math.floor(day.month / 12), month: (day.month % 12) + 1, day: 1 };
    case 'quarter': {
      const month = Math.floor((day.month - 1) / 3) * 3 + 4;
      return { year: day.year + Math.floor((month - 1) / 12), month: ((month - 1) % 12) + 1, day: 1 };
    }
  }
}

/** The first day of the whole bucket holding `day`. */
function startOf(day: Day, unit: TrendUnit, weekStart: Weekday): Day {
  switch (unit) {
    case 'day':
      return day;
    case 'week':
      return shifted(day, -((weekdayOf(day) - WEEKDAYS.indexOf(weekStart) + 7) % 7));
    case 'month':
      return { ...day, day: 1 };
    case 'quarter':
      return { year: day.year, month: Math.floor((day.month - 1) / 3) * 3 + 1, day: 1 };
  }
}

function labelOf(first: Day, unit: TrendUnit, weekStart: Weekday): string {
  if (unit === 'month') return `${first.year}-${two(first.month)}`;
  if (unit === 'quarter') return `${first.year}-Q${(first.month + 2) / 3}`;
  if (unit === 'week' && weekStart === 'monday') return isoWeekLabel(first);
  return `${isoDate(first)}..${isoDate(unit === 'week' ? shifted(first, 6) : first)}`;
}

/** The ISO week of a Monday: the week belongs to the year of its Thursday. */
function isoWeekLabel(monday: Day): string {
  const thursday = shifted(monday, 3);
  const week = Math.floor((epochOf(thursday) - epochOf({ year: thursday.year, month: 1, day: 1 })) / 86_400_000 / 7) + 1;
  return `${thursday.year}-W${two(week)}`;
}

function dayOf(text: string): Day {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}
