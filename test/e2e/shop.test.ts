/**
 * The built binary on test/fixtures/e2e/shop: a tiny shop whose every number
 * is worked out by hand below (period 2026-07 in Europe/Berlin, so July runs
 * from 2026-06-30T22:00Z to 2026-07-31T22:00Z).
 *
 * traffic.csv, 15 rows: s0 at 21:59:59Z on 30 June is 23:59:59 in Berlin (out),
 * s6 at 22:00Z on 31 July is midnight 1 August (out), s7's engagement `abc` is
 * rejected; 12 rows of sessions s1..s5 remain.
 *   engagement values (begin_checkout's is empty): 30 20 5 3 | 40 60 10 | 15 25 | 0 | 50
 *   sum 258 over 11 values; sorted 0 3 5 10 15 20 25 30 40 50 60: median 20,
 *   p90 at rank (11-1)*0.9 = 9 → 50. view_item values 20 60 25 → 35 (3 rows).
 *   view_item sessions s1 s2 s3, add_to_cart s1 s2, purchase s1.
 * orders.csv, 8 rows: #1006 (1 Aug 00:00 +0200) and #1007 (30 Jun 23:59 +0200)
 *   are outside. counted = paid/partially_refunded/refunded and not cancelled:
 *   #1001 $1,200 (its second line has no status), #1002 $50, #1003 $80, #1005 $70
 *   → 4 orders, $1,400, e-mails a and b (B@x.com and 'b@x.com ' normalise to b).
 *   kept (not refunded): a has #1001 and #1005, b has #1002 → 1 repeat of 2.
 * survey.csv (BOM, CRLF, Typeform `#` header), 8 answers in July:
 *   nps 10 9 8 6 0 _ 7 10 → 7 answers, 3 promoters, 2 detractors → 100/7
 *   csat 5 4 3 2 1 _ 4 _ → 6 answers, 3 at or above 4 → 0.5
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, type CliResult } from './run-cli.js';
import { parseReportJson } from './report-json.js';

const FRAMEWORK = 'test/fixtures/e2e/shop/journey.yaml';

interface JsonKpi {
  id: string;
  value: number | null;
  target: number | null;
  status: string;
  reason: string;
  sample: number | null;
}

const EXPECTED: Record<string, { value: number | null; status: string; target?: number }> = {
  sessions: { value: 5, status: 'met' },
  engagement: { value: 258 / 11, status: 'met' },
  median_engagement: { value: 20, status: 'met' },
  p90_engagement: { value: 50, status: 'met' },
  // 35 over 3 rows, but min_sample is 100: no value
  product_view_duration: { value: null, status: 'no_data' },
  add_to_cart_rate: { value: 2 / 3, status: 'met', target: 0.55 },
  conversion_rate: { value: 0.2, status: 'at_risk' },
  cart_abandonment: { value: 0.5, status: 'missed', target: 0.45 },
  aov: { value: 350, status: 'met' },
  disputed_aov: { value: null, status: 'no_data' },
  repeat_purchase_rate: { value: 0.5, status: 'met' },
  purchase_frequency: { value: 2, status: 'met' },
  clv: { value: 2100, status: 'at_risk' },
  nps: { value: 100 / 7, status: 'missed' },
  csat: { value: 0.5, status: 'missed' },
};

describe('report --format json on the hand-worked shop', () => {
  let result: CliResult;
  let kpis: Map<string, JsonKpi>;
  let document: {
    schema_version: number;
    summary: Record<string, number>;
    sources: { name: string; rows_read: number; rows_in_period: number; rows_outside_period: number; rows_rejected: number }[];
    stages: { kpis: JsonKpi[] }[];
  };

  beforeAll(async () => {
    result = await runCli(['report', FRAMEWORK, '--format', 'json']);
    document = parseReportJson(result.stdout);
    kpis = new Map(document.stages.flatMap((stage) => stage.kpis).map((kpi) => [kpi.id, kpi]));
  });

  it('exits 0 and warns about the rejected row on stderr only', () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/traffic\.csv:16:\d+\s+warning\s+row\/invalid-number/);
    expect(result.stdout.startsWith('{')).toBe(true);
  });

  it.each(Object.entries(EXPECTED))('%s', (id, expected) => {
    const kpi = kpis.get(id);
    expect(kpi?.status).toBe(expected.status);
    if (expected.value === null) expect(kpi?.value).toBeNull();
    else expect(kpi?.value).toBeCloseTo(expected.value, 12);
    if (expected.target !== undefined) expect(kpi?.target).toBeCloseTo(expected.target, 12);
  });

  it('says why a value is missing', () => {
    expect(kpis.get('product_view_duration')?.reason).toMatch(/min_sample/);
    expect(kpis.get('product_view_duration')?.sample).toBe(3);
    expect(kpis.get('disputed_aov')?.reason).toMatch(/denominator/);
  });

  it('counts every row of every source', () => {
    const counts = Object.fromEntries(
      document.sources.map((s) => [s.name, [s.rows_read, s.rows_in_period, s.rows_outside_period, s.rows_rejected]]),
    );
    expect(counts).toEqual({ traffic: [15, 12, 2, 1], orders: [8, 6, 2, 0], survey: [8, 8, 0, 0] });
  });

  it('summarises the statuses', () => {
    expect(document.schema_version).toBe(1);
    expect(document.summary).toEqual({ met: 8, at_risk: 2, missed: 3, no_data: 2, total: 15 });
  });
});

describe('a period without data', () => {
  it('is no_data with the reason, and a warning gives the times the data does have', async () => {
    const result = await runCli(['report', FRAMEWORK, '--period', '2025-Q1', '--kpi', 'aov', '--format', 'json']);
    expect(result.code).toBe(0);
    const kpi = parseReportJson(result.stdout).stages[0].kpis[0];
    expect(kpi).toMatchObject({ value: null, status: 'no_data', reason: "no valid rows in the period for source 'orders'" });
    expect(result.stderr).toContain(
      'journey-kpi  warning  data/no-rows-in-period  orders: none of its 8 valid rows falls in 2025-Q1 (2025-01-01 to 2025-03-31); their times run from 2026-06-30 to 2026-07-31 (UTC)',
    );
  });
});

describe('check on the hand-worked shop', () => {
  it('fails on the level-error misses only, and names them', async () => {
    const result = await runCli(['check', FRAMEWORK]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('✗ FAIL  2 of 13 KPIs failed  Tiny Shop, 2026-07 (2026-07-01 to 2026-07-31)');
    expect(lines.filter((line) => line.includes('✗ missed')).map((line) => line.trim().split(/\s+/)[2])).toEqual([
      'purchase.cart_abandonment',
      'advocacy.csat',
    ]);
    expect(lines.filter((line) => line.includes('level warn'))).toHaveLength(2);
  });

  it("prints exactly the README's check example", async () => {
    const result = await runCli(['check', FRAMEWORK]);
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    expect(readme).toContain(`$ journey-kpi check ${FRAMEWORK}\n${result.stdout}`);
  });

  it('passes when the selected KPIs meet their targets', async () => {
    const result = await runCli(['check', FRAMEWORK, '--kpi', 'sessions', '--kpi', 'aov']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('✓ PASS  2 KPIs checked: none failed  Tiny Shop, 2026-07 (2026-07-01 to 2026-07-31)\n');
  });

  it('--format json carries the verdict', async () => {
    const result = await runCli(['check', FRAMEWORK, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(parseReportJson(result.stdout).check).toEqual({
      passed: false,
      fail_on: ['missed', 'no_data'],
      checked: 13,
      failed: ['purchase.cart_abandonment', 'advocacy.csat'],
      warned: ['consideration.product_view_duration', 'advocacy.nps'],
    });
  });

  it('--output writes the verdict to the file, pass or fail, and nothing to stdout', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'journey-kpi-')), 'verdict.txt');
    const result = await runCli(['check', FRAMEWORK, '--output', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toMatch(/^✗ FAIL  2 of 13 KPIs failed/);
  });

  it('--strict turns the rejected row into exit 2', async () => {
    const result = await runCli(['check', FRAMEWORK, '--kpi', 'sessions', '--strict']);
    expect(result.code).toBe(2);
  });
});
