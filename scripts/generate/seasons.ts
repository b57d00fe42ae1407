/**
 * The two quarters every journey example covers: 2026-Q2, the "before" its
 * baselines come from, and 2026-Q3, the period its report shows. Each
 * quarter carries the behaviour (`mood`) of its customers or team.
 */
import { startOfDay } from '../../src/core/time.js';
import type { Random } from './random.js';
import { instantAt, type Segment } from './scenario.js';

export interface Season<T> extends Segment {
  readonly label: '2026-Q2' | '2026-Q3';
  readonly mood: T;
}

/** Q2 and Q3 2026 in `zone`, Q3 holding `q3Share` of the rows. */
export function quarters<T>(zone: string, q2: T, q3: T, q3Share = 0.55): readonly Season<T>[] {
  const q2Start = startOfDay(2026, 4, 1, zone);
  const q3Start = startOfDay(2026, 7, 1, zone);
  const q3End = startOfDay(2026, 10, 1, zone);
  return [
    { label: '2026-Q2', start: q2Start, end: q3Start, share: 1 - q3Share, mood: q2 },
    { label: '2026-Q3', start: q3Start, end: q3End, share: q3Share, mood: q3 },
  ];
}

export function seasonAt<T>(seasons: readonly Season<T>[], epochMs: number): Season<T> {
  const found = seasons.find((season) => epochMs < season.end) ?? seasons[seasons.length - 1];
  if (found === undefined) throw new Error('no seasons defined');
  return found;
}

/** The time of record `index` of `count`, spread over the seasons and moving forward, to the whole `unitMs`. */
export function recordTime(index: number, count: number, seasons: readonly Segment[], random: Random, unitMs = 1000): number {
  return Math.floor(instantAt((index + random.next()) / count, seasons) / unitMs) * unitMs;
}


