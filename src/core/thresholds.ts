/**
 * What a direction and a threshold mean, shared by the loader (is warn on the
 * right side of the target?) and evaluate (is the target met?). Pure.
 */
import type { Direction, Threshold } from './framework.js';

export interface DirectionRule {
  /** True when `value` is at `threshold` or on its better side. */
  readonly reaches: (value: number, threshold: number) => boolean;
  /** Where a value that falls short lies, e.g. `below`. */
  readonly short: string;
  /** Where a value past the threshold lies, e.g. `above`. */
  readonly beyond: string;
  /** Where a value that reaches lies, e.g. `at or above`. */
  readonly reached: string;
  readonly kind: string;
}

// Float noise (0.1 + 0.2) must never flip a boundary: a value at the target meets it.
export const nearlyEqual = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-12);

export const DIRECTIONS = {
  higher: {
    reaches: (value, threshold) => value >= threshold || nearlyEqual(value, threshold),
    short: 'below',
    beyond: 'above',
    reached: 'at or above',
    kind: 'higher-is-better',
  },
  lower: {
    reaches: (value, threshold) => value <= threshold || nearlyEqual(value, threshold),
    short: 'above',
    beyond: 'below',
    reached: 'at or below',
    kind: 'lower-is-better',
  },
} as const satisfies Record<Direction, DirectionRule>;

/** One comparison a status rests on: the value against the target or warn (resolved), and whether it reached it. */
export interface ThresholdCheck {
  readonly threshold: 'target' | 'warn';
  readonly value: number;
  readonly reached: boolean;
}

/** A threshold as a number: relative ones need the baseline (null without it). */
export function resolveThreshold(threshold: Threshold, baseline: number | undefined): number | null {
  switch (threshold.kind) {
    case 'absolute':
      return threshold.value;
    case 'relative':
      // baseline + |baseline| × ratio: +10% always moves up, even from a negative baseline (a loss of
      // -200 and +10% give -180); and it rounds better than × (1 + ratio): 100 and +10% give exactly 110.
      return baseline === undefined ? null : baseline + Math.abs(baseline) * threshold.ratio;
    case 'points':
      return baseline === undefined ? null : baseline + threshold.points / 100;
  }
}
