/**
 * check's CI formats on a failing framework (test/fixtures/ci/gate, values in
 * ci-gate.test.ts) and a passing one (test/fixtures/ci/pass: sessions 5 ≥ 4,
 * conversion 1/5 = 20% ≥ 20%, nps 100/7 = 14.3 below 20 but level warn).
 * The gate fixture's cart_abandonment is named `Cart "abandonment" & <returns> | `net` \ $5`,
 * then U+0001, a tab and `end`: every format must keep it text.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { junitProblems, parseXml, type XmlElement } from './junit-rules.js';
import { parseReportJson } from './report-json.js';
import { runCli, type CliResult } from './run-cli.js';

const GATE = 'test/fixtures/ci/gate/journey.yaml';
const PASS = 'test/fixtures/ci/pass/journey.yaml';
const NAME_MD = String.raw`Cart "abandonment" \& \<returns\> \| \`net\` \\ \$5\\u0001\\u0009end`;
const NAME_TEXT = 'Cart "abandonment" & <returns> | `net` \\ $5\\u0001\\u0009end';

/** The run exits with `code` and prints exactly `lines`. */
async function expectOutput(args: string[], code: number, lines: string[]): Promise<void> {
  const result = await runCli(args);
  expect(result.code).toBe(code);
  expect(result.stdout).toBe([...lines, ''].join('\n'));
}

describe('check --format markdown', () => {
  it('on a failing framework: the verdict, then the failing KPIs first, user text escaped', async () => {
    await expectOutput(['check', GATE, '--format', 'markdown'], 1, [
      '### ✗ FAIL 2 of 5 KPIs failed',
      '',
      'Tiny Shop \\& \\<Co\\>, 2026-07 (2026-07-01 to 2026-07-31) · fails on: missed, no_data · 6 KPIs: 1 met, 1 at risk, 3 missed, 1 no data',
      '',
      '| Check | KPI | Value | Target | Baseline | vs baseline | Status | Why |',
      '| :-- | :-- | --: | --: | --: | --: | :-- | :-- |',
      `| **✗ fails** | ${NAME_MD} \`purchase.cart_abandonment\` | 50.00% | ≤ 45.00% | 60.00% | −10.00 pp | ✗ missed | 50.00% is above the target 45.00% and the warn 48.00% |`,
      "| **✗ fails** | Disputed order value `purchase.disputed_aov` | — | ≤ \\$0.00 | \\$0.00 | — | ? no data | denominator count(orders where financial\\_status = 'disputed') is 0 |",
      '| ✓ passes | Sessions `awareness.sessions` | 5 | ≥ 4 | 4 | +1 (+25.0%) | ✓ met |  |',
      '| ✓ passes | Conversion rate `purchase.conversion_rate` | 20.00% | ≥ 25.00% | 15.00% | +5.00 pp | ! at risk | 20.00% is below the target 25.00% (warn 18.00%) |',
      '| ! warns (level warn) | Net Promoter Score `advocacy.nps` | 14.3 | ≥ 20.0 | 10.0 | +4.3 (+42.9%) | ✗ missed | 14.3 is below the target 20.0 |',
      '| not checked | Customer satisfaction `advocacy.csat` | 50.00% | ≥ 60.00% | 55.00% | −5.00 pp | ✗ missed | 50.00% is below the target 60.00% |',
    ]);
  });

  it('under --fail-on none: says that nothing was checked, every KPI not checked', async () => {
    const result = await runCli(['check', GATE, '--format', 'markdown', '--fail-on', 'none']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      '### ✓ PASS nothing checked (--fail-on none)',
      '',
      'Tiny Shop \\& \\<Co\\>, 2026-07 (2026-07-01 to 2026-07-31) · fails on: none (report only) · 6 KPIs: 1 met, 1 at risk, 3 missed, 1 no data',
    ]);
    const table = await runCli(['check', GATE, '--fail-on', 'none']);
    expect(table.stdout.split('\n').map((line) => line.split('  ').slice(0, 3).join('  '))).toEqual([
      '✓ PASS  nothing checked (--fail-on none)  Tiny Shop & <Co>, 2026-07 (2026-07-01 to 2026-07-31)',
      '  ! at risk  purchase.conversion_rate',
      '  ! missed   purchase.cart_abandonment',
      '  ! no data  purchase.disputed_aov',
      '  ! missed   advocacy.nps',
      '',
    ]);
    expect(table.stdout).toContain('is 0 (does not fail)\n');
    expect(table.stdout).toContain('14.3 is below the target 20.0 (level warn: does not fail)\n');
    const junit = parseXml((await runCli(['check', GATE, '--format', 'junit', '--fail-on', 'none'])).stdout);
    expect(junit.children.map(counts)).toEqual([
      ['1', '0', '0', '1'],
      ['3', '0', '0', '3'],
      ['2', '0', '0', '2'],
    ]);
    const json = await runCli(['check', GATE, '--format', 'json', '--fail-on', 'none']);
    expect(parseReportJson<{ check: unknown }>(json.stdout).check).toEqual({ passed: true, fail_on: [], checked: 0, failed: [], warned: [] });
  });

  it('on a passing framework', async () => {
    await expectOutput(['check', PASS, '--format', 'markdown'], 0, [
      '### ✓ PASS 3 KPIs checked: none failed',
      '',
      'Tiny Shop, 2026-07 (2026-07-01 to 2026-07-31) · fails on: missed, no_data · 3 KPIs: 2 met, 0 at risk, 1 missed, 0 no data',
      '',
      '| Check | KPI | Value | Target | Baseline | vs baseline | Status | Why |',
      '| :-- | :-- | --: | --: | --: | --: | :-- | :-- |',
      '| ✓ passes | Sessions `awareness.sessions` | 5 | ≥ 4 | 4 | +1 (+25.0%) | ✓ met |  |',
      '| ✓ passes | Conversion rate `purchase.conversion_rate` | 20.00% | ≥ 20.00% | 15.00% | +5.00 pp | ✓ met |  |',
      '| ! warns (level warn) | Net Promoter Score `advocacy.nps` | 14.3 | ≥ 20.0 | 10.0 | +4.3 (+42.9%) | ✗ missed | 14.3 is below the target 20.0 |',
    ]);
  });

  it('report --format markdown: the journey and every KPI in framework order, no gate', async () => {
    const result = await runCli(['report', PASS, '--format', 'markdown']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 7)).toEqual([
      '### Tiny Shop',
      '',
      'Tiny Shop, 2026-07 (2026-07-01 to 2026-07-31) · 3 KPIs: 2 met, 0 at risk, 1 missed, 0 no data',
      '',
      '| KPI | Value | Target | Baseline | vs baseline | Status | Why |',
      '| :-- | --: | --: | --: | --: | :-- | :-- |',
      '| Sessions `awareness.sessions` | 5 | ≥ 4 | 4 | +1 (+25.0%) | ✓ met |  |',
    ]);
  });
});

