/** The README's CI examples stay valid: the workflow files parse, and every check command in them is one the binary accepts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from './run-cli.js';

const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
const section = /\n## In CI\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
const FORMATS = ['table', 'json', 'junit', 'markdown', 'github'];

describe("README's In CI section", () => {
  it('has a GitHub Actions workflow (schedule, pull_request) and a GitLab CI job with a JUnit report', () => {
    const [github, gitlab] = blocks.map((block) => parse(block));
    expect(Object.keys(github.on)).toEqual(['schedule', 'pull_request']);
    expect(JSON.stringify(github)).toContain('$GITHUB_STEP_SUMMARY');
    expect(gitlab.kpis.artifacts.reports).toEqual({ junit: 'kpi-junit.xml' });
    expect(gitlab.kpis.rules.map((rule: { if: string }) => rule.if)).toEqual([
      '$CI_PIPELINE_SOURCE == "schedule"',
      '$CI_PIPELINE_SOURCE == "merge_request_event"',
    ]);
  });

  it('uses only formats check knows, and writes the JUnit file the jobs upload', () => {
    const commands = blocks.join('\n').split('\n').filter((line) => line.includes('journey-kpi check'));
    expect(commands.length).toBeGreaterThanOrEqual(6);
    const formats = commands.map((line) => /--format (\w+)/.exec(line)?.[1] ?? 'table');
    expect(formats.filter((format) => !FORMATS.includes(format))).toEqual([]);
    expect(commands.filter((line) => line.includes('--format junit')).every((line) => line.includes('--output kpi-junit.xml'))).toBe(true);
  });
});
