/**
 * journey-kpi explain on the hand-worked shop (test/e2e/shop.test.ts works
 * every number out): the same values as report, term by term.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from './run-cli.js';

const FRAMEWORK = 'test/fixtures/e2e/shop/journey.yaml';
const explain = (kpi: string, ...options: string[]) => runCli(['explain', kpi, FRAMEWORK, ...options]);
const TRAFFIC_DATA = [
  'Data',
  '  traffic: 15 rows read, 12 in the period, 2 outside it, 1 rejected',
  "    test/fixtures/e2e/shop/data/traffic.csv:16:35  warning  row/invalid-number  column 'engagement_sec' (field 4): 'abc' is not a number. The row was left out.",
].join('\n');

describe('explain a ratio', () => {
  it('conversion rate: 1 purchasing session of 5 (12 event rows in July), at risk between warn 18% and target 25%', async () => {
    const result = await explain('conversion_rate');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Conversion rate (conversion_rate), stage Purchase',
        'Tiny Shop, period 2026-07: 2026-07-01 to 2026-07-31 (Europe/Berlin)',
        '',
        'Formula',
        "  count_distinct(traffic.session_id where event_name = 'purchase') / count_distinct(traffic.session_id)",
        "  A = count_distinct(traffic.session_id where event_name = 'purchase')  1  (1 row)",
        '  B = count_distinct(traffic.session_id)                                5  (12 rows)',
        '  A / B = 1 / 5 = 20.00%, from 12 rows',
        '',
        'Sources',
        '  traffic  file data/traffic.csv, time event_time; columns session_id, event_name',
        '           read from test/fixtures/e2e/shop/data/traffic.csv',
        '',
        TRAFFIC_DATA,
        '',
        'Status: ! at risk',
        '  higher is better, level error; baseline 15.00% (+5.00 pp)',
        '  20.00% < target 25.00%',
        '  20.00% ≥ warn 18.00% → at risk',
        '',
      ].join('\n'),
    );
    // The rejected row is also a warning on stderr, as report gives it.
    expect(result.stderr).toContain('traffic.csv:16:35  warning  row/invalid-number');
  });

  it("prints exactly the README's explain example (a view with a where)", async () => {
    const result = await explain('aov');
    expect(result.code).toBe(0);
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    expect(readme).toContain(`$ journey-kpi explain aov ${FRAMEWORK}\n${result.stdout}`);
    // $1,200 + $50 + $80 + $70 over orders #1001 #1002 #1003 #1005.
    expect(result.stdout).toContain('  A / B = $1,400.00 / 4 = $350.00, from 4 rows\n');
  });
});

describe('explain a KPI built on KPI references and views', () => {
  it('clv = aov × purchase_frequency × 3 = $350 × 2 × 3, reading orders through counted_orders', async () => {
    const result = await explain('clv');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      [
        'Formula',
        '  aov * purchase_frequency * 3',
        '  aov = KPI Average order value                 $350.00  (4 rows)',
        '  purchase_frequency = KPI Orders per customer     2.00  (4 rows)',
        '  aov * purchase_frequency * 3 = $350.00 * 2.00 * 3 = $2,100.00, from 4 rows',
        '',
        'Sources',
        "  counted_orders  view of orders where financial_status in ('paid', 'partially_refunded', 'refunded') and cancelled_at is null",
        '  orders          file data/orders.csv, time created_at; columns name, email, financial_status, total, cancelled_at',
      ].join('\n'),
    );
    expect(result.stdout).toContain(['  $2,100.00 < target $2,500.00', '  $2,100.00 ≥ warn $2,000.00 → at risk'].join('\n'));
  });

  it('repeat purchase rate follows a view of a view to its file: 1 of 2 kept customers ordered twice', async () => {
    const result = await explain('repeat_purchase_rate');
    expect(result.stdout).toContain(
      [
        "  kept_orders     view of counted_orders where financial_status != 'refunded'",
        "  counted_orders  view of orders where financial_status in ('paid', 'partially_refunded', 'refunded') and cancelled_at is null",
        '  orders          file data/orders.csv, time created_at; columns email, financial_status, cancelled_at',
      ].join('\n'),
    );
    expect(result.stdout).toContain('  A / B = 1 / 2 = 50.00%, from 3 rows\n');
  });
});

describe('explain a KPI without data', () => {
  it('min_sample: an average of 35 over 3 view_item rows is not enough for 100', async () => {
    const result = await explain('product_view_duration');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      [
        "  A = avg(traffic.engagement_sec where event_name = 'view_item')  35.00  (3 rows)",
        '  A = 35.00 → no value: only 3 rows behind the value; min_sample is 100',
      ].join('\n'),
    );
    expect(result.stdout.endsWith(
      [
        'Status: ? no data',
        '  higher is better, level warn, min_sample 100 (3 rows behind the value); baseline 30.0s',
        '  only 3 rows behind the value; min_sample is 100 → no data',
        '',
      ].join('\n'),
    )).toBe(true);
  });

  it('a zero denominator: no disputed order in July', async () => {
    const result = await explain('disputed_aov');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "  A / B = $0.00 / 0 → no value: denominator count(orders where financial_status = 'disputed') is 0\n",
    );
  });

  it('a period without rows says so for each aggregate', async () => {
    const result = await explain('aov', '--period', '2025-Q1');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  B = count_distinct(counted_orders.name)  no value: no valid rows in the period for source 'orders'\n");
    expect(result.stdout).toContain('  orders: 8 rows read, 0 in the period, 8 outside it, 0 rejected\n');
  });
});

describe('explain options and usage', () => {
  it('an unknown KPI is a usage error that suggests the closest id and lists them all', async () => {
    const result = await explain('conversion_rat');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `journey-kpi  error  usage/unknown-kpi  KPI 'conversion_rat' is not in ${FRAMEWORK}. Did you mean 'conversion_rate'? ` +
        'Its KPIs: sessions, engagement, median_engagement, p90_engagement, product_view_duration, add_to_cart_rate, conversion_rate, ' +
        'cart_abandonment, aov, disputed_aov, repeat_purchase_rate, purchase_frequency, clv, nps, csat\n',
    );
  });

  it('a missing KPI id, an unknown format or a --source naming no file source exit 2', async () => {
    expect((await runCli(['explain'])).code).toBe(2);
    expect((await explain('aov', '--format', 'table')).code).toBe(2);
    const wrongSource = await explain('aov', '--source', 'order=test/fixtures/e2e/shop/data/orders.csv');
    expect(wrongSource.code).toBe(2);
    expect(wrongSource.stderr).toContain("--source order=… names no file source. Did you mean 'orders'?");
  });

  it('--source reads a source from another file and says so', async () => {
    const result = await explain('csat', '--source', 'survey=test/fixtures/e2e/shop/data/survey.csv');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      [
        '  survey  file test/fixtures/e2e/shop/data/survey.csv (--source, instead of data/survey.csv), time submitted_at; columns satisfaction',
        '          read from test/fixtures/e2e/shop/data/survey.csv',
      ].join('\n'),
    );
    // 3 of 6 answers at 4 or more.
    expect(result.stdout).toContain('  A = csat(survey.satisfaction, 4)  50.00%  (6 rows)\n');
  });

  it('--format json: the documented shape', async () => {
    const result = await explain('aov', '--format', 'json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      schema_version: 1,
      journey: 'Tiny Shop',
      framework: FRAMEWORK,
      period: { label: '2026-07', timezone: 'Europe/Berlin', first_day: '2026-07-01', last_day: '2026-07-31', start: '2026-06-30T22:00:00.000Z', end: '2026-07-31T22:00:00.000Z' },
      currency: 'USD',
      kpi: {
        id: 'aov', name: 'Average order value', owner: null, unit: 'currency', direction: 'higher', level: 'error',
        value: 350, baseline: 300, baseline_from: 'framework', target: 320, warn: null, delta: 50, delta_relative: 50 / 300, status: 'met',
        reason: 'met: $350.00 is at or above the target $320.00', sample: 4, problems: [], stage: 'purchase', min_sample: null,
      },
      formula: {
        text: 'sum(counted_orders.total) / count_distinct(counted_orders.name)',
        outline: 'A / B',
        terms: [
          { label: 'A', kind: 'aggregate', text: 'sum(counted_orders.total)', unit: 'currency', name: null, source: 'counted_orders', value: 1400, sample: 4, reason: null, currency: null },
          { label: 'B', kind: 'aggregate', text: 'count_distinct(counted_orders.name)', unit: 'count', name: null, source: 'counted_orders', value: 4, sample: 4, reason: null, currency: null },
        ],
      },
      thresholds_written: { target: { kind: 'absolute', value: 320 }, warn: null },
      status_checks: [{ threshold: 'target', value: 320, reached: true }],
      sources: [
        { kind: 'view', name: 'counted_orders', from: 'orders', where: "financial_status in ('paid', 'partially_refunded', 'refunded') and cancelled_at is null" },
        { kind: 'file', name: 'orders', file: 'data/orders.csv', override: null, time: 'created_at', key: null, columns_read: ['name', 'financial_status', 'total', 'cancelled_at'] },
      ],
      data: [
        {
          name: 'orders', files: ['test/fixtures/e2e/shop/data/orders.csv'], rows_read: 8, rows_in_period: 6, rows_outside_period: 2, rows_rejected: 0,
          time_range: { first: '2026-06-30T21:59:00.000Z', last: '2026-07-31T22:00:00.000Z' }, key: null, rejections: [], notices: [], used_outside_period: null,
        },
      ],
    });
  });
});
