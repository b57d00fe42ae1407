/**
 * check as a CI gate, on test/fixtures/ci/gate (values from the hand-worked
 * shop, see shop.test.ts): sessions 5 met; conversion_rate 1/5 = 20% at risk
 * (target 25%, warn 18%); cart_abandonment 1 − 1/2 = 50% missed (≤ 45%, warn
 * 48%); disputed_aov no data (no disputed orders); nps 100/7 = 14.3 missed
 * but level warn; csat 3/6 = 50% missed but level off.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { parseReportJson } from './report-json.js';

const GATE = 'test/fixtures/ci/gate/journey.yaml';

interface CheckJson {
  check: { passed: boolean; fail_on: string[]; failed: string[]; warned: string[] };
}

describe('check --fail-on', () => {
  it.each([
    ['the default (missed,no_data)', [], 1, ['missed', 'no_data'], ['purchase.cart_abandonment', 'purchase.disputed_aov'], ['advocacy.nps']],
    ['missed', ['--fail-on', 'missed'], 1, ['missed'], ['purchase.cart_abandonment'], ['advocacy.nps']],
    ['at_risk', ['--fail-on', 'at_risk'], 1, ['at_risk'], ['purchase.conversion_rate'], []],
    ['no_data', ['--fail-on', 'no_data'], 1, ['no_data'], ['purchase.disputed_aov'], []],
    ['a combination, in any order', ['--fail-on', 'no_data, at_risk'], 1, ['at_risk', 'no_data'], ['purchase.conversion_rate', 'purchase.disputed_aov'], []],
    ['all three', ['--fail-on', 'no_data,missed,at_risk'], 1, ['missed', 'at_risk', 'no_data'], ['purchase.conversion_rate', 'purchase.cart_abandonment', 'purchase.disputed_aov'], ['advocacy.nps']],
    ['none: only reports', ['--fail-on', 'none'], 0, [], [], []],
    ['missed on KPIs that are only at risk', ['--fail-on', 'missed', '--kpi', 'sessions', '--kpi', 'conversion_rate'], 0, ['missed'], [], []],
    ['missed on a level-warn KPI that misses: warns, passes', ['--fail-on', 'missed', '--kpi', 'nps'], 0, ['missed'], [], ['advocacy.nps']],
    ['missed on a level-off KPI that misses: not checked', ['--fail-on', 'missed', '--kpi', 'csat'], 0, ['missed'], [], []],
  ])('%s', async (_case, args, code, failOn, failed, warned) => {
    const result = await runCli(['check', GATE, '--format', 'json', ...args]);
    expect(result.code).toBe(code);
    expect(parseReportJson<CheckJson>(result.stdout).check).toMatchObject({ passed: code === 0, fail_on: failOn, failed, warned });
  });

  it('warns when the list leaves out missed, as a KPI that misses its target then passes', async () => {
    const result = await runCli(['check', GATE, '--fail-on', 'no_data,at_risk']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'journey-kpi  warning  usage/fail-on-without-missed  --fail-on at_risk,no_data does not include missed: a level-error KPI that misses its target passes this check. ' +
        'Write --fail-on missed,at_risk,no_data to fail on a missed target too\n',
    );
    for (const list of [[], ['--fail-on', 'missed'], ['--fail-on', 'none']]) {
      expect((await runCli(['check', GATE, ...list])).stderr).not.toContain('fail-on-without-missed');
    }
  });

  it('refuses a bad list with exit 2, saying what is wrong and the valid statuses', async () => {
    const result = await runCli(['check', GATE, '--fail-on', 'mised,,none,met']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      "journey-kpi  error  usage/fail-on  --fail-on 'mised,,none,met': 'mised' is not a status that can fail a KPI (did you mean 'missed'?); " +
        "an item is empty; 'none' cannot be combined with statuses; 'met' is not a status that can fail a KPI. " +
        "Give a comma-separated list of missed, at_risk, no_data (e.g. --fail-on missed,at_risk), or 'none' to only report\n",
    );
  });

  it('check --help states the exit-code contract', async () => {
    const result = await runCli(['check', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      [
        'Exit codes (the same in every --format; --output is written on pass and on fail):',
        '  0  no level-error KPI has a status in --fail-on (level-warn KPIs never fail)',
        '  1  a level-error KPI has a status in --fail-on (default: missed or no data)',
        '  2  bad usage or bad input (framework, data, options; with --strict, any rejected row)',
        '  3  internal error (a bug: please report it)',
      ].join('\n'),
    );
  });
});
