/**
 * Values a hostile tester found wrong, through the built binary: a time taken
 * for a KPI's value, an impossible UTC offset, a sum of nothing but dropped
 * rows, and schema wording.
 */
import { describe, expect, it } from 'vitest';
import { parseReportJson } from './report-json.js';
import { runCli } from './run-cli.js';

const DIR = 'test/fixtures/e2e/values';

describe('values that must not come out wrong', () => {
  it('refuses max(closed) - min(created) at each column, pointing to days_between', async () => {
    const result = await runCli(['validate', `${DIR}/time-value.yaml`]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n').filter((line) => line.includes('  error  '));
    expect(lines).toEqual([
      `${DIR}/time-value.yaml:12:54  error  framework/time-value  max(orders.closed) would be a point in time, and a KPI's value is a number: ` +
        'measure the time on each row with days_between or hours_between, e.g. max(days_between(orders.created, orders.closed)) ' +
        "(they take two columns of one row, not aggregates such as min(…) or max(…)); max of a datetime column works inside having, e.g. having max(closed) >= '2026-01-01'",
      `${DIR}/time-value.yaml:12:75  error  framework/time-value  min(orders.created) would be a point in time, and a KPI's value is a number: ` +
        'measure the time on each row with days_between or hours_between, e.g. min(days_between(orders.created, orders.closed)) ' +
        "(they take two columns of one row, not aggregates such as min(…) or max(…)); min of a datetime column works inside having, e.g. having min(created) >= '2026-01-01'",
    ]);
  });

  it('rejects a +25:00 offset, and a sum whose every matching row overflowed has no data while a sum of no rows is 0', async () => {
    const result = await runCli(['report', `${DIR}/journey.yaml`, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `${DIR}/orders.csv:3:4  warning  row/invalid-date  column 'created' (field 2): '2026-03-02T10:00:00+25:00' is not a real date or time: ` +
        'the UTC offset +25:00 is beyond ±14:00, the largest any time zone uses. The row was left out.\n',
    );
    const kpis = parseReportJson(result.stdout).stages[0]?.kpis ?? [];
    // o1: 03-01 10:00Z to 03-04 22:00Z = 3.5 days; o3: 03-02 10:00Z to 03-03 10:00+05:30 (04:30Z) = 18.5 h; o2 is rejected.
    expect(kpis.map((kpi) => [kpi.id, kpi.value, kpi.sample, kpi.status])).toEqual([
      ['cycle', 3.5, 2, 'met'],
      ['huge', null, 0, 'no_data'],
      ['none', 0, 0, 'met'],
    ]);
    // 10 × 1e308 and 30 × 1e308 both overflow
    expect(kpis[1]?.reason).toBe(
      '2 matching rows, but none has a value of orders.price * 1e+308 to sum: an empty cell, or a computation that divided by zero or overflowed',
    );
  });

  it('says a JSON number beyond a double is too large, and an empty sources or stages is empty', async () => {
    const jsonl = await runCli(['validate', `${DIR}/jsonl.yaml`]);
    expect(jsonl.code).toBe(2);
    expect(jsonl.stderr).toContain(
      `${DIR}/amounts.jsonl:1:1  warning  row/invalid-number  column 'amount' (key 'amount'): holds a JSON number too large for a double (beyond ±1.8e308): ` +
        'fix the export, or declare the column as type: string if it is an id. The row was left out.',
    );
    const empty = await runCli(['validate', `${DIR}/empty.yaml`]);
    expect(empty.code).toBe(2);
    expect(empty.stderr.split('\n').map((line) => line.split('. ')[0])).toEqual([
      `${DIR}/empty.yaml:2:10  error  framework/schema  sources is empty: declare at least one`,
      `${DIR}/empty.yaml:3:9  error  framework/schema  stages is empty: list at least one`,
      '',
    ]);
  });
});
