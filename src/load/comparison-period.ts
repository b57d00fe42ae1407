/**
 * The period a report compares with: the one just before (previousPeriod) or
 * the same days a year earlier. A year before 29 February is 28 February.
 */
import type { CompareKind } from '../core/framework.js';
import type { Period } from '../core/period.js';
import { isoDate, isoWeeksIn, shifted, two, type Day } from './calendar-days.js';
import { customDays, periodOf, previousPeriod, resolvePeriod } from './period.js';

/** null for `none`. */
export function comparisonPeriod(period: Period, kind: CompareKind): Period | null {
  if (kind === 'none') return null;
  return kind === 'previous_period' ? previousPeriod(period) : previousYear(period);
}

/** 2026-Q3 -> 2025-Q3, 2026-W27 -> 2025-W27 (week 53 -> the year's last week), 2024-02-01..2024-02-29 -> 2023-02-01..2023-02-28. */
export function previousYear(period: Period): Period {
  const days = customDays(period);
  if (days) {
    const before = { first: yearBefore(days.first), last: yearBefore(days.last) };
    return periodOf(`${isoDate(before.first)}..${isoDate(before.last)}`, before, period.timezone);
  }
  const week = /^(\d{4})-W(\d{2})$/i.exec(period.label);
  if (week) {
    const year = Number(week[1]) - 1;
    return resolvePeriod({ period: `${year}-W${two(Math.min(Number(week[2]), isoWeeksIn(year)))}` }, period.timezone);
  }
  const calendar = /^(\d{4})(-[HQ]?\d+)?$/i.exec(period.label);
  if (!calendar) throw new Error(`period label '${period.label}' is not one resolvePeriod makes`);
  return resolvePeriod({ period: `${Number(calendar[1]) - 1}${calendar[2] ?? ''}` }, period.timezone);
}

function yearBefore(day: Day): Day {
  const lastOfMonth = shifted({ year: day.year - 1, month: day.month + 1, day: 1 }, -1).day;
  return { year: day.year - 1, month: day.month, day: Math.min(day.day, lastOfMonth) };
}
