/**
 * timeRouter gives a row to exactly the windows whose [start, end) holds its
 * time, in the order listed: checked against every window tried in turn,
 * on random windows (nested, overlapping, touching, empty) and times at and
 * around their bounds.
 */
import { describe, expect, test } from 'vitest';
import { timeRouter, type RoutedWindow } from '../../src/compute/time-router.js';
import type { Row } from '../../src/core/values.js';

const DAY = 86_400_000;

/** Windows that record, per routed time, which of them took it. */
function windowsOf(ranges: readonly (readonly [number, number])[], taken: number[][]): RoutedWindow[] {
  return ranges.map(([start, end], index) => ({ start, end, sink: (row: Row) => (taken[row[0] as number] as number[]).push(index) }));
}

/** Seeded, so that a failure repeats. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

function routed(ranges: readonly (readonly [number, number])[], times: readonly number[]): number[][] {
  const taken = times.map((): number[] => []);
  const route = timeRouter(windowsOf(ranges, taken));
  times.forEach((time, index) => route([index], time));
  return taken;
}

function expected(ranges: readonly (readonly [number, number])[], times: readonly number[]): number[][] {
  return times.map((time) => ranges.flatMap(([start, end], index) => (time >= start && time < end ? [index] : [])));
}

describe('timeRouter', () => {
  test('a trend by day with its period and a comparison: each time to its day, the period, and nothing else', () => {
    const year = Date.UTC(2026, 0, 1);
    const days = Array.from({ length: 365 }, (_, day) => [year + day * DAY, year + (day + 1) * DAY] as const);
    const ranges = [[year, year + 365 * DAY] as const, [year - 365 * DAY, year] as const, ...days];
    const times = [year - 1, year, year + DAY - 1, year + DAY, year + 200.5 * DAY, year + 365 * DAY - 1, year + 365 * DAY, year - 365 * DAY, year - 365 * DAY - 1];
    expect(routed(ranges, times)).toEqual([[1], [0, 2], [0, 2], [0, 3], [0, 202], [0, 366], [], [1], []]);
  });

  test('random windows and times: the same windows as trying each in turn', () => {
    const next = random(20260704);
    for (let trial = 0; trial < 200; trial++) {
      const span = 1 + Math.floor(next() * 1e9);
      const ranges = Array.from({ length: 1 + Math.floor(next() * 40) }, () => {
        const start = Math.floor(next() * span);
        return [start, start + Math.floor(next() * next() * span)] as const;
      });
      const bounds = ranges.flatMap(([start, end]) => [start - 1, start, start + 1, end - 1, end, end + 1]);
      const times = [...bounds, ...Array.from({ length: 50 }, () => Math.floor(next() * span * 1.2) - span * 0.1)];
      expect(routed(ranges, times)).toEqual(expected(ranges, times));
    }
  });

  test('an unbounded window: every time is checked against every window', () => {
    const ranges = [[-Infinity, 10], [5, Infinity], [0, 0]] as const;
    const times = [-1e15, 4, 5, 9, 10, 1e15];
    expect(routed(ranges, times)).toEqual([[0], [0], [0, 1], [0, 1], [1], [1]]);
  });
});
