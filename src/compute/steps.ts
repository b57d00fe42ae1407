/**
 * conversion and median_days_to: per entity, the time of its first step in
 * the period and of the first second step at or after it. Memory follows the
 * entities (a few numbers each), never the rows.
 *
 * Rows arrive in file order, sources one after another. A second step that
 * arrives before a first step earlier than it is kept as the range of such
 * times (`lo`..`hi`) and taken in when the first step moves to or before it:
 * exact when a source is in time order (ascending or descending) or when the
 * first step's source is read before the second's (the engine orders sources
 * so). Otherwise an entity may be left unsure, and the value says so.
 */
import type { TimeRange } from '../core/period.js';
import type { Row, Value } from '../core/values.js';
import type { Finishing } from './accumulator.js';
import { Percentile } from './distribution.js';
import type { Outcome } from './outcome.js';
import { unknown } from './outcome.js';
import type { ReportWindows, TimedAccumulator } from './windows.js';
import { DAY_MS, spanText } from './windows.js';

interface Path {
  /** Earliest first step in the period. */
  first: number;
  /** Earliest second step known to be at or after `first` (an upper bound when unsure). */
  next: number;
  /** Latest second step. */
  last: number;
  /** Second steps seen while they were earlier than the first step then known. */
  lo: number;
  hi: number;
  /** Some of lo..hi are at or after `first` and some before: the exact `next` is unknown. */
  unsure: boolean;
}

/** `within`: the second step at most `ms` after the first; `after`: at least `ms` after; `any`: at or after it. */
export type StepRule = { readonly kind: 'within' | 'after'; readonly ms: number } | { readonly kind: 'any' };

export interface StepLabels {
  /** `signups.user_id`, for messages. */
  readonly first: string;
  readonly second: string;
}

export class StepJourney implements Finishing {
  private readonly paths = new Map<Value, Path>();
  readonly firstStep: TimedAccumulator;
  readonly secondStep: TimedAccumulator;

  constructor(
    columns: { readonly first: number; readonly second: number },
    windows: ReportWindows,
    private readonly rule: StepRule,
    private readonly measure: 'conversion' | 'median_days_to',
    private readonly labels: StepLabels,
  ) {
    const { start, end } = windows.period;
    this.firstStep = { range: { start, end }, add: (row, time) => this.first(row[columns.first] ?? null, time) };
    const secondRange: TimeRange = { start, end: rule.kind === 'within' ? end + rule.ms : Infinity };
    this.secondStep = { range: secondRange, add: (row, time) => this.second(row[columns.second] ?? null, time) };
  }

  finish(): Outcome {
    let cohort = 0;
    let reached = 0;
    let unsure = 0;
    const days = new Percentile((row: Row) => row[0] as number, '', 0.5);
    for (const path of this.paths.values()) {
      if (path.first === Infinity) continue;
      cohort += 1;
      const verdict = this.reached(path);
      if (verdict === null) unsure += 1;
      else if (verdict) {
        reached += 1;
        days.add([(path.next - path.first) / DAY_MS]);
      }
    }
    const { first, second } = this.labels;
    if (cohort === 0) return unknown(`no values of ${first} in the period to follow to ${second}`, 0);
    if (unsure > 0) return this.unsure(unsure, cohort);
    if (this.measure === 'conversion') return { value: reached / cohort, sample: cohort };
    if (reached === 0) return unknown(`none of the ${cohort} values of ${first} reached ${second}${this.windowText()}`, 0);
    return days.finish();
  }

  private path(key: Value): Path {
    let path = this.paths.get(key);
    if (!path) {
      path = { first: Infinity, next: Infinity, last: -Infinity, lo: Infinity, hi: -Infinity, unsure: false };
      this.paths.set(key, path);
    }
    return path;
  }

  private first(key: Value, time: number): void {
    if (key === null) return;
    const path = this.path(key);
    if (time >= path.first) return;
    path.first = time;
    if (path.hi < time) return;
    // Second steps kept aside reach the new first step: all of them, or (unsure) some.
    if (path.lo >= time) {
      path.next = Math.min(path.next, path.lo);
      path.lo = Infinity;
      path.hi = -Infinity;
    } else {
      path.next = Math.min(path.next, path.hi);
      path.unsure = true;
    }
  }

  private second(key: Value, time: number): void {
    if (key === null) return;
    const path = this.path(key);
    if (time > path.last) path.last = time;
    if (time >= path.first) {
      if (time < path.next) path.next = time;
    } else {
      if (time < path.lo) path.lo = time;
      if (time > path.hi) path.hi = time;
    }
  }

  /** Whether the path reached the second step in the window; null when its rows' order leaves that unknown. */
  private reached(path: Path): boolean | null {
    const rule = this.rule;
    if (rule.kind === 'after') return path.last - path.first >= rule.ms;
    const within = rule.kind === 'any' ? path.next !== Infinity : path.next - path.first <= rule.ms;
    if (!path.unsure) return within;
    // With an unsure path only a second step already close enough settles a conversion; a time to it stays unknown.
    return within && this.measure === 'conversion' ? true : null;
  }

  private unsure(count: number, cohort: number): Outcome {
    const { first, second } = this.labels;
    return unknown(
      `${count} of ${cohort} values of ${first} have rows of ${second} out of time order around their first step, so when they reached it is not known: ` +
        'sort the file by its time column (either direction)',
      cohort,
    );
  }

  private windowText(): string {
    const rule = this.rule;
    return rule.kind === 'any' ? '' : ` ${rule.kind} ${spanText(rule.ms)}`;
  }
}
