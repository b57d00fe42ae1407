/**
 * The built binary on test/fixtures/e2e/windows: a product-led SaaS in Berlin,
 * reported for March 2026 (previous period: February; clocks go forward on the 29th).
 *
 * signups (4 in March: u1 Mar 2 10:00, u2 Mar 10 09:00, u3 Mar 30 12:00, u5 Mar 31 23:30; u4 in February).
 * events, key actions: u1 Mar 9 10:00 (exactly 7 days), u2 Mar 18 09:00 (8 days), u3 Apr 2 12:00 (3 days, after March).
 *   activation within 7 days: u1, u3 of 4 = 50%; time to value: median of 7, 8, 3 = 7 days.
 * payments: u1 pays Mar 20 (18 days after signing up), u3 May 15 (46 days): free to paid within 30 days = 1 of 4.
 *   February payers: a1 100, a2 200 (its 'abc' row rejected), a3 50 (Feb 28 23:30); March: a1 120, a2 150, a4 80, u1 40.
 *   NRR = (120 + 150 + 0) / 350; expansion = a1's growth 20 / 350; logo churn: a3 of a1, a2, a3 = 1/3.
 * DAU/MAU: March user-days u1 on the 9th, 29th (01:30 and 23:30) and 30th (00:30: the same UTC date as 23:30 the
 *   day before, another day in Berlin), u2 on the 10th and 18th, u7 on the 25th = 6, over 31 days, over 3 users.
 * Day-7 retention: March users u1 (from Mar 9 10:00, last Mar 30), u2 (from Mar 10 09:05, last Mar 18 09:00: 7 days
 *   23:55 later), u7 (Mar 25 10:00 CET, back Apr 1 10:30 CEST: 6 days 23:30 of elapsed time) = 2 of 3.
 */
import { describe, expect, it } from 'vitest';
import { parseReportJson } from './report-json.js';
import { runCli } from './run-cli.js';

const FRAMEWORK = 'test/fixtures/e2e/windows/journey.yaml';

interface JsonReport {
  sources: { name: string; rows_read: number; rows_in_period: number; rows_outside_period: number; rows_rejected: number; used_outside_period: unknown }[];
  stages: { kpis: { id: string; value: number | null; sample: number | null }[] }[];
}

async function reportJson(args: readonly string[]): Promise<JsonReport> {
  const result = await runCli(['report', FRAMEWORK, '--format', 'json', ...args]);
  expect(result.code).toBe(0);
  return parseReportJson<JsonReport>(result.stdout);
}

function valuesOf(report: JsonReport): Record<string, number | null> {
  return Object.fromEntries(report.stages.flatMap((stage) => stage.kpis.map((kpi) => [kpi.id, kpi.value])));
}

describe('time windows, end to end', () => {
  it('computes conversions, time to value, NRR, churn, DAU/MAU and day-7 retention', async () => {
    const report = await reportJson([]);
    expect(valuesOf(report)).toEqual({
      activation: 0.5,
      time_to_value: 7,
      free_to_paid: 0.25,
      nrr: 270 / 350,
      expansion: 20 / 350,
      logo_churn: 1 / 3,
      stickiness: 6 / 31 / 3,
      d7_retention: 2 / 3,
      events: 7,
    });
    expect(report.sources.map(({ name, used_outside_period }) => [name, used_outside_period])).toEqual([
      ['events', { rows: 4, for: 'the time after it' }],
      ['signups', null],
      ['payments', { rows: 4, for: 'the previous period and the 30 days after it' }],
    ]);
  });

  it('says in the Data section which rows outside the period it used, and checks only those', async () => {
    const result = await runCli(['report', FRAMEWORK, '--stage', 'retention']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      [
        'Data',
        '  events: 12 rows read, 7 in the period, 5 outside it (4 used for the time after it), 0 rejected',
        '  payments: 12 rows read, 4 in the period, 7 outside it (3 used for the previous period), 1 rejected',
      ].join('\n'),
    );
    // The bad amount in February is read for the previous period and rejected; the one of December 2025 is not read.
    expect(result.stderr).toContain("payments.csv:5:4  warning  row/invalid-number  column 'amount' (field 2): 'abc'");
    expect(result.stderr).not.toContain('xyz');
  });

  it('takes the previous period of the same kind: January before February, the 10 days before a --from/--to range', async () => {
    // January payers: a5 (70), gone in February: churn 1 of 1, NRR 0 / 70.
    expect(valuesOf(await reportJson(['--period', '2026-02', '--kpi', 'logo_churn', '--kpi', 'nrr']))).toEqual({ nrr: 0, logo_churn: 1 });
    // Mar 1–10: the previous period is Feb 19–28, whose only payer a3 (Feb 28 23:30) does not pay by Mar 10.
    const range = await reportJson(['--from', '2026-03-01', '--to', '2026-03-10', '--kpi', 'logo_churn']);
    expect(valuesOf(range)).toEqual({ logo_churn: 1 });
    expect(range.sources[0]).toMatchObject({ name: 'payments', rows_in_period: 2, used_outside_period: { rows: 1, for: 'the previous period' } });
  });

  it('explain shows a share such as churn or NRR as a percent, term and result alike', async () => {
    const churn = await runCli(['explain', 'logo_churn', 'test/fixtures/e2e/windows/journey.yaml']);
    expect(churn.stdout).toContain('  A = churn(payments.account_id)  33.33%  (3 rows)\n  A = 33.33% = 33.33%, from 3 rows\n');
    const nrr = await runCli(['explain', 'nrr', 'test/fixtures/e2e/windows/journey.yaml']);
    // (120 + 150 + 0) / 350
    expect(nrr.stdout).toContain('  A = net_revenue_retention(payments.amount by account_id)  77.14%  (3 rows)\n');
  });
});
