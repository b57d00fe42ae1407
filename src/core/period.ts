/** A reporting period: half-open instants, labelled the way the user wrote it. */
export interface Period {
  /** `2026-Q3`, `2026-07`, or `2026-07-01..2026-09-30` for --from/--to. */
  readonly label: string;
  readonly timezone: string;
  /** Inclusive first day and last day, `YYYY-MM-DD`, in the timezone. */
  readonly firstDay: string;
  readonly lastDay: string;
  /** Epoch ms, inclusive. */
  readonly start: number;
  /** Epoch ms, exclusive. */
  readonly end: number;
}

/** Instants [start, end), epoch ms; end may be Infinity (every later instant). */
export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

/** A range with gaps: an instant is in it when it is in one of its parts (in all of [start, end) without parts). */
export interface TimeRanges extends TimeRange {
  /** Disjoint, in order, inside [start, end). */
  readonly parts?: readonly TimeRange[];
}

export function inRanges(ranges: TimeRanges, time: number): boolean {
  if (time < ranges.start || time >= ranges.end) return false;
  return ranges.parts === undefined || ranges.parts.some((part) => time >= part.start && time < part.end);
}
