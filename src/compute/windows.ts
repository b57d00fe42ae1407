/**
 * Time windows around the report period: what windowed aggregates see of a
 * source's rows beyond the period itself (the previous period for churn and
 * retention, the days after it for a conversion's second step), and the days
 * of the period for daily averages.
 */
import type { Period, TimeRange, TimeRanges } from '../core/period.js';
import type { Row } from '../core/values.js';
import { startOfDay } from '../core/time.js';

/** The report period and the one just before it (see load/period.ts previousPeriod). */
export interface ReportWindows {
  readonly period: Period;
  readonly previous: Period;
}

/** The rows a source must give the engine: its period and the windows around it, and why, for the Data section. */
export interface SourceRange extends TimeRanges {
  /** `the previous period`, `the 7 days after it`, or both joined with `and`. */
  readonly purpose: string;
}

/**
 * An aggregate's part that reads rows by their time, in or out of the period: given every row of its range that
 * passes its where. The feed asks the loader for the union of its timed parts' ranges, so any aggregate that
 * needs other instants (a comparison period, buckets of days, weeks or months) joins the same single pass.
 */
export interface TimedAccumulator {
  readonly range: TimeRange;
  add(row: Row, time: number): void;
}

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** The rows the period and these ranges need, or null when they need only the period's. */
export function sourceRange(period: TimeRange, ranges: readonly TimeRange[]): SourceRange | null {
  const start = Math.min(period.start, ...ranges.map((range) => range.start));
  const end = Math.max(period.end, ...ranges.map((range) => range.end));
  if (start === period.start && end === period.end) return null;
  const before = start < period.start ? ['the previous period'] : [];
  const after = end === Infinity ? ['the time after it'] : end > period.end ? [`the ${spanText(end - period.end)} after it`] : [];
  return { start, end, purpose: [...before, ...after].join(' and ') };
}

/** `7 days`, `36 hours`, `1 day`. */
export function spanText(ms: number): string {
  const [amount, unit] = ms % DAY_MS === 0 ? [ms / DAY_MS, 'day'] : [ms / HOUR_MS, 'hour'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/** The calendar days of the period in its zone (23 or 25 hours long across a daylight-saving change). */
export class PeriodDays {
  /** Midnight starting each day, and the period's end after the last. */
  private readonly starts: number[] = [];

  constructor(period: Period) {
    const [year, month, day] = period.firstDay.split('-').map(Number) as [number, number, number];
    for (let i = 0; ; i++) {
      // Day numbers past a month's end roll over (July 32 is August 1).
      const start = i === 0 ? period.start : startOfDay(year, month, day + i, period.timezone);
      if (start >= period.end) break;
      this.starts.push(start);
    }
    this.starts.push(period.end);
  }

  get count(): number {
    return this.starts.length - 1;
  }

  /** The 0-based day of an instant inside the period: a first guess from its offset, corrected by the real midnights. */
  indexOf(time: number): number {
    const starts = this.starts;
    let i = Math.min(Math.max(Math.floor((time - (starts[0] as number)) / DAY_MS), 0), starts.length - 2);
    while (i > 0 && time < (starts[i] as number)) i--;
    while (i < starts.length - 2 && time >= (starts[i + 1] as number)) i++;
    return i;
  }
}
