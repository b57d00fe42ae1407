/**
 * A source without a time column cannot be placed in a comparison period
 * or a trend bucket: its rows count in every one, as in the period. The
 * report says so, in the table under the over-time block and in the JSON
 * (`sources_without_time`), so that a flat line is not read as a steady KPI.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from './run-cli.js';

const COMPARE = join(REPO, 'test/fixtures/e2e/compare');
const folder = mkdtempSync(join(tmpdir(), 'journey-kpi-untimed-'));
writeFileSync(join(folder, 'accounts.csv'), 'account_id,plan\na1,pro\na2,free\na3,pro\n');
const framework = join(folder, 'journey.yaml');
writeFileSync(
  framework,
  readFileSync(join(COMPARE, 'journey.yaml'), 'utf8')
    .replaceAll('file: ', `file: ${COMPARE}/`)
    .replace('stages:\n', `  accounts:\n    file: ${folder}/accounts.csv\n    columns:\n      account_id: string\n      plan: string\nstages:\n`)
    .replace('    kpis:\n', '    kpis:\n      - { id: pro_accounts, name: Pro accounts, formula: "count(accounts where plan = \'pro\')", unit: count, target: 2 }\n'),
);

describe('a source without a time column, with --compare and --trend', () => {
  it('the JSON names it in the comparison and the trend, and its KPI has the same value in every window', async () => {
    const result = await runCli(['report', framework, '--compare', 'previous_year', '--trend', 'month', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.comparison.sources_without_time).toEqual(['accounts']);
    expect(report.trend.sources_without_time).toEqual(['accounts']);
    const kpi = report.stages[0].kpis.find((candidate: { id: string }) => candidate.id === 'pro_accounts');
    expect([kpi.value, kpi.comparison.value, ...kpi.trend.map((bucket: { value: number }) => bucket.value)]).toEqual([2, 2, 2, 2, 2]);
  });

  it('the table says it under the over-time block', async () => {
    const result = await runCli(['report', framework, '--trend', 'month']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("┘\n'accounts' has no time column: all its rows count in every month, as in 2026-Q1.\n");
    const compared = await runCli(['report', framework, '--compare', 'previous_year', '--trend', 'week']);
    expect(compared.stdout).toContain("┘\n'accounts' has no time column: all its rows count in 2025-Q1 and every week, as in 2026-Q1.\n");
  });

  it('a run whose sources all have a time column: an empty list, and no note', async () => {
    const result = await runCli(['report', join(COMPARE, 'journey.yaml'), '--trend', 'month', '--format', 'json']);
    expect(JSON.parse(result.stdout).trend.sources_without_time).toEqual([]);
    const table = await runCli(['report', join(COMPARE, 'journey.yaml'), '--trend', 'month']);
    expect(table.stdout).not.toContain('no time column');
  });

  it('two such sources are named together; --compare none asks for nothing, in any format', async () => {
    const two = join(folder, 'two.yaml');
    writeFileSync(
      two,
      readFileSync(framework, 'utf8')
        .replace('stages:\n', `  notes:\n    file: ${folder}/accounts.csv\n    columns:\n      account_id: string\n      plan: string\nstages:\n`)
        .replace('    kpis:\n', '    kpis:\n      - { id: noted, name: Noted, formula: count(notes), unit: count, target: 1 }\n'),
    );
    const result = await runCli(['report', two, '--trend', 'month']);
    expect(result.stdout).toContain("┘\n'accounts' and 'notes' have no time column: all their rows count in every month, as in 2026-Q1.\n");
    const csv = await runCli(['report', two, '--format', 'csv', '--compare', 'none']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toMatch(/^stage_id,stage,kpi_id/);
  });
});
