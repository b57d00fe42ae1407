import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/load/framework/index.js';
import { problemsOf, where } from './helpers.js';

const FORMS = 'write a year (2026), half (2026-H2), quarter (2026-Q3), month (2026-07) or ISO week (2026-W27)';

describe('loadFramework: baseline: { period: … }', () => {
  it('reads the period in the framework time zone, a bare year included', async () => {
    const framework = await loadFramework('test/fixtures/e2e/baseline-period/journey.yaml');
    const periods = Object.fromEntries(framework.stages.flatMap((stage) => stage.kpis).map((kpi) => [kpi.id, kpi.baselinePeriod]));
    expect(periods.orders).toEqual({
      label: '2026-Q1', timezone: 'UTC', firstDay: '2026-01-01', lastDay: '2026-03-31', start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 3, 1),
    });
    expect(periods.refund_rate).toMatchObject({ label: '2026-03', firstDay: '2026-03-01', lastDay: '2026-03-31' });
    expect(periods.avg_order).toMatchObject({ label: '2025', firstDay: '2025-01-01', lastDay: '2025-12-31' });
    // No number stands in for a baseline that is computed later.
    expect(framework.stages[0]?.kpis[0]?.baseline).toBeUndefined();
  });

  it('refuses a period that is no calendar period, at the period, with an example', async () => {
    const problems = await problemsOf('baseline-periods.yaml');
    expect(where(problems)).toEqual(['framework/baseline-period@16:29', 'framework/baseline-period@23:19', 'framework/baseline-period@29:29']);
    expect(problems.map((problem) => problem.message)).toEqual([
      `KPI 'no_such_quarter': baseline '2026-Q5' is not a period: ${FORMS}, e.g. baseline: { period: 2026-Q2 }`,
      "KPI 'week_54': baseline '2026-W54' is not a period: 2026 has ISO weeks 01 to 53, e.g. baseline: { period: 2026-Q2 }",
      `KPI 'a_range': baseline '2026-04-01..2026-06-30' is not a period: ${FORMS}, e.g. baseline: { period: 2026-Q2 }`,
    ]);
    expect(problems[0]?.location?.file).toBe('test/fixtures/frameworks/baseline-periods.yaml');
  });

  it('refuses other keys in the mapping, naming the one it takes', async () => {
    const problems = await problemsOf('baseline-period-shape.yaml');
    expect(where(problems)).toEqual(['framework/schema@13:19', 'framework/schema@13:21']);
    expect(problems.map((problem) => problem.message)).toEqual([
      "stages[0].kpis[0].baseline is missing the required key 'period' (The period whose value is the baseline: 2026-Q2, 2026-06, 2026, 2026-H1 or 2026-W27 (ISO week)): add it",
      "unknown key 'perod' in stages[0].kpis[0].baseline. Did you mean 'period'?",
    ]);
  });
});
