/**
 * The same inputs give the same bytes in every format: two runs in separate
 * processes, the second under another time zone and locale (nothing may
 * depend on them), and no absolute path of the machine in the output.
 */
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from './run-cli.js';

/** Every status, level, a rejected row, and a KPI name with characters each format escapes. */
const FRAMEWORK = 'test/fixtures/ci/gate/journey.yaml';
const RUNS = [
  ['check', 'table'], ['check', 'json'], ['check', 'junit'], ['check', 'markdown'], ['check', 'github'],
  ['report', 'table'], ['report', 'json'], ['report', 'csv'], ['report', 'markdown'],
] as const;
const ELSEWHERE = { TZ: 'Pacific/Chatham', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' };

describe('byte-stable output', () => {
  it.each(RUNS)(
    '%s --format %s',
    async (command, format) => {
      const args = [command, FRAMEWORK, '--format', format];
      const [first, second] = await Promise.all([runCli(args, { env: { TZ: 'UTC', LANG: 'C' } }), runCli(args, { env: ELSEWHERE })]);
      expect(first.stdout.length).toBeGreaterThan(100);
      expect(Buffer.from(second.stdout)).toEqual(Buffer.from(first.stdout));
      expect(first.stdout).not.toContain(REPO);
    },
  );
});