describe('check --format github', () => {
  it('on a failing framework: an error on the line of each failing KPI, warnings for the rest not met, then the verdict', async () => {
    await expectOutput(['check', GATE, '--format', 'github'], 1, [
      `::error file=${GATE},line=52,col=13,title=KPI purchase.cart_abandonment missed::${NAME_TEXT}: 50.00%25 is above the target 45.00%25 and the warn 48.00%25 (value 50.00%25, target ≤ 45.00%25, warn 48.00%25, baseline 60.00%25, vs baseline −10.00 pp)`,
      `::error file=${GATE},line=60,col=13,title=KPI purchase.disputed_aov no data::Disputed order value: denominator count(orders where financial_status = 'disputed') is 0 (value —, target ≤ $0.00, baseline $0.00, vs baseline —)`,
      `::warning file=${GATE},line=45,col=13,title=KPI purchase.conversion_rate at risk (does not fail)::Conversion rate: 20.00%25 is below the target 25.00%25 (warn 18.00%25) (value 20.00%25, target ≥ 25.00%25, warn 18.00%25, baseline 15.00%25, vs baseline +5.00 pp)`,
      `::warning file=${GATE},line=70,col=13,title=KPI advocacy.nps missed (level warn%3A does not fail)::Net Promoter Score: 14.3 is below the target 20.0 (value 14.3, target ≥ 20.0, baseline 10.0, vs baseline +4.3 (+42.9%25))`,
      '✗ FAIL  2 of 5 KPIs failed  Tiny Shop & <Co>, 2026-07 (2026-07-01 to 2026-07-31)',
    ]);
  });

  it('on a passing framework: only the level-warn miss, as a warning', async () => {
    await expectOutput(['check', PASS, '--format', 'github'], 0, [
      `::warning file=${PASS},line=44,col=13,title=KPI advocacy.nps missed (level warn%3A does not fail)::Net Promoter Score: 14.3 is below the target 20.0 (value 14.3, target ≥ 20.0, baseline 10.0, vs baseline +4.3 (+42.9%25))`,
      '✓ PASS  3 KPIs checked: none failed  Tiny Shop, 2026-07 (2026-07-01 to 2026-07-31)',
    ]);
  });
});

function junitOf(stdout: string): XmlElement {
  const root = parseXml(stdout);
  expect(junitProblems(root)).toEqual([]);
  return root;
}

const counts = (suite: XmlElement) => ['tests', 'failures', 'errors', 'skipped'].map((name) => suite.attributes[name]);
const cases = (root: XmlElement) => root.children.flatMap((suite) => suite.children.filter((child) => child.name === 'testcase'));

