/**
 * The files --output and --save-baseline write. They are checked before any
 * data is read, so a slip costs no long run: each must be writable, apart
 * from the other, and never one of the run's inputs (the framework, the
 * --baseline file, a data file), however it is reached: a symlink or a hard
 * link to data/orders.csv would destroy the export as surely as its own name.
 */
import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { access, realpath, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { error, UserError } from '../core/diagnostics.js';

export interface OutputTarget {
  readonly option: '--output' | '--save-baseline';
  readonly file: string;
}

/** The files a report or check run writes besides stdout. */
export interface OutputTargets {
  readonly output?: OutputTarget;
  readonly saveBaseline?: OutputTarget;
}

/** The targets the options name; the same file named twice is a usage error, as only one of them would be kept. */
export async function outputTargets(cwd: string, options: { readonly output?: string; readonly saveBaseline?: string }): Promise<OutputTargets> {
  const output = options.output === undefined ? undefined : ({ option: '--output', file: options.output } as const);
  const saveBaseline = options.saveBaseline === undefined ? undefined : ({ option: '--save-baseline', file: options.saveBaseline } as const);
  if (output && saveBaseline && sameFile(await identityOf(resolve(cwd, output.file)), await identityOf(resolve(cwd, saveBaseline.file)))) {
    throw new UserError(
      error('usage/output', `--save-baseline '${saveBaseline.file}' and --output '${output.file}' are the same file: give each its own file (--save-baseline writes the JSON report, --output the --format output)`),
    );
  }
  return { ...(output && { output }), ...(saveBaseline && { saveBaseline }) };
}

/** For computeReport to call before it reads the data: refuses a target that is one of the run's inputs or that cannot be written. */
export function outputCheck(cwd: string, targets: OutputTargets, run: { readonly framework: string; readonly baseline?: string }) {
  const inputs = [run.framework, ...(run.baseline === undefined ? [] : [run.baseline])];
  return (dataFiles: readonly string[]) => checkOutputTargets(cwd, [targets.saveBaseline, targets.output], [...inputs, ...dataFiles]);
}

async function checkOutputTargets(cwd: string, targets: readonly (OutputTarget | undefined)[], inputs: readonly string[]): Promise<void> {
  const given = targets.filter((target) => target !== undefined);
  if (given.length === 0) return;
  const inputIds = await Promise.all(inputs.map((input) => identityOf(resolve(cwd, input))));
  for (const target of given) {
    const path = resolve(cwd, target.file);
    const id = await identityOf(path);
    if (inputIds.some((input) => sameFile(input, id))) {
      throw new UserError(error('usage/output', `${target.option} '${target.file}' is one of this run's inputs: write the output to another file`));
    }
    const reason = await unwritable(path, id.stats);
    if (reason !== null) throw cannotWrite(target, reason);
  }
}

/** Writes `text` to a target checked by checkOutputTargets. */
export async function writeOutputFile(cwd: string, text: string, target: OutputTarget): Promise<void> {
  try {
    await writeFile(resolve(cwd, target.file), text, 'utf8');
  } catch (failure) {
    throw cannotWrite(target, (failure as NodeJS.ErrnoException).code ?? String(failure));
  }
}

function cannotWrite(target: OutputTarget, reason: string): UserError {
  return new UserError(
    error('usage/output', `cannot write ${target.option} '${target.file}' (${reason}): give a file path in a folder that exists and that you can write to`),
  );
}

interface FileIdentity {
  /** The path with every symlink resolved (of its folder, when the file does not exist yet). */
  readonly real: string;
  /** Null when nothing is there yet. */
  readonly stats: Stats | null;
}

async function identityOf(path: string): Promise<FileIdentity> {
  const stats = await stat(path).catch(() => null);
  const real = await realpath(path).catch(async () => join(await realpath(dirname(path)).catch(() => dirname(path)), basename(path)));
  return { real, stats };
}

/** The same path once symlinks are resolved, or the same device and inode: a hard link has another path. */
function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  if (a.real === b.real) return true;
  return a.stats !== null && b.stats !== null && a.stats.ino !== 0 && a.stats.dev === b.stats.dev && a.stats.ino === b.stats.ino;
}

/** Why `path` cannot be written (an errno code), or null when it can. */
async function unwritable(path: string, stats: Stats | null): Promise<string | null> {
  if (stats?.isDirectory()) return 'EISDIR';
  const writable = stats === null ? access(dirname(path), constants.W_OK) : access(path, constants.W_OK);
  return writable.then(
    () => null,
    (failure: NodeJS.ErrnoException) => failure.code ?? String(failure),
  );
}
