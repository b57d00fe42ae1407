import { describe, expect, it } from 'vitest';
import type { KpiDef } from '../../src/core/framework.js';
import type { ComputedKpi, KpiResult } from '../../src/core/report.js';
import { evaluateKpi, summarize, verdictOf } from '../../src/evaluate/index.js';

function makeKpi(overrides: Partial<KpiDef> = {}): KpiDef {
  return {
    id: 'conversion_rate',
    name: 'Conversion rate',
    stageId: 'purchase',
    formula: { kind: 'number', value: 1, span: { start: 0, end: 1 } },
    formulaText: '1',
    unit: 'percent',
    baseline: 0.021,
    target: { kind: 'absolute', value: 0.025 },
    warn: { kind: 'absolute', value: 0.023 },
    direction: 'higher',
    level: 'error',
    location: { file: 'journey.yaml', line: 12, column: 13 },
    ...overrides,
  };
}

const computed = (value: number | null, sample: number | null = 1000, reason?: string): ComputedKpi => ({
  id: 'conversion_rate',
  value,
  sample,
  ...(reason !== undefined && { reason }),
});

const judge = (value: number | null, overrides: Partial<KpiDef> = {}, sample: number | null = 1000) => {
  const { status, reason } = evaluateKpi(makeKpi(overrides), computed(value, sample));
  return { status, reason };
};

describe('evaluateKpi: higher is better', () => {
  it.each([
    [0.026, 'met', 'met: 2.60% is at or above the target 2.50%'],
    [0.025, 'met', 'met: 2.50% is at or above the target 2.50%'],
    [0.0231, 'at_risk', '2.31% is below the target 2.50% (warn 2.30%)'],
    [0.023, 'at_risk', '2.30% is below the target 2.50% (warn 2.30%)'],
    [0.022, 'missed', '2.20% is below the target 2.50% and the warn 2.30%'],
  ])('%d gives %s', (value, status, reason) => {
    expect(judge(value)).toEqual({ status, reason });
  });

  it('misses without a warn band below the target', () => {
    expect(judge(0.024, { warn: undefined })).toEqual({ status: 'missed', reason: '2.40% is below the target 2.50%' });
  });

  it('does not let float noise flip the boundary: 0.1 + 0.2 meets a 0.3 target', () => {
    expect(judge(0.1 + 0.2, { target: { kind: 'absolute', value: 0.3 }, warn: undefined }).status).toBe('met');
  });
});

describe('evaluateKpi: lower is better', () => {
  const lower: Partial<KpiDef> = { direction: 'lower', baseline: 0.025, target: { kind: 'absolute', value: 0.02 }, warn: { kind: 'absolute', value: 0.022 } };
  it.each([
    [0.019, 'met', 'met: 1.90% is at or below the target 2.00%'],
    [0.02, 'met', 'met: 2.00% is at or below the target 2.00%'],
    [0.021, 'at_risk', '2.10% is above the target 2.00% (warn 2.20%)'],
    [0.022, 'at_risk', '2.20% is above the target 2.00% (warn 2.20%)'],
    [0.03, 'missed', '3.00% is above the target 2.00% and the warn 2.20%'],
  ])('%d gives %s', (value, status, reason) => {
    expect(judge(value, lower)).toEqual({ status, reason });
  });
});

describe('evaluateKpi: thresholds relative to the baseline', () => {
  it('resolves +10% from the baseline: 100 -> 110, met at exactly 110', () => {
    const result = evaluateKpi(
      makeKpi({ unit: 'count', baseline: 100, target: { kind: 'relative', ratio: 0.1 }, warn: { kind: 'relative', ratio: 0.05 } }),
      computed(110),
    );
    expect(result).toMatchObject({ target: 110, warn: 105, status: 'met', delta: 10, deltaRelative: 0.1, reason: 'met: 110 is at or above the target 110' });
  });

  it('resolves +0.5pp: 2.1% + 0.5pp = 2.6%, met by 0.026 despite 0.021 + 0.005 = 0.026000000000000002', () => {
    const result = evaluateKpi(makeKpi({ target: { kind: 'points', points: 0.5 }, warn: { kind: 'points', points: 0.2 } }), computed(0.026));
    expect(result.target).toBe(0.021 + 0.005);
    expect(result.warn).toBeCloseTo(0.023, 15);
    expect(result.status).toBe('met');
  });

  it('resolves -10% / -5% for a lower-is-better KPI: 30s -> target 27s, warn 28.5s', () => {
    const kpi = makeKpi({ unit: 'seconds', direction: 'lower', baseline: 30, target: { kind: 'relative', ratio: -0.1 }, warn: { kind: 'relative', ratio: -0.05 } });
    expect(evaluateKpi(kpi, computed(28))).toMatchObject({ target: 27, warn: 28.5, status: 'at_risk', reason: '28.0s is above the target 27.0s (warn 28.5s)' });
  });
});

