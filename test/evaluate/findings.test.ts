/** Findings from hand-made results: margins, rankings, stages, the funnel. */
import { describe, expect, it } from 'vitest';
import type { KpiResult, StageResult, Status } from '../../src/core/report.js';
import { findingsOf } from '../../src/evaluate/findings.js';
import { findingsBlock, findingsHeadline } from '../../src/render/findings.js';
import { palette } from '../../src/render/style.js';

type Fields = Pick<KpiResult, 'id' | 'value' | 'target' | 'status'> & Partial<KpiResult>;

function kpi(stageId: string, fields: Fields): KpiResult {
  return {
    name: fields.id.replaceAll('_', ' '), stageId, owner: null, unit: 'count', direction: 'higher', level: 'error', baseline: null, warn: null,
    delta: null, deltaRelative: null, reason: '', sample: 100, line: null, column: null, ...fields,
  };
}

function stage(id: string, kpis: KpiResult[]): StageResult {
  return { id, name: id.toUpperCase(), touchpoints: [], kpis };
}

const at = (id: string, value: number | null, target: number | null, status: Status, more: Partial<KpiResult> = {}) => ({ id, value, target, status, ...more });

describe('findingsOf', () => {
  const stages = [
    stage('top', [
      // margin +20, relative 20 / 100 = +0.2
      kpi('top', at('visits', 120, 100, 'met')),
      // percent: 0.03 − 0.04 = −0.01 (1 pp), relative −0.01 / 0.04 = −0.25
      kpi('top', at('conversion', 0.03, 0.04, 'missed', { unit: 'percent' })),
    ]),
    stage('mid', [
      // lower is better: 0.7 against ≤ 0.6 is short by 0.1, relative −0.1 / 0.6 = −0.1667
      kpi('mid', at('abandonment', 0.7, 0.6, 'missed', { unit: 'percent', direction: 'lower' })),
      // lower is better and under the target: +0.5, relative 0.5 / 5 = +0.1
      kpi('mid', at('wait_days', 4.5, 5, 'met', { unit: 'number', direction: 'lower' })),
      kpi('mid', at('nps', null, 40, 'no_data', { unit: 'score' })),
    ]),
    stage('end', [
      // target 0: margin −2, no relative size, ranked after the others
      kpi('end', at('refunds', 2, 0, 'at_risk', { direction: 'lower' })),
      // met, relative 1 / 10 = +0.1
      kpi('end', at('reviews', 11, 10, 'met')),
    ]),
    stage('quiet', [kpi('quiet', at('referrals', 30, 20, 'met')), kpi('quiet', at('stars', 4.6, 4, 'met', { unit: 'score' }))]),
  ];
  const findings = findingsOf(stages, undefined);

  it('ranks the shortfalls by relative margin, direction-aware, a target of 0 last', () => {
    expect(findings.shortfalls.map((s) => [s.id, s.margin, s.marginRelative])).toEqual([
      ['conversion', expect.closeTo(-0.01, 15), expect.closeTo(-0.25, 12)],
      ['abandonment', expect.closeTo(-0.1, 15), expect.closeTo(-0.1 / 0.6, 12)],
      ['refunds', -2, null],
    ]);
  });

  it('ranks the strengths by relative margin, the largest first', () => {
    // referrals +10/20 = 0.5, visits 0.2, stars 0.6/4 = 0.15, wait_days 0.1, reviews 0.1 (sorting is stable)
    expect(findings.strengths.map((s) => [s.id, s.marginRelative])).toEqual([
      ['referrals', 0.5],
      ['visits', 0.2],
      ['stars', expect.closeTo(0.15, 12)],
      ['wait_days', 0.1],
      ['reviews', 0.1],
    ]);
  });

  it('names the stages that falter by their worst KPI, and those that excel by their narrowest lead', () => {
    expect(findings.falters.map((s) => [s.id, s.weakest.id])).toEqual([['top', 'conversion'], ['mid', 'abandonment'], ['end', 'refunds']]);
    expect(findings.excels.map((s) => [s.id, s.weakest.id])).toEqual([['quiet', 'stars']]);
    expect(findings.falters[1]?.counts).toEqual({ met: 1, at_risk: 0, missed: 1, no_data: 1, total: 3 });
  });

  it('leaves out KPIs without a value and says which', () => {
    expect(findings.leftOut).toEqual(['nps']);
    expect(findings.funnel).toBeNull();
  });

  it('words it: points for percents, relative sizes otherwise, the side by direction', () => {
    expect(findingsHeadline(findings, null)).toBe('referrals is 50.0% above its target, but conversion is 1.00 pp below its target.');
    const text = findingsBlock(findings, null, palette({ color: false }));
    expect(text.split('\n')).toEqual([
      'Findings',
      '  referrals is 50.0% above its target, but conversion is 1.00 pp below its target.',
      '  Falters: TOP (2 KPIs: 1 missed), MID (3 KPIs: 1 missed, 1 no data), END (2 KPIs: 1 at risk)',
      '  Excels: QUIET (2 KPIs: all met)',
      '  Furthest from target',
      '    conversion: 1.00 pp below the target (25.0% short)',
      '    abandonment: 10.00 pp above the target (16.7% short)',
      '    refunds: 2 above the target',
      '  Furthest past target',
      '    referrals: 10 above the target (50.0% past)',
      '    visits: 20 above the target (20.0% past)',
      '    stars: 0.6 above the target (15.0% past)',
      '  Left out (no value, or no target to compare with): nps',
    ]);
  });
});

