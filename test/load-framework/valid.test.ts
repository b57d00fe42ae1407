import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/load/framework/index.js';
import { condition, fixture, formula } from './helpers.js';

const file = fixture('valid.yaml');
const at = (line: number, column: number) => ({ file, line, column });

describe('loadFramework on a valid file', () => {
  it('normalizes it exactly: defaults, short column forms, thresholds, locations', async () => {
    const framework = await loadFramework(file);
    expect(framework).toEqual({
      file,
      dir: 'test/fixtures/frameworks',
      journey: 'Acme Outdoor Store',
      timezone: 'Europe/Berlin',
      period: '2026-Q3',
      currency: 'USD',
      sources: [
        {
          kind: 'file',
          name: 'traffic',
          file: 'data/ga4-events.csv',
          headerRows: 1,
          time: 'event_timestamp',
          columns: [
            { name: 'event_timestamp', type: 'datetime', from: 'event_timestamp', required: false, location: at(11, 7) },
            { name: 'session_id', type: 'string', from: 'Session ID', required: true, location: at(12, 7) },
            { name: 'event_name', type: 'string', enum: ['page_view', 'purchase'], from: 'event_name', required: false, location: at(13, 7) },
            { name: 'engagement_time_sec', type: 'number', min: 0, from: 'engagement_time_sec', required: false, location: at(14, 7) },
          ],
          location: at(7, 3),
        },
        {
          kind: 'file',
          name: 'orders',
          file: 'data/orders-*.csv',
          format: 'csv',
          delimiter: ';',
          headerRows: 3,
          columns: [
            { name: 'order_id', type: 'string', from: 'order_id', required: false, location: at(21, 7) },
            { name: 'financial_status', type: 'string', lowercase: true, from: 'financial_status', required: false, location: at(22, 7) },
            { name: 'total', type: 'money', from: 'total', required: false, location: at(23, 7) },
            {
              name: 'created',
              type: 'datetime',
              format: 'M/D/YY H:mm',
              timezone: 'Europe/London',
              from: 'created',
              required: false,
              location: at(24, 7),
            },
            { name: 'country', type: 'string', from: 4, required: false, location: at(25, 7) },
          ],
          location: at(15, 3),
        },
        {
          kind: 'view',
          name: 'paid_orders',
          from: 'orders',
          where: condition("financial_status = 'paid'"),
          whereText: "financial_status = 'paid'",
          location: at(26, 3),
        },
      ],
      stages: [
        {
          id: 'purchase',
          name: 'Purchase',
          touchpoints: ['checkout', 'payment'],
          location: at(30, 9),
          kpis: [
            {
              id: 'conversion_rate',
              name: 'Conversion rate',
              stageId: 'purchase',
              owner: 'E-commerce team',
              description: 'Sessions that buy',
              formula: formula("count_distinct(traffic.session_id where event_name = 'purchase') / count_distinct(traffic.session_id)"),
              formulaText: "count_distinct(traffic.session_id where event_name = 'purchase') / count_distinct(traffic.session_id)",
              unit: 'percent',
              baseline: 0.021,
              target: { kind: 'absolute', value: 0.025 },
              warn: { kind: 'absolute', value: 0.023 },
              direction: 'higher',
              level: 'error',
              minSample: 100,
              location: at(34, 13),
            },
            {
              id: 'aov',
              name: 'Average order value',
              stageId: 'purchase',
              formula: formula('sum(paid_orders.total) / count(paid_orders)'),
              formulaText: 'sum(paid_orders.total) / count(paid_orders)',
              unit: 'currency',
              baseline: 1250.5,
              target: { kind: 'relative', ratio: 0.1 },
              direction: 'lower',
              level: 'warn',
              location: at(44, 13),
            },
          ],
        },
        {
          id: 'loyalty',
          name: 'Loyalty',
          touchpoints: [],
          location: at(52, 9),
          kpis: [
            {
              id: 'revenue_per_order',
              name: 'Revenue per order',
              stageId: 'loyalty',
              formula: formula('aov * 1'),
              formulaText: 'aov * 1',
              unit: 'number',
              target: { kind: 'absolute', value: 7 },
              direction: 'higher',
              level: 'off',
              location: at(55, 13),
            },
          ],
        },
      ],
    });
  });

  it('keeps YAML 1.1 booleans such as NO as strings (YAML 1.2 core schema)', async () => {
    const framework = await loadFramework(fixture('yaml-core-schema.yaml'));
    expect(framework.journey).toBe('NO');
    expect(framework.period).toBe('2026');
    expect(framework.timezone).toBe('UTC');
  });
});
