/**
 * Control characters in the framework's names (the journey, a stage, a
 * touchpoint, a KPI: ESC, CR, NUL) and in a data value shown by --by (a
 * channel `we ESC[31m b`) reach no output raw: every format shows them as
 * `\u001b` text, as the findings always did.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const FRAMEWORK = 'test/fixtures/e2e/control-chars/journey.yaml';
/** Any control character but the line feed, and the CR of a CSV's CRLF. */
const RAW_CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;

describe('control characters in names and data', () => {
  it('the table shows them escaped in the heading, the stage title, the KPI cells and a --by segment', async () => {
    const result = await runCli(['report', FRAMEWORK, '--by', 'channel', '--trend', 'week']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Shop \\u001b[2J');
    expect(lines).toContain('Visit \\u001b[31m (ads\\u001b[0m)');
    expect(lines).toContain('│ Visits\\u000dhidden\\u0000x │     3 │        2 │    ≥ 2 │ +1 (+50.0%) │ ✓ met  │');
    expect(lines).toContain('│ Visits\\u000dhidden\\u0000x │       3 │ ▄····   │');
    expect(lines).toContain('│ channel       │ Visits\\u000dhidden\\u0000x │   Rows │ Note │');
    // visits.csv: web on 07-01 and 07-03, `we ESC[31m b` on 07-02.
    expect(lines).toContain('│ web           │                         2 │ 2 rows │      │');
    expect(lines).toContain('│ we\\u001b[31mb │                         1 │  1 row │      │');
  });

  it('csv, markdown and check show them escaped too', async () => {
    const csv = await runCli(['report', FRAMEWORK, '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[1]).toBe(
      'visit,Visit \\u001b[31m,visits,Visits\\u000dhidden\\u0000x,,count,higher,error,3,2,2,,1,0.5,met,met: 3 is at or above the target 2,3',
    );
    const markdown = await runCli(['report', FRAMEWORK, '--format', 'markdown']);
    expect(markdown.stdout.split('\n')[0]).toBe('### Shop \\\\u001b\\[2J');
    const check = await runCli(['check', FRAMEWORK]);
    expect(check.code).toBe(0);
    for (const output of [csv.stdout, markdown.stdout, check.stdout]) expect(output).not.toMatch(RAW_CONTROL);
  });
});
