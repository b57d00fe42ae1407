/**
 * --output and --save-baseline never write over one of the run's inputs,
 * whatever path reaches it (a symlink, a symlinked folder, a hard link), nor
 * over each other, and they are refused before any data is read: the shop's
 * traffic.csv has a bad row whose warning would show if it had been read.
 */
import { cpSync, linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from './run-cli.js';

const folder = mkdtempSync(join(tmpdir(), 'journey-kpi-outputs-'));
const ORDERS = readFileSync(join(REPO, 'test/fixtures/e2e/shop/data/orders.csv'), 'utf8');
const inFolder = (...args: string[]) => runCli(['report', 'journey.yaml', ...args], { cwd: folder });
const refusal = (option: string, file: string) => `journey-kpi  error  usage/output  ${option} '${file}' is one of this run's inputs: write the output to another file\n`;

beforeAll(() => {
  cpSync(join(REPO, 'test/fixtures/e2e/shop'), folder, { recursive: true });
  symlinkSync('data/orders.csv', join(folder, 'link.csv'));
  linkSync(join(folder, 'data/orders.csv'), join(folder, 'hard.csv'));
  mkdirSync(join(folder, 'lnk'));
  symlinkSync('../data/orders.csv', join(folder, 'lnk/o.csv'));
});

describe('output files', () => {
  it('a symlink, a hard link or a symlink in another folder to a data file is refused, and the data file is kept', async () => {
    for (const [option, file] of [['--output', 'link.csv'], ['--output', 'hard.csv'], ['--save-baseline', 'lnk/o.csv'], ['--save-baseline', 'hard.csv']] as const) {
      const result = await inFolder(option, file);
      expect(result).toEqual({ code: 2, stdout: '', stderr: refusal(option, file) });
    }
    const check = await runCli(['check', 'journey.yaml', '--output', 'link.csv'], { cwd: folder });
    expect(check).toEqual({ code: 2, stdout: '', stderr: refusal('--output', 'link.csv') });
    expect(readFileSync(join(folder, 'data/orders.csv'), 'utf8')).toBe(ORDERS);
  });

  it('the --baseline file is an input too', async () => {
    expect((await inFolder('--save-baseline', 'stored.json')).code).toBe(0);
    const stored = readFileSync(join(folder, 'stored.json'), 'utf8');
    expect(await inFolder('--baseline', 'stored.json', '--output', 'stored.json')).toEqual({ code: 2, stdout: '', stderr: refusal('--output', 'stored.json') });
    expect(await inFolder('--baseline', 'stored.json', '--save-baseline', './stored.json')).toEqual({
      code: 2,
      stdout: '',
      stderr: refusal('--save-baseline', './stored.json'),
    });
    expect(readFileSync(join(folder, 'stored.json'), 'utf8')).toBe(stored);
  });

  it('--save-baseline and --output naming the same file is a usage error', async () => {
    expect(await inFolder('--save-baseline', 'both.json', '--output', './both.json')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "journey-kpi  error  usage/output  --save-baseline 'both.json' and --output './both.json' are the same file: " +
        'give each its own file (--save-baseline writes the JSON report, --output the --format output)\n',
    });
  });

  it('a folder that does not exist, or a folder given as the file, is refused before the data is read', async () => {
    const cannot = (option: string, file: string, code: string) =>
      `journey-kpi  error  usage/output  cannot write ${option} '${file}' (${code}): give a file path in a folder that exists and that you can write to\n`;
    expect(await inFolder('--output', 'no/such/report.txt')).toEqual({ code: 2, stdout: '', stderr: cannot('--output', 'no/such/report.txt', 'ENOENT') });
    expect(await inFolder('--save-baseline', 'data')).toEqual({ code: 2, stdout: '', stderr: cannot('--save-baseline', 'data', 'EISDIR') });
  });
});
