/** Runs the built binary exactly as a user would: a child process, plain output. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..');
const BIN = join(REPO, 'bin', 'journey-kpi.js');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `timeoutMs`: the process is killed after it (code -1), for a run that must end by itself. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliResult> {
  if (!existsSync(join(REPO, 'dist', 'bundle', 'cli.js'))) {
    throw new Error('journey-kpi is not built: run `npm test` (it builds first) or `npm run build`');
  }
  return new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd ?? REPO, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...options.env }, maxBuffer: 64 * 1024 * 1024, timeout: options.timeoutMs ?? 0 },
      (failure, stdout, stderr) => {
        const code = failure ? (typeof failure.code === 'number' ? failure.code : -1) : 0;
        resolvePromise({ code, stdout, stderr });
      },
    );
  });
}