describe('check --format junit', () => {
  let gate: CliResult;
  beforeAll(async () => {
    gate = await runCli(['check', GATE, '--format', 'junit']);
  });

  it('on a failing framework: one suite per stage, one case per KPI, a failure per failing KPI, counts that add up', () => {
    expect(gate.code).toBe(1);
    const root = junitOf(gate.stdout);
    expect(root.attributes).toEqual({ name: 'journey-kpi check: Tiny Shop & <Co>, 2026-07 (2026-07-01 to 2026-07-31)', tests: '6', failures: '2', errors: '0' });
    expect(root.children.map((suite) => [suite.attributes.name, ...counts(suite)])).toEqual([
      ['Awareness', '1', '0', '0', '0'],
      ['Purchase', '3', '2', '0', '0'],
      ['Advocacy', '2', '0', '0', '2'],
    ]);
    expect(cases(root).map((testcase) => [testcase.attributes.classname, testcase.attributes.name, testcase.children.map((child) => child.name).join()])).toEqual([
      ['awareness', 'sessions: Sessions', ''],
      ['purchase', 'conversion_rate: Conversion rate', ''],
      ['purchase', `cart_abandonment: ${NAME_TEXT}`, 'failure'],
      ['purchase', 'disputed_aov: Disputed order value', 'failure'],
      ['advocacy', 'nps: Net Promoter Score', 'skipped'],
      ['advocacy', 'csat: Customer satisfaction', 'skipped'],
    ]);
  });

  it('a failure says value, target, baseline and change as the table shows them, and raw', () => {
    const failure = cases(junitOf(gate.stdout))[2]?.children[0];
    expect(failure?.attributes).toEqual({
      type: 'missed',
      message: 'missed: 50.00% is above the target 45.00% and the warn 48.00%; value 50.00%, target ≤ 45.00%, warn 48.00%, baseline 60.00%, vs baseline −10.00 pp',
    });
    expect(failure?.text).toBe(
      [
        `purchase.cart_abandonment ${NAME_TEXT}: 50.00% is above the target 45.00% and the warn 48.00%`,
        'status: missed',
        'value: 50.00% (0.5)',
        'target: ≤ 45.00% (0.45)',
        'warn: 48.00% (0.48)',
        'baseline: 60.00% (0.6)',
        'vs baseline: −10.00 pp (-0.09999999999999998)', // 0.5 - 0.6 in binary floating point
        'sample: 2',
        '',
      ].join('\n'),
    );
    expect(gate.stdout).toContain('name="cart_abandonment: Cart &quot;abandonment&quot; &amp; &lt;returns&gt; | `net` \\ $5\\u0001\\u0009end"');
  });

  it('level warn and level off are skipped, with the reason as text', () => {
    const [nps, csat] = cases(junitOf(gate.stdout)).slice(4);
    expect(nps?.children[0]?.text).toBe('level warn, does not fail: missed: 14.3 is below the target 20.0; value 14.3, target ≥ 20.0, baseline 10.0, vs baseline +4.3 (+42.9%)');
    expect(csat?.children[0]?.text).toBe('level off, not checked: missed: 50.00% is below the target 60.00%');
  });

  it('on a passing framework: no failures, the level-warn miss skipped', async () => {
    const result = await runCli(['check', PASS, '--format', 'junit', '--fail-on', 'missed']);
    expect(result.code).toBe(0);
    const root = junitOf(result.stdout);
    expect([root.attributes.tests, root.attributes.failures]).toEqual(['3', '0']);
    expect(root.children.map(counts)).toEqual([['1', '0', '0', '0'], ['1', '0', '0', '0'], ['1', '0', '0', '1']]);
    expect(root.children[0]?.children[0]?.children.map((property) => property.attributes)).toEqual([
      { name: 'journey', value: 'Tiny Shop' },
      { name: 'period', value: '2026-07 (2026-07-01 to 2026-07-31, Europe/Berlin)' },
      { name: 'fail_on', value: 'missed' },
    ]);
  });

  it('the checker itself refuses what junit-4.xsd refuses', () => {
    const problems = (xml: string) => junitProblems(parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`));
    expect(problems('<testsuites skipped="1"><testsuite tests="1"><testcase name="a"><failure/><skipped message="x"/></testcase></testsuite></testsuites>')).toEqual([
      'testsuites: attribute skipped not allowed',
      'testsuites/testsuite[0]: missing name',
      'testsuites/testsuite[0]/testcase[0]: <skipped> out of order or not allowed',
      'testsuites/testsuite[0]/testcase[0]/skipped[1]: attribute message not allowed',
    ]);
    expect(() => parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="a & b"/>')).toThrow(/bare &/);
    expect(() => parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="\u0001"/>')).toThrow(/forbids/);
    expect(() => parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites><testsuite></testsuites>')).toThrow(/unbalanced/);
  });
});

describe('--output FILE', () => {
  const STARTS = { table: ['✗ FAIL', '✓ PASS'], json: ['{', '{'], junit: ['<?xml', '<?xml'], markdown: ['### ✗ FAIL', '### ✓ PASS'], github: ['::error', '::warning'] };
  it.each([[GATE, 1], [PASS, 0]] as const)('on %s: every format is written to the file, nothing to stdout, exit %i', async (framework, code) => {
    const folder = mkdtempSync(join(tmpdir(), 'journey-kpi-ci-'));
    for (const [format, [failing, passing]] of Object.entries(STARTS)) {
      const file = join(folder, `out.${format}`);
      const result = await runCli(['check', framework, '--format', format, '--output', file]);
      expect([format, result.code, result.stdout]).toEqual([format, code, '']);
      expect(readFileSync(file, 'utf8').startsWith(code === 1 ? failing : passing), format).toBe(true);
    }
  });
});
