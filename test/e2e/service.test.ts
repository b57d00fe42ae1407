/**
 * The built binary on test/fixtures/e2e/service (period 2026-04 in
 * America/New_York, no DST change inside it), every value worked out by hand:
 *
 * deals: won in 7 days (04-01 09:00 → 04-08 09:00) and 3.5 days (04-02 10:00 →
 *   04-05 22:00); lost in 1; open (no close) → median of 7 and 3.5 = 5.25.
 *   Won amounts 12000 and 3000 → avg of 12 and 3 thousand = 7.5.
 * lines: 19.99 × 2 + 5 × 3 + 100 × 0 = 54.98; the line without a price has no value.
 * tickets: first responses after 4 h (exactly), 5.5 h, 1.5 h; one unanswered.
 *   Within 4 h: 2 of the 3 answered; average (4 + 5.5 + 1.5) / 3 = 11/3 hours.
 * survey: answer 12 to recommend (scale 0..10) and 6 to satisfaction (scale
 *   1..5) are rejected rows; of the four left, recommend 10 9 6 8 → (2 − 1) / 4
 *   = 25; satisfaction 5 4 2 3 → 2 of 4 satisfied; effort 7 6 3 5 → 5.25.
 */
import { describe, expect, it } from 'vitest';
import { AGGREGATE_FUNCTIONS, BUCKET_FUNCTIONS, ROW_FUNCTIONS } from '../../src/formula/ast.js';
import { runCli } from './run-cli.js';

const FRAMEWORK = 'test/fixtures/e2e/service/journey.yaml';

describe('journey-kpi report on row expressions, time between and survey scales', () => {
  it('computes each KPI as worked out by hand and reports the off-scale answers as rejected rows', async () => {
    const result = await runCli(['report', FRAMEWORK, '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { stages: { kpis: { id: string; value: number; sample: number }[] }[]; sources: { name: string; rows_rejected: number }[] };
    const values = Object.fromEntries(report.stages.flatMap((stage) => stage.kpis).map((kpi) => [kpi.id, [kpi.value, kpi.sample]]));
    expect(values).toEqual({
      days_to_win: [5.25, 2],
      won_k: [7.5, 2],
      revenue: [54.98, 3],
      sla_4h: [2 / 3, 3],
      first_response_hours: [11 / 3, 3],
      nps: [25, 4],
      csat: [0.5, 4],
      ces: [5.25, 4],
    });
    expect(result.stderr).toBe(
      "test/fixtures/e2e/service/data/survey.csv:6:18  warning  row/off-scale  column 'recommend' (field 2): 12 is off the answer scale 0..10 of nps in KPI 'nps': answers are whole numbers from 0 to 10. The row was left out.\n" +
        "test/fixtures/e2e/service/data/survey.csv:7:20  warning  row/off-scale  column 'satisfaction' (field 3): 6 is off the answer scale 1..5 of csat in KPI 'csat': answers are whole numbers from 1 to 5. The row was left out.\n",
    );
  });

  it('validate fails on the off-scale answers', async () => {
    const result = await runCli(['validate', FRAMEWORK]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(`✗ ${FRAMEWORK}: framework valid; 2 of 18 rows rejected\n`);
  });
});

describe('journey-kpi kpis', () => {
  it('lists every function the parser accepts, each with an example', async () => {
    const result = await runCli(['kpis', '--format', 'json']);
    expect(result.code).toBe(0);
    const listed = (JSON.parse(result.stdout) as { functions: { name: string; example: string }[] }).functions;
    expect(listed.map((f) => f.name).sort()).toEqual([...AGGREGATE_FUNCTIONS, ...BUCKET_FUNCTIONS, ...ROW_FUNCTIONS].sort());
  });

  it('prints usage, meaning and example as plain text', async () => {
    const result = await runCli(['kpis']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '  hours_between(a, b)\n      elapsed hours from a to b in one row, fractional, negative when b is earlier\n      e.g. count(tickets where hours_between(created_at, first_response_at) <= 4)\n',
    );
    expect(result.stdout.split('\n').filter((line) => line.startsWith('      e.g. '))).toHaveLength(AGGREGATE_FUNCTIONS.length + BUCKET_FUNCTIONS.length + ROW_FUNCTIONS.length);
  });
});
