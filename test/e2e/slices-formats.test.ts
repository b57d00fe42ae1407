/**
 * The built binary on test/fixtures/e2e/segments: 25 visits in July 2026 (America/New_York), visit i on
 * 2026-07-i at 14:08:05Z (10:08:05 in New York), by 22 users: u01 three visits, u02 two, u03..u22 one each.
 */
import { describe, expect, it } from 'vitest';
import { parseReportJson } from './report-json.js';
import { runCli } from './run-cli.js';

const FRAMEWORK = 'test/fixtures/e2e/segments/journey.yaml';

/** The `By COLUMN` block of a table report, up to the blank line after it. */
async function byBlock(column: string): Promise<string[]> {
  const result = await runCli(['report', FRAMEWORK, '--by', column]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const lines = result.stdout.split('\n');
  const start = lines.indexOf(`By ${column}`);
  return lines.slice(start, lines.indexOf('', start));
}

/** The segment cells of a breakdown table's rows. */
const segmentsOf = (block: readonly string[]) => block.flatMap((line) => /^│ (\S+(?: \S+)?) +│/.exec(line)?.[1] ?? []).slice(1);

describe('--by in the table', () => {
  it('shows the 20 segments with the most rows, then says how many more and where to find them', async () => {
    const block = await byBlock('user');
    // Best first by visits: u01 (3), u02 (2), then the 1-visit users by name; u21 and u22 are left out.
    expect(segmentsOf(block)).toEqual(['u01', 'u02', ...Array.from({ length: 18 }, (_, i) => `u${String(i + 3).padStart(2, '0')}`)]);
    expect(block.at(-1)).toBe('… 2 more segments (the 20 with the most rows are shown; use --format json for all)');
  });

  it('labels datetime segments with the local time and date segments with the date', async () => {
    expect(segmentsOf(await byBlock('at')).slice(0, 2)).toEqual(['2026-07-01 10:08:05', '2026-07-02 10:08:05']);
    const days = await byBlock('day');
    expect(segmentsOf(days)).toEqual(Array.from({ length: 20 }, (_, i) => `2026-07-${String(i + 1).padStart(2, '0')}`));
    expect(days.at(-1)).toBe('… 5 more segments (the 20 with the most rows are shown; use --format json for all)');
  });

  it('keeps every segment, with the same labels, in JSON', async () => {
    const result = await runCli(['report', FRAMEWORK, '--by', 'at', '--by', 'user', '--format', 'json']);
    const report = parseReportJson<{ breakdowns: { kpis: { segments: { segment: string }[] }[] }[] }>(result.stdout);
    const [at, user] = report.breakdowns.map((breakdown) => breakdown.kpis[0]?.segments.map((segment) => segment.segment));
    expect(at).toHaveLength(25);
    expect(at?.[24]).toBe('2026-07-25 10:08:05');
    expect(user).toHaveLength(22);
  });
});

describe('--compare, --trend and --by in csv and markdown', () => {
  it.each(['csv', 'markdown'])('are refused in --format %s, naming the formats that show them', async (format) => {
    const result = await runCli(['report', FRAMEWORK, '--format', format, '--trend', 'month', '--by', 'user']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `journey-kpi  error  usage/format  --trend and --by are not shown in --format ${format}, which has one row per KPI: use --format table or --format json\n`,
    );
  });

  it('--compare alone is named alone', async () => {
    const result = await runCli(['report', FRAMEWORK, '--format', 'csv', '--compare', 'previous_period']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage/format  --compare is not shown in --format csv');
  });
});

describe('a period without rows', () => {
  it('points at the range the data covers, not at unix units, when the times are plausible', async () => {
    const result = await runCli(['report', FRAMEWORK, '--period', '2020-01', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'journey-kpi  warning  data/no-rows-in-period  visits: none of its 25 valid rows falls in 2020-01 (2020-01-01 to 2020-01-31); ' +
        'their times run from 2026-07-01 to 2026-07-25 (UTC). Choose a period inside that range (--period, or --from and --to)\n',
    );
  });

  it('suggests the unix units when the times lie near 1970', async () => {
    const result = await runCli(['report', 'test/fixtures/e2e/segments/near-1970.yaml', '--format', 'json']);
    expect(result.stderr).toBe(
      'journey-kpi  warning  data/no-rows-in-period  stamps: none of its 2 valid rows falls in 2026-07 (2026-07-01 to 2026-07-31); ' +
        "their times run from 1970-01-21 to 1970-01-22 (UTC). Check the time column's format (unix_s or unix_ms?), or --period\n",
    );
  });
});

describe('check --format markdown --fail-on none', () => {
  it('marks every KPI not checked, one that would fail the default gate too', async () => {
    const result = await runCli(['check', FRAMEWORK, '--format', 'markdown', '--fail-on', 'none', '--period', '2026-06']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').at(-2)).toBe(
      "| not checked | Visits `visits.visits` | — | ≥ 10 | — | — | ? no data | no valid rows in the period for source 'visits' |",
    );
  });
});
