/**
 * journey-kpi init through the built binary: every template, with the
 * example data, gives a framework that validates and reports every KPI
 * the committed example declares (the values are held against the
 * example's by test/examples/generated.test.ts: same formulas, same data); existing files are kept unless --force.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TEMPLATE_KINDS } from '../../src/cli/templates.js';
import { parseReportJson } from './report-json.js';
import { REPO, runCli } from './run-cli.js';

const ROOT = mkdtempSync(join(tmpdir(), 'journey-kpi-init-e2e-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

/** KPI ids with a value, from the report's JSON. */
async function reportedKpis(framework: string, cwd: string): Promise<string[]> {
  const result = await runCli(['report', framework, '--format', 'json'], { cwd });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const report = parseReportJson(result.stdout) as { stages: { kpis: { id: string; value: number | null }[] }[] };
  return report.stages.flatMap((stage) => stage.kpis).filter((kpi) => kpi.value !== null).map((kpi) => kpi.id);
}

function exampleKpis(kind: string): string[] {
  const framework = parse(readFileSync(join(REPO, 'examples', kind, 'journey.yaml'), 'utf8')) as { stages: { kpis: { id: string }[] }[] };
  return framework.stages.flatMap((stage) => stage.kpis.map((kpi) => kpi.id));
}

describe.each(TEMPLATE_KINDS)('journey-kpi init --template %s --with-data', (kind) => {
  it('writes a framework that validates, and reports a value for every KPI of the example', async () => {
    const init = await runCli(['init', kind, '--template', kind, '--with-data'], { cwd: ROOT });
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout.split('\n')[0]).toBe(`wrote ${kind}/journey.yaml (the ${kind} template)`);
    expect(init.stdout).toContain(`\nNext:\n  journey-kpi report ${kind}/journey.yaml     the template's KPIs on the example data\n`);

    const validate = await runCli(['validate', `${kind}/journey.yaml`], { cwd: ROOT });
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(new RegExp(`^✓ ${kind}/journey.yaml: framework valid; `));
    expect(await reportedKpis('journey.yaml', join(ROOT, kind))).toEqual(exampleKpis(kind));
  });
});

describe('journey-kpi init keeps what exists', () => {
  const dir = join(ROOT, 'kept');

  it('without --with-data writes journey.yaml and its schema only, and says what to edit next', async () => {
    const result = await runCli(['init', 'kept', '--template', 'service'], { cwd: ROOT });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'wrote kept/journey.yaml (the service template)\nwrote kept/journey-kpi.schema.json (its schema, for editors that check YAML)\n\nNext:\n' +
        "  1. In kept/journey.yaml, sources: put your own exports in data/ (or change each `file:`), and make each column's `from:` the header your export uses.\n" +
        "  2. stages: set each KPI's owner, baseline, target and warn; delete the KPIs you do not track.\n" +
        '  3. journey-kpi validate kept/journey.yaml   checks the framework and every row\n' +
        '     journey-kpi report kept/journey.yaml     computes the KPIs\n',
    );
  });

  it('writes comments true for journey.yaml, and a $schema that names the copy beside it', () => {
    const lines = readFileSync(join(dir, 'journey.yaml'), 'utf8').split('\n');
    expect(lines[0]).toBe('# yaml-language-server: $schema=journey-kpi.schema.json');
    expect(lines.filter((line) => /examples\/|journey-kpi report/.test(line))).toEqual(['#   journey-kpi report journey.yaml']);
    expect(readFileSync(join(dir, 'journey-kpi.schema.json'), 'utf8')).toBe(readFileSync(join(REPO, 'schema', 'framework.schema.json'), 'utf8'));
  });

  it('refuses to overwrite, naming the files, and leaves them as they were', async () => {
    writeFileSync(join(dir, 'journey.yaml'), 'mine\n');
    const result = await runCli(['init', '--template', 'service', '--with-data'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'journey-kpi  error  init/exists  journey.yaml, journey-kpi.schema.json already exist in .: pass --force to overwrite, or give another folder (journey-kpi init --template KIND my-journey)\n',
    );
    expect(readFileSync(join(dir, 'journey.yaml'), 'utf8')).toBe('mine\n');
  });

  it('--force overwrites', async () => {
    const result = await runCli(['init', '--template', 'service', '--force'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'journey.yaml'), 'utf8')).toContain('journey: My support team');
  });
});

describe('journey-kpi init, usage errors', () => {
  it('an unknown template says which it might be and lists them', async () => {
    const result = await runCli(['init', '--template', 'servce'], { cwd: ROOT });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`journey-kpi  error  usage/template  there is no template 'servce'. Did you mean 'service'? Choose one of: ${TEMPLATE_KINDS.join(', ')}\n`);
  });

  it('no template and no terminal: lists the kinds instead of asking', async () => {
    const result = await runCli(['init'], { cwd: ROOT });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`journey-kpi  error  usage/template  no --template given and no terminal to ask on: pass --template KIND, one of ${TEMPLATE_KINDS.join(', ')}\n`);
  });
});
