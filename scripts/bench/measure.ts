/**
 * One measured run: a fresh child process, its wall time seen from here
 * and its peak resident memory. GNU time reads the peak from the kernel
 * (wait4) without touching the program; where it is missing, a module
 * preloaded with --import writes process.resourceUsage().maxRSS at exit.
 * Both tools are always measured the same way.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export interface Measured {
  readonly wallMs: number;
  readonly peakKb: number;
  readonly stdout: string;
}

const GNU_TIME = '/usr/bin/time';
const RSS_HOOK = fileURLToPath(new URL('./rss-hook.js', import.meta.url));

export const METER = existsSync(GNU_TIME) ? `${GNU_TIME} -f %M` : 'node --import rss-hook.js (process.resourceUsage().maxRSS)';

/** Runs `node <args>`; throws with the child's stderr when it fails. */
export async function measureNode(args: readonly string[]): Promise<Measured> {
  const dir = await mkdtemp(join(tmpdir(), 'journey-kpi-bench-'));
  const sideFile = join(dir, 'maxrss');
  const [command, commandArgs] = existsSync(GNU_TIME)
    ? [GNU_TIME, ['-f', '%M', '-o', sideFile, process.execPath, ...args]]
    : [process.execPath, ['--import', RSS_HOOK, ...args]];
  try {
    const start = performance.now();
    const { code, stdout, stderr } = await run(command, commandArgs, { ...process.env, BENCH_MAXRSS_FILE: sideFile });
    const wallMs = performance.now() - start;
    if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}:\n${stderr}`);
    // GNU time may put a "Command exited ..." line first; the number is the last line.
    const peakKb = Number((await readFile(sideFile, 'utf8')).trim().split('\n').at(-1));
    return { wallMs, peakKb, stdout };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
