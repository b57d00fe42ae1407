import { describe, expect, it } from 'vitest';
import type { Threshold, Unit } from '../../src/core/framework.js';
import { resolveThreshold } from '../../src/core/thresholds.js';
import { parseThreshold, readThresholds, type ThresholdKey } from '../../src/load/framework/thresholds.js';

const absolute = (value: number): Threshold => ({ kind: 'absolute', value });

describe('parseThreshold', () => {
  const good: [string | number, ThresholdKey, Unit, Threshold][] = [
    ['2.5%', 'target', 'percent', absolute(0.025)],
    ['7%', 'target', 'percent', absolute(0.07)],
    // 1.1 / 100 is 0.011000000000000001; moving the point in the text gives the double nearest 0.011.
    ['1.1%', 'baseline', 'percent', absolute(0.011)],
    ['.5%', 'warn', 'percent', absolute(0.005)],
    ['0.025', 'target', 'percent', absolute(0.025)],
    [0.025, 'target', 'percent', absolute(0.025)],
    ['1,250', 'target', 'count', absolute(1250)],
    ['$1,250.50', 'baseline', 'currency', absolute(1250.5)],
    ['$42.50', 'target', 'currency', absolute(42.5)],
    ['-5%', 'baseline', 'percent', absolute(-0.05)],
    ['+10%', 'target', 'count', { kind: 'relative', ratio: 0.1 }],
    ['-5%', 'warn', 'seconds', { kind: 'relative', ratio: -0.05 }],
    ['+0.5pp', 'target', 'percent', { kind: 'points', points: 0.5 }],
    ['-1.25PP', 'warn', 'percent', { kind: 'points', points: -1.25 }],
  ];
  it.each(good)('reads %j as a %s of a %s KPI', (raw, key, unit, expected) => {
    expect(parseThreshold(raw, key, unit)).toEqual({ ok: true, threshold: expected });
  });

  it('gives 7% as exactly the double 0.07', () => {
    const parsed = parseThreshold('7%', 'target', 'percent');
    expect(parsed.ok && parsed.threshold.kind === 'absolute' && Object.is(parsed.threshold.value, 0.07)).toBe(true);
  });

  const bad: [string | number, ThresholdKey, Unit, string][] = [
    ['abc', 'target', 'number', "'abc' is not a number: write it as 2.5%, 0.025, 1,250 or $42.50, or relative to the baseline as +10% or +0.5pp"],
    ['1,25', 'baseline', 'number', "'1,25' is not a number: write it as 2.5%, 0.025, 1,250 or $42.50"],
    ['', 'target', 'number', "'' is not a number: write it as 2.5%, 0.025, 1,250 or $42.50, or relative to the baseline as +10% or +0.5pp"],
    ['$5%', 'target', 'currency', "'$5%' is not a number: write it as 2.5%, 0.025, 1,250 or $42.50, or relative to the baseline as +10% or +0.5pp"],
    ['5%', 'target', 'count', "'5%' is a percentage, but the KPI's unit is count: write a plain number, or +5% for a change relative to the baseline"],
    ['$5', 'target', 'count', "'$5' has a currency sign, but the KPI's unit is count: drop the sign, or set unit: currency"],
    ['+0.5pp', 'target', 'count', "'+0.5pp' is in percentage points, which only percent KPIs have: write a relative change such as +10% instead"],
    ['+0.5pp', 'baseline', 'percent', "'+0.5pp' is a change, but a baseline is absolute: write it as 2.1% or 0.021"],
    [Infinity, 'target', 'number', 'Infinity is not a finite number'],
    [5, 'target', 'percent', "5 on a percent KPI would mean 500%: write '5%' (in quotes) or 0.05"],
    ['2.5', 'baseline', 'percent', "2.5 on a percent KPI would mean 250%: write '2.5%' (in quotes) or 0.025"],
  ];
  it.each(bad)('rejects %j as a %s of a %s KPI', (raw, key, unit, message) => {
    expect(parseThreshold(raw, key, unit)).toEqual({ ok: false, message });
  });
});

describe('readThresholds', () => {
  it('reads a full set and accepts warn on the near side of the target', () => {
    expect(readThresholds({ unit: 'percent', direction: 'lower', baseline: '3%', target: '-0.5pp', warn: '-5%' })).toEqual({
      baseline: 0.03,
      target: { kind: 'points', points: -0.5 },
      warn: { kind: 'relative', ratio: -0.05 },
      problems: [],
    });
  });

  it('refuses a relative target on a baseline of 0, which would be 0 too', () => {
    expect(readThresholds({ unit: 'count', direction: 'higher', baseline: 0, target: '+10%' }).problems).toEqual([
      { key: 'target', message: "target '+10%' is relative to a baseline of 0, so it would be 0 too: write an absolute target" },
    ]);
  });

  it('formats the warn-side message in the KPI currency', () => {
    expect(readThresholds({ unit: 'currency', direction: 'higher', target: 40, warn: '$42.50' }, 'USD').problems).toEqual([
      { key: 'warn', message: 'warn $42.50 is above the target $40.00: for a higher-is-better KPI warn must be below the target' },
    ]);
  });
});

describe('resolveThreshold', () => {
  it('resolves absolute, relative and points thresholds', () => {
    expect(resolveThreshold(absolute(5), undefined)).toBe(5);
    expect(resolveThreshold({ kind: 'relative', ratio: 0.1 }, 200)).toBe(220);
    expect(resolveThreshold({ kind: 'relative', ratio: -0.05 }, 30)).toBe(28.5);
    // 0.021 + 0.5 / 100 = 0.026000000000000002 in doubles: evaluate's tolerance absorbs it.
    expect(resolveThreshold({ kind: 'points', points: 0.5 }, 0.021)).toBeCloseTo(0.026, 15);
    expect(resolveThreshold({ kind: 'relative', ratio: 0.1 }, undefined)).toBeNull();
    // +10% moves up from a negative baseline too: -200 + 200 × 0.1 = -180
    expect(resolveThreshold({ kind: 'relative', ratio: 0.1 }, -200)).toBe(-180);
  });
});
