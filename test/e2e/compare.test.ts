/**
 * The built binary on test/fixtures/e2e/compare: orders in Berlin, reported for 2026-Q1 (clocks go forward on
 * 2026-03-29), with --compare, --trend and --by.
 *
 * 2026-Q1: o1 web paid 100 (Jan 5), o2 web paid 50 (Jan 6), o3 store refunded 30 (Jan 20), o4 web paid 20
 *   (Sat Mar 28 23:30), o5 web refunded 10 (Sun Mar 29 23:30 CEST), o6 app paid 40 (Mon Mar 30 00:30 CEST,
 *   Mar 29 22:30 UTC): 6 orders, paid 4/6, revenue 250. Tickets: Feb 1 and Mar 1.
 * 2025-Q1 (previous year): p1 paid 60, p2 paid 40 (Mar 31 23:30 CEST, the quarter's last hour); p3 (Apr 1 00:30)
 *   is in Q2: 2 orders, paid 2/2, revenue 100; no tickets.
 * 2025-Q4 (previous period): q1 store paid 70 (Dec 31 23:30): 1 order, paid rate below min_sample 2.
 * Leap: 2024-02-01..2024-02-29 holds l4 35 and l1 25 (Feb 29); a year earlier is 2023-02-01..2023-02-28,
 *   holding l2 15 (Feb 28 23:30) but not l3 (Mar 1 00:10).
 */
import { describe, expect, it } from 'vitest';
import { parseReportJson } from './report-json.js';
import { runCli } from './run-cli.js';

const FRAMEWORK = 'test/fixtures/e2e/compare/journey.yaml';

interface Slice {
  value: number | null;
  reason: string | null;
  sample: number | null;
}
interface JsonReport {
  comparison: { kind: string; period: { label: string; first_day: string; last_day: string } };
  trend: { unit: string; week_start: string; buckets: { label: string }[] };
  breakdowns: { column: string; kpis: { id: string; unsplit: string | null; segments: (Slice & { segment: string | null })[] }[] }[];
  sources: { name: string; used_outside_period: unknown }[];
  stages: { kpis: { id: string; value: number | null; comparison: Slice & Record<string, number | null>; trend: Slice[] }[] }[];
}

async function reportJson(args: readonly string[]): Promise<JsonReport> {
  const result = await runCli(['report', FRAMEWORK, '--format', 'json', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return parseReportJson<JsonReport>(result.stdout);
}

const kpisOf = (report: JsonReport) => Object.fromEntries(report.stages.flatMap((stage) => stage.kpis.map((kpi) => [kpi.id, kpi])));

describe('comparison, trend and breakdown, end to end', () => {
  it('compares with the same quarter a year earlier: absolute, relative and percentage points', async () => {
    const report = await reportJson(['--compare', 'previous_year']);
    expect(report.comparison).toMatchObject({ kind: 'previous_year', period: { label: '2025-Q1', first_day: '2025-01-01', last_day: '2025-03-31' } });
    const kpis = kpisOf(report);
    expect(kpis.orders?.comparison).toEqual({ value: 2, reason: null, sample: 2, change: 4, change_relative: 2, change_points: null });
    expect(kpis.paid_rate?.comparison).toEqual({ value: 1, reason: null, sample: 2, change: 4 / 6 - 1, change_relative: (4 / 6 - 1) / 1, change_points: (4 / 6 - 1) * 100 });
    expect(kpis.revenue?.comparison).toMatchObject({ value: 100, change: 150, change_relative: 1.5 });
    expect(kpis.tickets?.comparison).toEqual({
      value: null, reason: "no valid rows in the period for source 'tickets'", sample: 0, change: null, change_relative: null, change_points: null,
    });
    expect(report.sources.map((source) => source.used_outside_period)).toEqual([
      { rows: 2, for: 'the comparison period (2025-Q1)' },
      { rows: 0, for: 'the comparison period (2025-Q1)' },
    ]);
  });

  it('compares with the quarter before, where the paid rate is below min_sample', async () => {
    const kpis = kpisOf(await reportJson(['--compare', 'previous_period']));
    expect(kpis.orders?.comparison).toMatchObject({ value: 1, change: 5, change_relative: 5 });
    expect(kpis.paid_rate?.comparison).toMatchObject({ value: null, reason: 'only 1 row behind the value; min_sample is 2', change: null });
  });

  it('compares February 2024 with February 2023, 29 February with 28 February', async () => {
    const report = await reportJson(['--from', '2024-02-01', '--to', '2024-02-29', '--compare', 'previous_year', '--kpi', 'revenue']);
    expect(report.comparison.period.label).toBe('2023-02-01..2023-02-28');
    expect(kpisOf(report).revenue).toMatchObject({ value: 60, comparison: { value: 15, change: 45, change_relative: 3 } });
  });

  it('trends by month with February empty, a gap and not a zero', async () => {
    const report = await reportJson(['--trend', 'month']);
    expect(report.trend).toMatchObject({ unit: 'month', week_start: 'monday', buckets: [{ label: '2026-01' }, { label: '2026-02' }, { label: '2026-03' }] });
    const values = (id: string) => kpisOf(report)[id]?.trend.map((slice) => slice.value);
    expect(values('orders')).toEqual([3, null, 3]);
    expect(values('revenue')).toEqual([180, null, 70]);
    expect(values('tickets')).toEqual([null, 1, 1]);
  });

  it('puts Monday 00:30 after the change to summer time in the next week, whichever day weeks start on', async () => {
    const weeks = async (args: string[]) => kpisOf(await reportJson(['--from', '2026-03-22', '--to', '2026-03-31', '--trend', 'week', '--kpi', 'orders', ...args])).orders?.trend.map((slice) => slice.value);
    // Monday weeks: Sunday 22 alone (empty), W13 holds o4 and o5, Mon 30 to Tue 31 holds o6.
    expect(await weeks([])).toEqual([null, 2, 1]);
  });

  it('breaks every KPI down by channel, segments below min_sample last and without a value', async () => {
    const [channel] = (await reportJson(['--by', 'channel'])).breakdowns;
    expect(channel?.column).toBe('channel');
    const split = Object.fromEntries((channel?.kpis ?? []).map((kpi) => [kpi.id, kpi]));
    expect(split.orders?.segments.map((s) => [s.segment, s.value])).toEqual([['web', 4], ['app', 1], ['store', 1]]);
    // app paid 1 of 1 (100%) would top the table; with min_sample 2 it has no value.
    expect(split.paid_rate?.segments).toEqual([
      { segment: 'web', value: 0.75, reason: null, sample: 4 },
      { segment: 'app', value: null, reason: 'only 1 row behind the value; min_sample is 2', sample: 1 },
      { segment: 'store', value: null, reason: 'only 1 row behind the value; min_sample is 2', sample: 1 },
    ]);
    expect(split.tickets).toEqual({ id: 'tickets', stage: 'service', unsplit: "source 'tickets' has no column 'channel'", segments: [] });
  });

  it('refuses a --by column no source declares, naming the closest', async () => {
    const result = await runCli(['report', FRAMEWORK, '--by', 'chanel']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--by 'chanel' is not a column of any source. Did you mean 'channel'?");
  });
});
