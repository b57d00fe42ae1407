import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../src/core/explanation.js';
import type { KpiResult } from '../../src/core/report.js';
import { renderExplain } from '../../src/render/explain.js';

const period = { label: '2026-Q3', timezone: 'UTC', firstDay: '2026-07-01', lastDay: '2026-09-30', start: 0, end: 1 };

const kpi: KpiResult = {
  id: 'refund_rate',
  name: 'Refund rate',
  stageId: 'retention',
  owner: null,
  unit: 'percent',
  direction: 'lower',
  level: 'error',
  value: 0.25,
  baseline: 0.3,
  target: 0.2,
  warn: 0.22,
  delta: -0.05,
  deltaRelative: -1 / 6,
  status: 'missed',
  reason: '25.00% is above the target 20.00% and the warn 22.00%',
  sample: 8,
  line: 10,
  column: 9,
};

/** 2 refunded of 8 paid orders (of 1,250 rows read, 10 outside the period, 2 rejected, 3 repeats dropped). */
const explanation: Explanation = {
  journey: 'Shop',
  framework: 'journey.yaml',
  period,
  currency: 'USD',
  stageName: 'Retention',
  kpi,
  formula: "count(paid where refunded = true) / count(paid)",
  outline: 'A / B',
  terms: [
    { label: 'A', kind: 'aggregate', text: 'count(paid where refunded = true)', unit: 'count', currency: null, name: null, source: 'paid', value: 2, sample: 2, reason: null },
    { label: 'B', kind: 'aggregate', text: 'count(paid)', unit: 'count', currency: null, name: null, source: 'paid', value: 8, sample: 8, reason: null },
  ],
  minSample: 5,
  thresholds: { target: { kind: 'points', points: -10 }, warn: { kind: 'absolute', value: 0.22 } },
  checks: [
    { threshold: 'target', value: 0.2, reached: false },
    { threshold: 'warn', value: 0.22, reached: false },
  ],
  sources: [
    { kind: 'view', name: 'paid', from: 'orders', where: "status = 'paid'" },
    { kind: 'file', name: 'orders', file: 'data/orders.csv', override: 'exports/orders.csv', time: 'created_at', key: ['order_id'], columnsRead: ['status', 'refunded'] },
  ],
  data: [
    {
      name: 'orders',
      files: ['exports/orders.csv'],
      rowsRead: 1250,
      rowsInPeriod: 1238,
      rowsOutsidePeriod: 10,
      rowsRejected: 2,
      timeRange: null,
      rejections: [
        { code: 'row/invalid-boolean', severity: 'warning', message: "column 'refunded': 'maybe' is not a boolean", location: { file: 'exports/orders.csv', line: 7, column: 30 } },
      ],
      key: { columns: ['order_id'], duplicatesDropped: 3, rowsWithoutKey: 0 },
      notices: [],
    },
  ],
};

describe('renderExplain', () => {
  it('shows the formula term by term, the sources, the rows and the comparisons behind the status', () => {
    expect(renderExplain(explanation, { color: false })).toBe(
      [
        'Refund rate (refund_rate), stage Retention',
        'Shop, period 2026-Q3: 2026-07-01 to 2026-09-30 (UTC)',
        '',
        'Formula',
        '  count(paid where refunded = true) / count(paid)',
        '  A = count(paid where refunded = true)  2  (2 rows)',
        '  B = count(paid)                        8  (8 rows)',
        '  A / B = 2 / 8 = 25.00%, from 8 rows',
        '',
        'Sources',
        "  paid    view of orders where status = 'paid'",
        '  orders  file exports/orders.csv (--source, instead of data/orders.csv), time created_at, key order_id; columns status, refunded',
        '          read from exports/orders.csv',
        '',
        'Data',
        '  orders: 1,250 rows read, 1,238 in the period, 10 outside it, 2 rejected, 3 duplicates dropped (key order_id)',
        "    exports/orders.csv:7:30  warning  row/invalid-boolean  column 'refunded': 'maybe' is not a boolean",
        '',
        'Status: ✗ missed',
        '  lower is better, level error, min_sample 5 (8 rows behind the value); baseline 30.00% (−5.00 pp)',
        '  25.00% > target 20.00% (the baseline −10.00 pp)',
        '  25.00% > warn 22.00% → missed',
        '',
      ].join('\n'),
    );
  });

  it('says why a KPI without a value has no data, and what a term without a value lacks', () => {
    const noData: Explanation = {
      ...explanation,
      kpi: { ...kpi, value: null, delta: null, deltaRelative: null, status: 'no_data', reason: 'denominator count(paid) is 0', sample: 0 },
      terms: explanation.terms.map((term) => ({ ...term, value: term.label === 'A' ? 0 : null, sample: 0, reason: term.label === 'A' ? null : 'no rows' })),
      checks: [],
    };
    const text = renderExplain(noData, { color: false });
    expect(text).toContain(
      ['  A = count(paid where refunded = true)  0  (0 rows)', '  B = count(paid)                        no value: no rows', '  A / B = 0 / — → no value: denominator count(paid) is 0'].join('\n'),
    );
    expect(text.endsWith(
      ['Status: ? no data', '  lower is better, level error, min_sample 5 (0 rows behind the value); baseline 30.00%', '  denominator count(paid) is 0 → no data', ''].join('\n'),
    )).toBe(true);
  });

  it('shows a control character in user text as text', () => {
    const hostile = renderExplain({ ...explanation, formula: 'count(paid)\u001b[2J' }, { color: false });
    expect(hostile).toContain('  count(paid)\\u001b[2J\n');
  });

  it('colours the headings and the status only when asked', () => {
    const coloured = renderExplain(explanation, { color: true });
    expect(coloured).toContain('\u001b[31m✗ missed\u001b[39m');
    expect(coloured).toContain('\n\u001b[1mFormula\u001b[22m\n');
    expect(coloured).toContain('\n\u001b[1mSources\u001b[22m\n');
    expect(renderExplain(explanation, { color: false })).not.toContain('\u001b[');
  });
});
