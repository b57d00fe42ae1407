/**
 * Stored baselines on the hand-worked shop (test/e2e/shop.test.ts works its
 * values out): `report --save-baseline FILE` writes the run's JSON report,
 * `--baseline FILE` makes its values this run's baselines.
 *   add_to_cart_rate: value 2/3, target `+10%`: from the framework's 50%,
 *     0.55 (met); from the stored 2/3, 2/3 + 2/3 × 0.1 = 0.7333… (missed).
 *   cart_abandonment: value 0.5, target `-15pp`: from 60%, 0.45; from the
 *     stored 0.5, 0.35.
 *   product_view_duration (min_sample) and disputed_aov (zero denominator)
 *     have no value, so they keep the framework's baselines 30 and 0.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { parseReportJson } from './report-json.js';

const SHOP = 'test/fixtures/e2e/shop/journey.yaml';
const folder = mkdtempSync(join(tmpdir(), 'journey-kpi-baselines-'));
const STORED = join(folder, 'shop-2026-07.json');

interface JsonKpi {
  id: string;
  value: number | null;
  baseline: number | null;
  baseline_from: string | null;
  target: number | null;
  delta: number | null;
  status: string;
}

const kpisOf = (document: { stages: { kpis: JsonKpi[] }[] }) => new Map(document.stages.flatMap((stage) => stage.kpis).map((kpi) => [kpi.id, kpi]));

describe('report --save-baseline, then --baseline', () => {
  let saved: Map<string, JsonKpi>;
  let rebased: Map<string, JsonKpi>;
  let rebasedRun: { code: number; stderr: string; stdout: string };

  beforeAll(async () => {
    const save = await runCli(['report', SHOP, '--save-baseline', STORED]);
    expect(save.code).toBe(0);
    expect(save.stdout).toContain('Tiny Shop');
    saved = kpisOf(parseReportJson(readFileSync(STORED, 'utf8')));
    rebasedRun = await runCli(['report', SHOP, '--baseline', STORED, '--format', 'json']);
    rebased = kpisOf(parseReportJson(rebasedRun.stdout));
  });

  it('saves the JSON report, as --format json prints it', async () => {
    const json = await runCli(['report', SHOP, '--format', 'json']);
    expect(readFileSync(STORED, 'utf8')).toBe(json.stdout);
  });

  it('reads every stored value back exactly as the baseline, and says so', () => {
    const withValues = [...saved.values()].filter((kpi) => kpi.value !== null);
    expect(withValues).toHaveLength(13);
    for (const kpi of withValues) {
      expect(rebased.get(kpi.id)?.baseline, kpi.id).toBe(kpi.value);
      expect(rebased.get(kpi.id)?.baseline_from, kpi.id).toBe('stored');
      expect(rebased.get(kpi.id)?.delta, kpi.id).toBe(0);
    }
  });

  it('keeps the framework baseline of KPIs without a stored value, and says so once on stderr', () => {
    expect(rebased.get('product_view_duration')).toMatchObject({ baseline: 30, baseline_from: 'framework' });
    expect(rebased.get('disputed_aov')).toMatchObject({ baseline: 0, baseline_from: 'framework' });
    const kept = rebasedRun.stderr.split('\n').filter((line) => line.includes('baseline/kept'));
    expect(kept).toEqual([
      `journey-kpi  warning  baseline/kept  --baseline ${STORED}: 2 KPIs keep the framework's baseline: product_view_duration (no value in it), disputed_aov (no value in it)`,
    ]);
  });

  it('re-bases relative targets on the stored value', () => {
    expect(saved.get('add_to_cart_rate')).toMatchObject({ target: 0.55, status: 'met' });
    expect(rebased.get('add_to_cart_rate')?.target).toBeCloseTo(2 / 3 + (2 / 3) * 0.1, 15);
    expect(rebased.get('add_to_cart_rate')?.status).toBe('missed');
    expect(rebased.get('cart_abandonment')?.target).toBeCloseTo(0.35, 15);
    // absolute targets stay where the framework puts them
    expect(rebased.get('aov')?.target).toBe(320);
  });

  it('names the stored run in the JSON and under the table heading', async () => {
    const document = parseReportJson(rebasedRun.stdout);
    expect(document.baseline_run).toMatchObject({ file: STORED, journey: 'Tiny Shop', framework: SHOP, period: '2026-07' });
    expect(document.baseline_run.problems.map((problem: { code: string }) => problem.code)).toEqual(['baseline/kept']);
    const table = await runCli(['report', SHOP, '--baseline', STORED, '--kpi', 'aov']);
    expect(table.stdout.split('\n').slice(0, 3)).toEqual([
      'Tiny Shop',
      'Period 2026-07: 2026-07-01 to 2026-07-31 (Europe/Berlin)',
      `Baselines from ${STORED} (2026-07) where it has the KPI`,
    ]);
  });

  it('without --baseline, every baseline is the framework\'s and baseline_run is null', () => {
    const document = parseReportJson(readFileSync(STORED, 'utf8'));
    expect(document.baseline_run).toBeNull();
    expect(saved.get('aov')?.baseline_from).toBe('framework');
  });

  it('check gates on the re-based targets: exit 0 before, 1 after', async () => {
    const before = await runCli(['check', SHOP, '--kpi', 'add_to_cart_rate']);
    const after = await runCli(['check', SHOP, '--kpi', 'add_to_cart_rate', '--baseline', STORED]);
    expect([before.code, after.code]).toEqual([0, 1]);
    expect(after.stdout).toContain('consideration.add_to_cart_rate  Add-to-cart rate: 66.67% is below the target 73.33%');
  });

  it('reads any earlier report --format json output too, a check --format json one included', async () => {
    const checkJson = join(folder, 'check.json');
    await runCli(['check', SHOP, '--format', 'json', '--output', checkJson]);
    const result = await runCli(['report', SHOP, '--baseline', checkJson, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(kpisOf(parseReportJson(result.stdout)).get('sessions')).toMatchObject({ baseline: 5, baseline_from: 'stored' });
  });
});

describe('--baseline with a file of the wrong kind', () => {
  const write = (name: string, text: string) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  };

  it.each([
    ['a CSV file', 'test/fixtures/e2e/shop/data/orders.csv', 'baseline/not-a-report', "is not a journey-kpi report (it is not JSON: Unexpected token"],
    ['JSON that is no report', write('other.json', '{"name": "x"}'), 'baseline/not-a-report', "is not a journey-kpi report (the document must have required property 'schema_version')"],
    ['a report whose KPI has no value field', write('partial.json', JSON.stringify({ schema_version: 1, journey: 'x', framework: 'x', period: { label: 'x' }, stages: [{ kpis: [{ id: 'a', unit: 'count' }] }] })), 'baseline/not-a-report', "(/stages/0/kpis/0 must have required property 'value')"],
    ['a missing file', join(folder, 'nowhere.json'), 'baseline/not-found', 'not found, tried'],
  ])('%s: exit 2, naming the file and how to write one', async (_kind, file, code, detail) => {
    const result = await runCli(['check', SHOP, '--baseline', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`error  ${code}  --baseline ${file}`);
    expect(result.stderr).toContain(detail);
    expect(result.stderr).toContain('journey-kpi report --save-baseline FILE (or report --format json --output FILE) writes one');
  });

  it('a report of a newer schema version: exit 2, upgrade', async () => {
    const stored = JSON.parse(readFileSync(STORED, 'utf8')) as Record<string, unknown>;
    const file = write('newer.json', JSON.stringify({ ...stored, schema_version: 2 }));
    const result = await runCli(['report', SHOP, '--baseline', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('baseline/newer-version');
    expect(result.stderr).toContain('upgrade journey-kpi');
  });

  it("another journey's run: a warning, and the KPIs with the same id and unit take its values", async () => {
    const ecommerce = join(folder, 'ecommerce.json');
    expect((await runCli(['report', 'examples/ecommerce/journey.yaml', '--kpi', 'sessions', '--kpi', 'aov', '--save-baseline', ecommerce])).code).toBe(0);
    const result = await runCli(['report', SHOP, '--baseline', ecommerce, '--kpi', 'sessions', '--kpi', 'conversion_rate', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `warning  baseline/other-framework  --baseline ${ecommerce} is a run of 'Acme Outdoor Store' (examples/ecommerce/journey.yaml), this is 'Tiny Shop' (${SHOP})`,
    );
    expect(result.stderr).toContain("1 KPI keeps the framework's baseline: conversion_rate (not in it)");
    expect(kpisOf(parseReportJson(result.stdout)).get('sessions')).toMatchObject({ baseline: 974, baseline_from: 'stored' });
  });

  it('--save-baseline never writes over an input', async () => {
    const result = await runCli(['report', SHOP, '--save-baseline', SHOP]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--save-baseline '${SHOP}' is one of this run's inputs`);
  });
});
