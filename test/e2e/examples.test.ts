/**
 * Every example under examples/ runs through the built binary, and its values
 * match a second computation written independently of the engine
 * (test/examples/ecommerce-expected.ts), so the README's quick start cannot rot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeEcommerceExpected } from '../examples/ecommerce-expected.js';
import { REPO, runCli } from './run-cli.js';
import { parseReportJson } from './report-json.js';

const FRAMEWORK = 'examples/ecommerce/journey.yaml';
const DATA = join(REPO, 'examples/ecommerce/data');
// America/New_York is on EDT (UTC-4) at both quarter boundaries.
const QUARTERS = {
  '2026-Q2': { start: new Date('2026-04-01T04:00:00Z'), end: new Date('2026-07-01T04:00:00Z') },
  '2026-Q3': { start: new Date('2026-07-01T04:00:00Z'), end: new Date('2026-10-01T04:00:00Z') },
};

interface JsonKpi {
  id: string;
  value: number | null;
  status: string;
}

async function reportKpis(period: string): Promise<Map<string, JsonKpi>> {
  const result = await runCli(['report', FRAMEWORK, '--format', 'json', '--period', period]);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  const document = parseReportJson(result.stdout) as { period: { start: string }; stages: { kpis: JsonKpi[] }[] };
  expect(document.period.start).toBe(QUARTERS[period as keyof typeof QUARTERS].start.toISOString());
  return new Map(document.stages.flatMap((stage) => stage.kpis).map((kpi) => [kpi.id, kpi]));
}

describe.each(Object.keys(QUARTERS))('examples/ecommerce, %s', (period) => {
  it('every KPI equals the independent computation', async () => {
    const kpis = await reportKpis(period);
    const expected = computeEcommerceExpected(DATA, QUARTERS[period as keyof typeof QUARTERS]);
    expect([...kpis.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [id, value] of Object.entries(expected)) {
      const actual = kpis.get(id)?.value;
      if (value === null) expect(actual, id).toBeNull();
      else expect(actual, id).toBeCloseTo(value, 9);
    }
  });
});

describe('examples/ecommerce tells its story', () => {
  it('traffic meets its target, checkout misses: conversion and cart abandonment', async () => {
    const kpis = await reportKpis('2026-Q3');
    const statuses = Object.fromEntries([...kpis.values()].map((kpi) => [kpi.id, kpi.status]));
    expect(statuses).toMatchObject({ sessions: 'met', engaged_session_rate: 'met', conversion_rate: 'missed', cart_abandonment_rate: 'missed' });
  });

  it('the table says so, plainly when not on a terminal', async () => {
    const result = await runCli(['report', FRAMEWORK]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('\u001b[');
    expect(result.stdout).toMatch(/│ Conversion rate\s+│\s+1\.75% │\s+3\.00% │\s+≥ 3\.20% │\s+−1\.25 pp │ ✗ missed\s+│/);
    expect(result.stdout).toContain('16 KPIs: 10 met, 3 at risk, 3 missed, 0 no data');
  });

  it("the README's sample output is what the command prints", async () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const sample = /\(`--stage purchase`\):\n\n```\n([\s\S]*?)```/.exec(readme)?.[1];
    const result = await runCli(['report', FRAMEWORK, '--stage', 'purchase']);
    expect(result.stdout).toBe(sample);
  });

  it('its findings name the checkout as where the journey falters, from its data', async () => {
    const result = await runCli(['report', FRAMEWORK, '--format', 'json']);
    const { findings } = parseReportJson(result.stdout);
    // 74 sessions begin checkout and 17 purchase: 17 / 74 go on, against 24 / 48 = 0.5 by the baselines;
    // the other steps hold theirs (115 / 974 against 80 / 800, 74 / 115 against 48 / 80).
    expect(findings.funnel.transitions.map((t: { rate: number; baseline_rate: number }) => [t.rate, t.baseline_rate])).toEqual([
      [115 / 974, 0.1],
      [74 / 115, 0.6],
      [17 / 74, 0.5],
    ]);
    expect(findings.funnel.largest_loss).toEqual({ from: 'checkout_sessions', to: 'purchase_sessions' });
    expect(findings.falters[0]).toMatchObject({ id: 'purchase', weakest: 'conversion_rate' });
    // conversion: (0.032 − 17/974) / 0.032 short; checkout sessions: (74 − 52.8) / 52.8 past
    expect(findings.shortfalls[0]).toMatchObject({ id: 'conversion_rate', margin_relative: expect.closeTo((17 / 974 - 0.032) / 0.032, 12) });
    expect(findings.strengths[0]).toMatchObject({ id: 'checkout_sessions', margin_relative: expect.closeTo((74 - 52.8) / 52.8, 12) });
    expect(findings.headline).toBe(
      'Checkout sessions is 40.2% above its target, but Conversion rate is 1.45 pp below its target: ' +
        'the largest loss is from Checkout sessions to Purchase sessions, where 22.97% go on (baseline 50.00%).',
    );
  });

  it("the README's findings are what the command prints", async () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const sample = /\n```\n(Findings\n[\s\S]*?)```/.exec(readme)?.[1];
    const result = await runCli(['report', FRAMEWORK]);
    expect(sample).toBeDefined();
    expect(result.stdout).toContain(`\n\n${sample}\n`);
  });

  it('without a framework argument, reads journey.yaml in the working directory', async () => {
    const result = await runCli(['report', '--kpi', 'sessions', '--format', 'json'], { cwd: join(REPO, 'examples/ecommerce') });
    expect(result.code).toBe(0);
    expect(parseReportJson(result.stdout)).toMatchObject({ framework: 'journey.yaml', journey: 'Acme Outdoor Store' });
  });

  it('check fails on the missed checkout KPIs', async () => {
    const result = await runCli(['check', FRAMEWORK]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('purchase.conversion_rate');
    expect(result.stdout).toContain('purchase.cart_abandonment_rate');
  });

  it('--format csv: a header and one row per KPI', async () => {
    const result = await runCli(['report', FRAMEWORK, '--format', 'csv']);
    const lines = result.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('stage_id,stage,kpi_id,kpi,owner,unit,direction,level,value,baseline,target,warn,delta,delta_relative,status,reason,sample');
    expect(lines).toHaveLength(17);
  });
});