describe('evaluateKpi: no data', () => {
  it('passes on the engine reason when there is no value', () => {
    const result = evaluateKpi(makeKpi(), computed(null, 0, 'no rows of traffic in the period'));
    expect(result).toMatchObject({ status: 'no_data', reason: 'no rows of traffic in the period', value: null, delta: null, deltaRelative: null, target: 0.025 });
  });

});

describe('evaluateKpi: result fields', () => {
  it('fills every field for a currency KPI', () => {
    const kpi = makeKpi({ id: 'aov', name: 'AOV', unit: 'currency', owner: 'Growth', baseline: 40, target: { kind: 'absolute', value: 45 }, warn: undefined, level: 'warn' });
    const expected: KpiResult = {
      id: 'aov',
      name: 'AOV',
      stageId: 'purchase',
      owner: 'Growth',
      unit: 'currency',
      direction: 'higher',
      level: 'warn',
      value: 42.5,
      baseline: 40,
      target: 45,
      warn: null,
      delta: 2.5,
      deltaRelative: 0.0625, // 2.5 / 40
      status: 'missed',
      reason: '$42.50 is below the target $45.00',
      sample: 1000,
      line: 12,
      column: 13,
    };
    expect(evaluateKpi(kpi, { id: 'aov', value: 42.5, sample: 1000 }, 'USD')).toEqual(expected);
  });

  it('has no delta without a baseline, and no relative delta for a baseline of 0', () => {
    expect(evaluateKpi(makeKpi({ baseline: undefined }), computed(0.03))).toMatchObject({ baseline: null, delta: null, deltaRelative: null });
    expect(evaluateKpi(makeKpi({ baseline: 0 }), computed(0.03))).toMatchObject({ baseline: 0, delta: 0.03, deltaRelative: null });
  });

  it('divides the delta by the size of a negative baseline', () => {
    // -5 - (-10) = 5; 5 / |-10| = 0.5: an improvement shows as positive.
    const kpi = makeKpi({ unit: 'number', baseline: -10, target: { kind: 'absolute', value: 0 }, warn: undefined });
    expect(evaluateKpi(kpi, computed(-5))).toMatchObject({ delta: 5, deltaRelative: 0.5 });
  });

  it('gives the raw numbers when rounding shows a missed value and its target alike', () => {
    const kpi = makeKpi({ unit: 'percent', baseline: undefined, target: { kind: 'absolute', value: 1 }, warn: undefined });
    expect(evaluateKpi(kpi, computed(0.99998)).reason).toBe('100.00% is below the target 100.00% (0.99998 vs 1 before rounding)');
  });

  it('has no change rather than an infinite one', () => {
    const huge = makeKpi({ unit: 'number', baseline: -1e308, target: { kind: 'absolute', value: 0 }, warn: undefined });
    expect(evaluateKpi(huge, computed(1e308))).toMatchObject({ delta: null, deltaRelative: null });
    const tiny = makeKpi({ unit: 'number', baseline: 5e-324, target: { kind: 'absolute', value: 0 }, warn: undefined });
    expect(evaluateKpi(tiny, computed(1e300))).toMatchObject({ delta: 1e300, deltaRelative: null });
  });

  it('has a null line when the KPI has no line', () => {
    expect(evaluateKpi(makeKpi({ location: { file: 'journey.yaml' } }), computed(0.03)).line).toBeNull();
  });
});

describe('summarize', () => {
  it('counts each status and the total', () => {
    const results = [0.03, 0.024, 0.02, 0.01, null].map((value) => evaluateKpi(makeKpi(), computed(value)));
    expect(summarize(results)).toEqual({ met: 1, at_risk: 1, missed: 2, no_data: 1, total: 5 });
    expect(summarize([])).toEqual({ met: 0, at_risk: 0, missed: 0, no_data: 0, total: 0 });
  });
});

describe('verdictOf: the comparisons behind a status', () => {
  const checksOf = (value: number | null, overrides: Partial<KpiDef> = {}) => verdictOf(makeKpi(overrides), computed(value)).checks;

  it('stops at the target when it is reached', () => {
    expect(checksOf(0.026)).toEqual([{ threshold: 'target', value: 0.025, reached: true }]);
  });

  it('compares with warn when the target is not reached', () => {
    expect(checksOf(0.0231)).toEqual([
      { threshold: 'target', value: 0.025, reached: false },
      { threshold: 'warn', value: 0.023, reached: true },
    ]);
    expect(checksOf(0.022)).toEqual([
      { threshold: 'target', value: 0.025, reached: false },
      { threshold: 'warn', value: 0.023, reached: false },
    ]);
  });

  it('makes none without a value, and agrees with evaluateKpi on the status and reason', () => {
    expect(checksOf(null)).toEqual([]);
    const { status, reason } = verdictOf(makeKpi(), computed(0.0231));
    expect({ status, reason }).toEqual(judge(0.0231));
  });
});
