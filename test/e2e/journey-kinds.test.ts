/**
 * Each journey kind's example (besides ecommerce, see examples.test.ts) runs
 * through the built binary: every KPI equals a second computation written
 * independently of the engine (test/examples/<kind>-expected.ts), in Q2 and
 * Q3, and Q3's statuses tell the story its README describes. (That the
 * examples validate is held by test/e2e/init.test.ts, on the same data.)
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeB2bExpected } from '../examples/b2b-expected.js';
import { Q2_DAYS, Q3_DAYS, type LocalDays } from '../examples/plain.js';
import { computeDigitalFirstExpected } from '../examples/digital-first-expected.js';
import { computeProductLedExpected } from '../examples/product-led-expected.js';
import { computeSmallBusinessExpected } from '../examples/small-business-expected.js';
import { computeServiceExpected } from '../examples/service-expected.js';
import { parseReportJson } from './report-json.js';
import { REPO, runCli } from './run-cli.js';

interface KindCase {
  readonly kind: string;
  readonly expected: (dataDir: string, days: LocalDays) => Record<string, number | null>;
  readonly q3Statuses: Record<string, string>;
}

const CASES: readonly KindCase[] = [
  {
    kind: 'service',
    expected: computeServiceExpected,
    q3Statuses: {
      first_response_sla: 'met',
      open_backlog: 'met',
      first_contact_resolution: 'missed',
      average_handling_time: 'met',
      reopen_rate: 'missed',
      csat: 'at_risk',
      customer_effort: 'missed',
    },
  },
  {
    kind: 'b2b',
    expected: computeB2bExpected,
    q3Statuses: {
      new_leads: 'met',
      lead_to_mql: 'at_risk',
      mql_to_sql: 'missed',
      sql_to_opportunity: 'missed',
      opportunities: 'met',
      win_rate: 'met',
      average_deal_size: 'met',
      sales_cycle: 'missed',
      pipeline_velocity: 'at_risk',
      account_nps: 'at_risk',
      net_revenue_retention: 'met',
      logo_churn: 'missed',
    },
  },
  {
    kind: 'small-business',
    expected: computeSmallBusinessExpected,
    q3Statuses: { orders: 'met', revenue: 'at_risk', average_basket: 'missed', returning_customers: 'missed', happy_visitors: 'at_risk' },
  },
  {
    kind: 'digital-first',
    expected: computeDigitalFirstExpected,
    q3Statuses: {
      web_visits: 'missed',
      installs: 'met',
      session_length: 'missed',
      budget_usage: 'met',
      stickiness: 'missed',
      retention_d7: 'missed',
      retention_d30: 'missed',
      store_rating: 'missed',
    },
  },
  {
    kind: 'product-led',
    expected: computeProductLedExpected,
    q3Statuses: {
      signups: 'met',
      activation: 'missed',
      time_to_value: 'missed',
      active_users: 'met',
      automation_adoption: 'missed',
      invite_rate: 'at_risk',
      revenue_expansion: 'met',
      free_to_paid: 'missed',
      paid_churn: 'missed',
    },
  },
];

interface JsonKpi {
  id: string;
  value: number | null;
  status: string;
}

async function reportKpis(kind: string, period: string): Promise<JsonKpi[]> {
  const result = await runCli(['report', `examples/${kind}/journey.yaml`, '--format', 'json', '--period', period]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const document = parseReportJson(result.stdout) as { sources: { rows_rejected: number }[]; stages: { kpis: JsonKpi[] }[] };
  expect(document.sources.map((source) => source.rows_rejected)).toEqual(document.sources.map(() => 0));
  return document.stages.flatMap((stage) => stage.kpis);
}

describe.each(CASES)('examples/$kind', ({ kind, expected, q3Statuses }) => {
  it.each([['2026-Q2', Q2_DAYS], ['2026-Q3', Q3_DAYS]] as const)('%s: every KPI equals the independent computation', async (period, days) => {
    const kpis = await reportKpis(kind, period);
    const values = expected(join(REPO, 'examples', kind, 'data'), days);
    expect(kpis.map((kpi) => kpi.id).sort()).toEqual(Object.keys(values).sort());
    for (const kpi of kpis) {
      const value = values[kpi.id];
      if (value === null || value === undefined) expect(kpi.value, kpi.id).toBeNull();
      else expect(kpi.value, kpi.id).toBeCloseTo(value, 9);
    }
    // Q3 is the period the example's README tells the story of.
    if (period === '2026-Q3') expect(Object.fromEntries(kpis.map((kpi) => [kpi.id, kpi.status]))).toEqual(q3Statuses);
  });
});
