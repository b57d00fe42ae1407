/** schema/report.schema.json is strict (an undocumented field fails) and in step with the TypeScript types. */
import { describe, expect, it } from 'vitest';
import schema from '../../schema/report.schema.json' with { type: 'json' };
import { UNITS } from '../../src/core/framework.js';
import { STATUSES } from '../../src/core/report.js';
import { FAIL_ON_CHOICES } from '../../src/cli/fail-on.js';
import { SCHEMA_VERSION } from '../../src/render/json.js';
import { validateReport } from '../e2e/report-json.js';

const KPI = {
  id: 'aov', name: 'AOV', owner: null, unit: 'currency', direction: 'higher', level: 'error', value: 42.5, baseline: 40, baseline_from: 'stored',
  target: 45, warn: null, delta: 2.5, delta_relative: 0.0625, status: 'missed', reason: '$42.50 is below the target $45.00', sample: 10,
  problems: [],
};
const DOCUMENT = {
  schema_version: 1,
  journey: 'Shop',
  framework: 'journey.yaml',
  period: { label: '2026-07', timezone: 'UTC', first_day: '2026-07-01', last_day: '2026-07-31', start: '2026-07-01T00:00:00.000Z', end: '2026-08-01T00:00:00.000Z' },
  currency: 'USD',
  baseline_run: { file: 'main-kpis.json', journey: 'Shop', framework: 'journey.yaml', period: '2026-06', problems: [] },
  summary: { met: 0, at_risk: 0, missed: 1, no_data: 0, total: 1 },
  sources: [{ name: 'orders', files: ['orders.csv'], rows_read: 1, rows_in_period: 1, rows_outside_period: 0, rows_rejected: 0, used_outside_period: null, time_range: null, rejections: [], notices: [],
    key: { columns: ['order_id'], duplicates_dropped: 2, rows_without_key: 0 } }],
  stages: [{ id: 'purchase', name: 'Purchase', touchpoints: [], kpis: [KPI] }],
  findings: {
    headline: 'Average order value is 5.6% below its target.',
    shortfalls: [{ stage: 'purchase', id: 'aov', name: 'AOV', unit: 'currency', direction: 'higher', status: 'missed', margin: -2.5, margin_relative: -2.5 / 45 }],
    strengths: [],
    falters: [{ id: 'purchase', name: 'Purchase', counts: { met: 0, at_risk: 0, missed: 1, no_data: 0, total: 1 }, weakest: 'aov' }],
    excels: [],
    funnel: {
      basis: 'rate',
      steps: [{ id: 'sessions', name: 'Sessions', value: 10, baseline: null }, { id: 'orders', name: 'Orders', value: 0, baseline: null }],
      transitions: [{ from: 'sessions', to: 'orders', rate: 0, baseline_rate: null, reason: null }],
      largest_loss: { from: 'sessions', to: 'orders' },
    },
    left_out: [],
  },
  check: { passed: false, fail_on: ['missed'], checked: 1, failed: ['purchase.aov'], warned: [] },
};

describe('schema/report.schema.json', () => {
  it('accepts a complete document', () => {
    expect(validateReport(DOCUMENT), JSON.stringify(validateReport.errors)).toBe(true);
  });

  it.each([
    ['at the top', { ...DOCUMENT, generated_at: 'now' }, '', 'generated_at'],
    ['in a KPI', { ...DOCUMENT, stages: [{ ...DOCUMENT.stages[0], kpis: [{ ...KPI, line: 12 }] }] }, '/stages/0/kpis/0', 'line'],
    ['in the verdict', { ...DOCUMENT, check: { ...DOCUMENT.check, exit_code: 1 } }, '/check', 'exit_code'],
  ])('refuses an undocumented field %s', (_where, document, path, field) => {
    expect(validateReport(document)).toBe(false);
    expect(validateReport.errors).toContainEqual(expect.objectContaining({ instancePath: path, params: { additionalProperty: field } }));
  });

  it('refuses a value of the wrong kind: a number as a string, an unknown status', () => {
    expect(validateReport({ ...DOCUMENT, stages: [{ ...DOCUMENT.stages[0], kpis: [{ ...KPI, value: '42.5' }] }] })).toBe(false);
    expect(validateReport({ ...DOCUMENT, check: { ...DOCUMENT.check, fail_on: ['met'] } })).toBe(false);
  });

  it('has the same version, units, statuses and --fail-on choices as the code', () => {
    expect(schema.properties.schema_version.const).toBe(SCHEMA_VERSION);
    expect(schema.definitions.kpi.properties.unit.enum).toEqual([...UNITS]);
    expect(schema.definitions.kpi.properties.status.enum).toEqual([...STATUSES]);
    expect(schema.properties.check.properties.fail_on.items.enum).toEqual([...FAIL_ON_CHOICES]);
  });
});
