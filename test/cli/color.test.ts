/** Colour only on a terminal, never with NO_COLOR or --no-color: driven in-process with fake streams. */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { REPO } from '../e2e/run-cli.js';

async function reportWith(isTTY: boolean, env: Record<string, string>, args: string[] = []) {
  let stdout = '';
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text), isTTY },
    stderr: { write: () => true, isTTY },
    cwd: REPO,
    env,
  };
  const code = await run(['report', `${REPO}/test/fixtures/e2e/shop/journey.yaml`, '--kpi', 'sessions', ...args], io);
  return { code, stdout };
}

const ESC = '\u001b[';

describe('colour', () => {
  it('on a terminal: status in colour', async () => {
    const { code, stdout } = await reportWith(true, {});
    expect(code).toBe(0);
    expect(stdout).toContain(`${ESC}32m✓ met`);
  });

  it('not on a terminal, with NO_COLOR, or with --no-color: plain', async () => {
    for (const [isTTY, env, args] of [
      [false, {}, []],
      [true, { NO_COLOR: '1' }, []],
      [true, {}, ['--no-color']],
    ] as const) {
      const { stdout } = await reportWith(isTTY, env, [...args]);
      expect(stdout).toContain('✓ met');
      expect(stdout).not.toContain(ESC);
    }
  });
});
