import { describe, expect, it } from 'vitest';
import type { KpiDef } from '../../src/core/framework.js';
import type { ComputedKpi, KpiResult } from '../../src/core/report.js';
import { breakdownOf, comparedWith } from '../../src/evaluate/slices.js';
import { GAP, sparkline } from '../../src/render/slices-table.js';

const slice = (value: number | null) => ({ value, sample: value === null ? 0 : 10 });
const computed = (value: number | null, sample = 10): ComputedKpi => ({ id: 'k', value, sample, ...(value === null && { reason: 'no rows' }) });

describe('sparkline', () => {
  it('scales from the lowest bucket (▁) to the highest (█), an empty bucket a gap', () => {
    // 10 → 0/7, 24 → (14/14)·7 = 7, 17 → 3.5 rounds to 4 (▅).
    expect(sparkline([slice(10), slice(null), slice(24), slice(17)])).toBe(`▁${GAP}█▅`);
  });

  it('draws equal values mid-height and only gaps without values', () => {
    expect(sparkline([slice(3), slice(3)])).toBe('▄▄');
    expect(sparkline([slice(null), slice(null)])).toBe(`${GAP}${GAP}`);
  });
});

describe('comparedWith', () => {
  const kpi = (unit: KpiResult['unit'], value: number | null) => ({ unit, value }) as KpiResult;

  it('gives a percent KPI its change in percentage points', () => {
    // 0.25 now against 0.2: +0.05, +25%, +5 pp.
    const compared = comparedWith(kpi('percent', 0.25), computed(0.2));
    expect(compared).toMatchObject({ value: 0.2, change: 0.25 - 0.2, changeRelative: (0.25 - 0.2) / 0.2, changePoints: (0.25 - 0.2) * 100 });
  });

  it('has no relative change from 0, and no points for other units', () => {
    expect(comparedWith(kpi('count', 5), computed(0))).toMatchObject({ change: 5, changeRelative: null, changePoints: null });
    expect(comparedWith(kpi('count', -3), computed(-6))).toMatchObject({ change: 3, changeRelative: 0.5 });
  });

  it('has no change when either side has no value, and says why', () => {
    expect(comparedWith(kpi('count', 5), computed(null, 0))).toEqual({ value: null, reason: 'no rows', sample: 0, change: null, changeRelative: null, changePoints: null });
  });
});

describe('breakdownOf', () => {
  const def = (direction: 'higher' | 'lower') => ({ id: 'k', stageId: 's', direction }) as KpiDef;
  const values = [
    { value: 'app', kpis: new Map([['k', computed(null, 1)]]) },
    { value: 'store', kpis: new Map([['k', computed(0.2)]]) },
    { value: 'web', kpis: new Map([['k', computed(0.5)]]) },
    { value: null, kpis: new Map([['k', computed(0.3)]]) },
  ];

  it('puts the best segment first by direction, those without a value last', () => {
    expect(breakdownOf(def('higher'), values, undefined).segments.map((s) => s.segment)).toEqual(['web', null, 'store', 'app']);
    expect(breakdownOf(def('lower'), values, undefined).segments.map((s) => s.segment)).toEqual(['store', null, 'web', 'app']);
  });

  it('says why a KPI is not split', () => {
    expect(breakdownOf(def('higher'), values, "source 'x' has no column 'c'")).toEqual({ id: 'k', stageId: 's', unsplit: "source 'x' has no column 'c'", segments: [] });
  });
});