describe('the funnel', () => {
  const counts = (values: (number | null)[], baselines: (number | null)[]) =>
    [stage('s', ['visits', 'carts', 'checkouts', 'orders'].map((id, i) => kpi('s', at(id, values[i] ?? null, 1, 'met', { baseline: baselines[i] ?? null }))))];

  it('names the step furthest below its baseline share, not the one that loses most', () => {
    // shares 100/1000 = 0.1 (baseline 80/800 = 0.1), 60/100 = 0.6 (48/80 = 0.6), 12/60 = 0.2 (24/48 = 0.5):
    // visits → carts loses 90%, but only checkouts → orders fell below its baseline share (0.2 / 0.5 = 0.4)
    const funnel = findingsOf(counts([1000, 100, 60, 12], [800, 80, 48, 24]), ['visits', 'carts', 'checkouts', 'orders']).funnel;
    expect(funnel?.basis).toBe('baseline');
    expect(funnel?.transitions.map((t) => [t.rate, t.baselineRate])).toEqual([[0.1, 0.1], [0.6, 0.6], [0.2, 0.5]]);
    expect(funnel?.largestLoss).toBe(2);
  });

  it('without baselines, names the lowest share', () => {
    const funnel = findingsOf(counts([1000, 100, 60, 12], [null, null, null, null]), ['visits', 'carts', 'checkouts', 'orders']).funnel;
    expect(funnel?.basis).toBe('rate');
    expect(funnel?.largestLoss).toBe(0);
  });

  it('names none when every share holds its baseline share', () => {
    expect(findingsOf(counts([1000, 100, 60, 30], [800, 80, 48, 24]), ['visits', 'carts', 'checkouts', 'orders']).funnel?.largestLoss).toBeNull();
  });

  it('a step of 0 has none to go on from; a step without a value gives no share, and each says why', () => {
    // carts 0: visits → carts is 0 / 1000 = 0 (the largest loss), carts → checkouts has no share; orders has no value.
    // A step the run does not have (refunds) says so.
    const funnel = findingsOf(counts([1000, 0, 0, null], [800, 80, 48, 24]), ['visits', 'carts', 'checkouts', 'orders']).funnel;
    expect(funnel?.transitions.map((t) => [t.rate, t.reason])).toEqual([
      [0, null],
      [null, 'carts is 0: none to go on from'],
      // a missing count is said before a zero one
      [null, 'orders has no data'],
    ]);
    expect(funnel?.largestLoss).toBe(0);
    const missing = findingsOf(counts([1000, 100, 60, null], [800, 80, 48, 24]), ['visits', 'carts', 'checkouts', 'orders', 'refunds']).funnel;
    expect(missing?.transitions.slice(2).map((t) => t.reason)).toEqual(['orders has no data', 'orders has no data']);
    expect(missing?.steps[4]).toEqual({ id: 'refunds', name: 'refunds', value: null, baseline: null });
  });
});
