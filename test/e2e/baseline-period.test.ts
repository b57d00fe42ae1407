/**
 * The built binary on test/fixtures/e2e/baseline-period: orders and tickets in UTC, reported for 2026-Q2, each KPI's
 * baseline computed over another period of the same files.
 *
 * 2026-Q1: a1 paid 100, a2 paid 60, a3 refunded 40, a4 paid 50 (Mar 31 23:30, the quarter's last hour): 4 orders,
 *   paid 3/4 = 0.75. March alone holds a4 only: 1 row, below refund_rate's min_sample 2.
 * 2026-Q2: b1 paid 120 (Apr 1 00:00, its first instant), b2 paid 80, b3 refunded 20, b4 paid 30, b5 paid 70:
 *   5 orders, paid 4/5 = 0.8, refunded 1/5 = 0.2, average 320 / 5 = 64. c1 (Jul 2) is in neither.
 * 2025: no orders. Tickets: t1 in Q1, t2 and t3 in Q2, none in 2025-Q4.
 *   orders: baseline 4, target +10% = 4 + 4 × 0.1 = 4.4; 5 ≥ 4.4, met.
 *   paid_rate: baseline 0.75, target +10% = 0.825, warn +0pp = 0.75; 0.8 is between, at risk.
 *   refund_rate: 2026-03 is below min_sample, so no baseline: the +0pp target has nothing to be relative to, no_data.
 *   avg_order: 2025 has no rows, so no baseline; the absolute target 60 still holds: 64, met.
 *   tickets: 2025-Q4 has no rows: the -10% target cannot be resolved, no_data.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportJson } from './report-json.js';
import { runCli } from './run-cli.js';

const FRAMEWORK = 'test/fixtures/e2e/baseline-period/journey.yaml';

interface JsonKpi {
  id: string;
  value: number | null;
  baseline: number | null;
  baseline_from: string | null;
  baseline_period?: string;
  target: number | null;
  warn: number | null;
  delta: number | null;
  status: string;
  reason: string;
}
interface JsonReport {
  summary: Record<string, number>;
  sources: { name: string; rows_read: number; rows_outside_period: number; used_outside_period: { rows: number; for: string } | null }[];
  stages: { kpis: JsonKpi[] }[];
}

async function report(args: readonly string[] = []): Promise<JsonReport> {
  const result = await runCli(['report', FRAMEWORK, '--format', 'json', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return parseReportJson<JsonReport>(result.stdout);
}

const kpisOf = (document: JsonReport) => Object.fromEntries(document.stages.flatMap((stage) => stage.kpis.map((kpi) => [kpi.id, kpi])));
const pick = ({ value, baseline, baseline_from, baseline_period, target, warn, delta, status }: JsonKpi) =>
  ({ value, baseline, baseline_from, baseline_period, target, warn, delta, status });

describe('baseline: { period: … }, end to end', () => {
  it('computes each baseline over its period in the same pass, and re-bases relative targets on it', async () => {
    const document = await report();
    const kpis = kpisOf(document);
    expect(pick(kpis.orders as JsonKpi)).toEqual({
      value: 5, baseline: 4, baseline_from: 'period', baseline_period: '2026-Q1', target: 4.4, warn: null, delta: 1, status: 'met',
    });
    expect(pick(kpis.paid_rate as JsonKpi)).toEqual({
      value: 0.8, baseline: 0.75, baseline_from: 'period', baseline_period: '2026-Q1', target: 0.75 + 0.75 * 0.1, warn: 0.75, delta: 0.8 - 0.75, status: 'at_risk',
    });
    expect(kpis.paid_rate?.reason).toBe('80.00% is below the target 82.50% (warn 75.00%)');
    // One read of each file: the baseline periods' rows are among those outside the period.
    expect(document.sources).toEqual([
      expect.objectContaining({
        name: 'orders', rows_read: 10, rows_outside_period: 5,
        used_outside_period: { rows: 4, for: 'the baseline period (2026-Q1) and the baseline period (2026-03) and the baseline period (2025)' },
      }),
      expect.objectContaining({ name: 'tickets', rows_read: 3, rows_outside_period: 1, used_outside_period: { rows: 0, for: 'the baseline period (2025-Q4)' } }),
    ]);
    expect(document.summary).toEqual({ met: 2, at_risk: 1, missed: 0, no_data: 2, total: 5 });
  });

  it('leaves a KPI without a baseline when its period has no value, and says why', async () => {
    const kpis = kpisOf(await report());
    expect(pick(kpis.tickets as JsonKpi)).toEqual({
      value: 2, baseline: null, baseline_from: null, baseline_period: '2025-Q4', target: null, warn: null, delta: null, status: 'no_data',
    });
    expect(kpis.tickets?.reason).toBe(
      "no target: it is relative to the baseline, and the baseline period 2025-Q4 has no value (no valid rows in the period for source 'tickets')",
    );
    expect(kpis.refund_rate).toMatchObject({ baseline: null, baseline_period: '2026-03', target: null, status: 'no_data' });
    expect(kpis.refund_rate?.reason).toBe(
      'no target: it is relative to the baseline, and the baseline period 2026-03 has no value (only 1 row behind the value; min_sample is 2)',
    );
    // An absolute target needs no baseline: the status stands, and the reason still says the baseline is missing.
    expect(pick(kpis.avg_order as JsonKpi)).toEqual({
      value: 64, baseline: null, baseline_from: null, baseline_period: '2025', target: 60, warn: null, delta: null, status: 'met',
    });
    expect(kpis.avg_order?.reason).toBe("met: 64.00 is at or above the target 60.00; no baseline: the baseline period 2025 has no value (no valid rows in the period for source 'orders')");
  });

  it('computes only the baseline periods of the KPIs asked for', async () => {
    const document = await report(['--kpi', 'tickets']);
    expect(document.sources.map((source) => [source.name, source.used_outside_period?.for])).toEqual([['tickets', 'the baseline period (2025-Q4)']]);
    const other = await report(['--kpi', 'orders']);
    expect(other.sources.map((source) => source.used_outside_period?.for)).toEqual(['the baseline period (2026-Q1)']);
  });

  it('shows the reasons under the table; check fails on the KPIs left without a target (no_data at level error)', async () => {
    const result = await runCli(['report', FRAMEWORK]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "  tickets: no target: it is relative to the baseline, and the baseline period 2025-Q4 has no value (no valid rows in the period for source 'tickets')\n",
    );
    expect(result.stdout).toContain('  orders: 10 rows read, 5 in the period, 5 outside it (4 used for the baseline period (2026-Q1)');
    const check = await runCli(['check', FRAMEWORK]);
    expect(check.code).toBe(1);
    expect(check.stdout.split('\n').slice(0, 3)).toEqual([
      '✗ FAIL  2 of 5 KPIs failed  Baseline period fixture, 2026-Q2 (2026-04-01 to 2026-06-30)',
      '  ✗ no data  sales.refund_rate  Refund rate: no target: it is relative to the baseline, and the baseline period 2026-03 has no value (only 1 row behind the value; min_sample is 2)',
      "  ✗ no data  service.tickets  Tickets: no target: it is relative to the baseline, and the baseline period 2025-Q4 has no value (no valid rows in the period for source 'tickets')",
    ]);
  });

  it('takes a --baseline run over the period where the run has the KPI', async () => {
    const stored = await report(['--period', '2026-Q1']);
    const folder = mkdtempSync(join(tmpdir(), 'journey-kpi-baseline-period-'));
    const file = join(folder, 'q1.json');
    // Keep Q1's orders only: the other KPIs keep their baseline periods.
    const onlyOrders = { ...stored, stages: stored.stages.map((stage) => ({ ...stage, kpis: stage.kpis.filter((kpi) => kpi.id === 'orders') })) };
    writeFileSync(file, JSON.stringify(onlyOrders));
    const result = await runCli(['report', FRAMEWORK, '--format', 'json', '--baseline', file]);
    expect(result.code).toBe(0);
    const kpis = kpisOf(parseReportJson<JsonReport>(result.stdout));
    // Q1 has 4 orders either way: the stored value, not the period, is the baseline.
    expect(pick(kpis.orders as JsonKpi)).toMatchObject({ baseline: 4, baseline_from: 'stored', baseline_period: undefined, target: 4.4 });
    expect(pick(kpis.paid_rate as JsonKpi)).toMatchObject({ baseline: 0.75, baseline_from: 'period', baseline_period: '2026-Q1' });
  });
});
