/**
 * Bad input through the built binary: every problem on stderr as
 * `file:line:col  severity  code  message`, nothing on stdout, exit 2.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { parseReportJson } from './report-json.js';

const fixture = (name: string) => `test/fixtures/e2e/${name}/journey.yaml`;

/** `file:line:col code` of each diagnostic line, to assert places and codes, not wording. */
function located(stderr: string): string[] {
  return stderr
    .split('\n')
    .map((line) => /^(\S+?)(?::(\d+))?(?::(\d+))?\s{2}(?:error|warning)\s{2}(\S+)/.exec(line))
    .filter((match) => match !== null)
    .map((match) => `${match[1]}:${match[2] ?? ''}:${match[3] ?? ''} ${match[4]}`);
}

describe('broken input', () => {
  it('broken YAML: the line and column of the mistake', async () => {
    for (const command of ['report', 'check', 'validate']) {
      const result = await runCli([command, fixture('broken-yaml')]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(located(result.stderr)[0]).toBe(`${fixture('broken-yaml')}:4:11 framework/yaml`);
    }
  });

  it('a framework with several mistakes: all of them at once, with carets', async () => {
    const result = await runCli(['report', fixture('bad-framework')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(located(result.stderr)).toEqual([
      `${fixture('bad-framework')}:17:49 framework/formula-syntax`,
      `${fixture('bad-framework')}:22:24 framework/unknown-source`,
      `${fixture('bad-framework')}:27:18 framework/kpi-cycle`,
    ]);
    expect(result.stderr).toContain("'order' is not a source. Did you mean 'orders'?");
    expect(result.stderr).toContain('a -> b -> a');
    expect(result.stderr).toContain(['    sum(orders.totl) / count(orders', `    ${' '.repeat(31)}^`].join('\n'));
  });

  it('a declared column missing from the header: the headers present and the closest', async () => {
    const result = await runCli(['report', fixture('missing-column')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(located(result.stderr)).toEqual(['test/fixtures/e2e/shop/data/orders.csv:1:1 data/missing-column']);
    expect(result.stderr).toContain("no column 'Order Total'");
    expect(result.stderr).toContain("The closest is 'Total'");
    expect(result.stderr).toContain("'Name', 'Email', 'Financial Status', 'Total'");
  });

  it('no framework argument and no journey.yaml: says what to do', async () => {
    const result = await runCli(['report'], { cwd: 'test/fixtures/e2e' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no framework given and no journey.yaml');
  });

  it('usage errors exit 2', async () => {
    expect((await runCli(['report', fixture('shop'), '--format', 'xml'])).code).toBe(2);
    expect((await runCli(['report', fixture('shop'), '--period', '2026-Q5'])).stderr).toContain('period/invalid');
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli([])).code).toBe(2);
    const unknownKpi = await runCli(['report', fixture('shop'), '--kpi', 'convrsion_rate']);
    expect(unknownKpi.code).toBe(2);
    expect(unknownKpi.stderr).toContain("Did you mean 'conversion_rate'?");
  });

  it("commander's usage errors read like every other diagnostic, on stderr, exit 2", async () => {
    const choice = await runCli(['report', fixture('shop'), '--trend', 'year']);
    expect(choice).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "journey-kpi  error  usage/invalid-argument  option '--trend <unit>' argument 'year' is invalid. Allowed choices are day, week, month, quarter. " +
        'Run journey-kpi --help, or journey-kpi COMMAND --help, for usage\n',
    });
    const command = await runCli(['reprot', fixture('shop')]);
    expect(command.code).toBe(2);
    expect(command.stderr).toBe("journey-kpi  error  usage/unknown-command  unknown command 'reprot'. Did you mean report? Run journey-kpi --help, or journey-kpi COMMAND --help, for usage\n");
    expect(located((await runCli(['check', fixture('shop'), '--nope'])).stderr)).toEqual(['journey-kpi:: usage/unknown-option']);
  });

  it('an option written before its command, or given to a command it is not for, says where it belongs; a choice mistyped, the closest; help for no command is an error', async () => {
    const before = await runCli(['--no-color', 'check', fixture('shop')]);
    expect(before.code).toBe(2);
    expect(before.stderr).toBe(
      "journey-kpi  error  usage/unknown-option  unknown option '--no-color'. Options go after the command: journey-kpi check … --no-color. Run journey-kpi --help, or journey-kpi COMMAND --help, for usage\n",
    );
    const elsewhere = await runCli(['check', fixture('shop'), '--trend', 'month']);
    expect(elsewhere.stderr).toContain("unknown option '--trend'. --trend is an option of report.");
    expect((await runCli(['report', fixture('shop'), '--format', 'jsn'])).stderr).toContain("Allowed choices are table, json, csv, markdown. Did you mean 'json'?");
    // Before a command it is not for, it is that it belongs to another.
    expect((await runCli(['--trend', 'day', 'check', fixture('shop')])).stderr).toContain("unknown option '--trend'. --trend is an option of report.");
    expect((await runCli(['help', 'repot'])).stderr).toContain("unknown command 'repot'. Did you mean 'report'?");
    expect((await runCli(['help', 'help'])).code).toBe(0);
    const help = await runCli(['help', 'nosuch']);
    expect(help).toEqual({ code: 2, stdout: '', stderr: "journey-kpi  error  usage/unknown-command  unknown command 'nosuch'. Run journey-kpi --help, or journey-kpi COMMAND --help, for usage\n" });
  });

  it('an --output that cannot be written, or a source given twice, is a usage error', async () => {
    const output = await runCli(['report', fixture('shop'), '--kpi', 'sessions', '--output', 'no/such/folder/report.txt']);
    expect(output.code).toBe(2);
    expect(located(output.stderr).at(-1)).toBe('journey-kpi:: usage/output');
    const input = await runCli(['report', fixture('shop'), '--kpi', 'aov', '--output', 'test/fixtures/e2e/shop/data/orders.csv']);
    expect(input.code).toBe(2);
    expect(input.stderr).toContain("--output 'test/fixtures/e2e/shop/data/orders.csv' is one of this run's inputs");
    expect(readFileSync('test/fixtures/e2e/shop/data/orders.csv', 'utf8')).toMatch(/^Name,Email,Financial Status/);
    const twice = await runCli(['report', fixture('shop'), '--source', 'orders=a.csv', '--source', 'orders=b.csv']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--source orders=… is given twice');
  });

  it('a --source path that does not exist is blamed on --source, not on the framework', async () => {
    const result = await runCli(['report', fixture('shop'), '--source', 'orders=exports/orders.csv', '--kpi', 'aov']);
    expect(result.code).toBe(2);
    expect(located(result.stderr)).toEqual(['journey-kpi:: data/file-not-found']);
    expect(result.stderr).toContain("exports/orders.csv (the file of source 'orders', written 'exports/orders.csv') does not exist.");
    expect(result.stderr).toContain('it is relative to the working directory, not to the framework');
  });

  it('the framework schema check the bundle holds precompiled: unknown keys with their parent schema, repeated enum values', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'journey-kpi-checks-'));
    const shop = readFileSync(fixture('shop'), 'utf8').replaceAll('file: data/', `file: ${join(process.cwd(), 'test/fixtures/e2e/shop/data')}/`);
    // The framework's schema: an unknown key, with the allowed keys its parent schema lists.
    writeFileSync(join(folder, 'typo.yaml'), shop.replace('timezone: Europe/Berlin', 'timezon: Europe/Berlin'));
    const typo = await runCli(['report', join(folder, 'typo.yaml')]);
    expect(typo.code).toBe(2);
    expect(located(typo.stderr)).toEqual([`${join(folder, 'typo.yaml')}:3:1 framework/schema`]);
    expect(typo.stderr).toContain("unknown key 'timezon' in the framework. Did you mean 'timezone'?");
    // An enum that repeats a value, at the list, with the value named.
    writeFileSync(join(folder, 'enum.yaml'), shop.replace('begin_checkout, purchase]', 'begin_checkout, purchase, purchase]'));
    const repeated = await runCli(['report', join(folder, 'enum.yaml'), '--kpi', 'sessions']);
    expect(repeated.code).toBe(2);
    expect(repeated.stderr).toBe(`${join(folder, 'enum.yaml')}:13:41  error  framework/schema  sources.traffic.columns.event_name.enum lists "purchase" twice: remove the repeat\n`);
  });

  it('--help and --version exit 0 on stdout', async () => {
    const help = await runCli(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('1  a level-error KPI has a status in --fail-on (default: missed or no data)');
    expect((await runCli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('bad rows', () => {
  // orders.csv: rows 1 and 8 are good (10.00 + 60.00); 2 is below min, 3 has a
  // day-or-month date, 4 an unreadable amount, 5 a status outside the enum,
  // 6 no time, 7 a missing field.
  const REJECTED = [
    'test/fixtures/e2e/bad-rows/orders.csv:3:20 row/min',
    'test/fixtures/e2e/bad-rows/orders.csv:4:3 row/ambiguous-date',
    'test/fixtures/e2e/bad-rows/orders.csv:5:20 row/invalid-number',
    'test/fixtures/e2e/bad-rows/orders.csv:6:26 row/enum',
    'test/fixtures/e2e/bad-rows/orders.csv:7:3 row/no-time',
    'test/fixtures/e2e/bad-rows/orders.csv:8:1 row/field-count',
  ];

  it('validate lists every rejected row and exits 2', async () => {
    const result = await runCli(['validate', fixture('bad-rows')]);
    expect(result.code).toBe(2);
    expect(located(result.stderr)).toEqual(REJECTED);
    expect(result.stdout).toBe(`✗ ${fixture('bad-rows')}: framework valid; 6 of 8 rows rejected\n`);
  });

  it('validate --max-problems caps the list and counts the rest', async () => {
    const result = await runCli(['validate', fixture('bad-rows'), '--max-problems', '2']);
    expect(result.code).toBe(2);
    expect(located(result.stderr)).toEqual([...REJECTED.slice(0, 2), 'journey-kpi:: row/more-rejected']);
    expect((await runCli(['validate', fixture('bad-rows'), '--max-problems', 'lots'])).stderr).toContain('usage/max-problems');
  });

  it('report shows the first five rejected rows and says how to list the rest', async () => {
    const result = await runCli(['report', fixture('bad-rows')]);
    expect(located(result.stderr)).toEqual([...REJECTED.slice(0, 5), 'journey-kpi:: row/more-rejected']);
    expect(result.stderr).toContain(
      'orders: 1 more rejected row not shown (6 in all); run journey-kpi validate on the same framework and --source files with --max-problems 0 to list them all (it checks the rows of every period)\n',
    );
  });

  it('--threads takes a number of threads from 1 to 64', async () => {
    for (const bad of ['0', 'two', '65', '1.5']) {
      const result = await runCli(['report', fixture('bad-rows'), '--threads', bad]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`journey-kpi  error  usage/threads  --threads '${bad}' is not a number of threads from 1 to 64: write e.g. --threads 1 to read on the main thread only\n`);
    }
    expect((await runCli(['validate', fixture('bad-rows'), '--threads', '1'])).code).toBe(2);
  });

  it('report leaves them out, counts them, shows the first five and the rest as a count', async () => {
    const result = await runCli(['report', fixture('bad-rows'), '--format', 'json']);
    expect(result.code).toBe(0);
    expect(located(result.stderr)).toEqual([...REJECTED.slice(0, 5), 'journey-kpi:: row/more-rejected']);
    const document = parseReportJson(result.stdout);
    expect(document.sources[0]).toMatchObject({ rows_read: 8, rows_in_period: 2, rows_rejected: 6 });
    expect(document.stages[0].kpis[0]).toMatchObject({ id: 'revenue', value: 70, status: 'met' });
  });

  it('--strict makes a rejected row exit 2, and says so', async () => {
    const result = await runCli(['report', fixture('bad-rows'), '--strict']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('journey-kpi  error  data/strict  --strict: 6 rows were rejected (listed above), so the exit code is 2');
  });

  it('validate passes a clean framework and data with exit 0', async () => {
    const result = await runCli(['validate', 'examples/ecommerce/journey.yaml']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^✓ examples\/ecommerce\/journey\.yaml: framework valid; 3 source file\(s\), [\d,]+ rows, none rejected\n$/);
  });
});
