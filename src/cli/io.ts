/** The process's streams and environment, passed in so commands stay testable in-process. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { error, UserError } from '../core/diagnostics.js';

export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Standard input: only `init` reads it, to ask which template on a terminal. */
export interface InputStream extends NodeJS.ReadableStream {
  readonly isTTY?: boolean;
}

export interface Io {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Absent when the caller has no input to give (tests, library use): init then never asks. */
  readonly stdin?: InputStream;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Colour only on a terminal, never with NO_COLOR set or --no-color. */
export function wantsColor(stream: OutputStream, io: Io, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}

/**
 * The requested output goes to --output FILE when given, else to stdout.
 * It never replaces one of the run's inputs (the framework, a data file):
 * a slip such as --output data/orders.csv would destroy the export.
 */
export async function writeOutput(io: Io, text: string, outputFile: string | undefined, inputs: readonly string[]): Promise<void> {
  if (outputFile === undefined) io.stdout.write(text);
  else await writeOutputFile(io, text, { option: '--output', file: outputFile }, inputs);
}

/** Writes `text` to the file an option names (--output, --save-baseline), never over one of the run's inputs. */
export async function writeOutputFile(io: Io, text: string, target: { readonly option: string; readonly file: string }, inputs: readonly string[]): Promise<void> {
  const path = resolve(io.cwd, target.file);
  if (inputs.some((input) => resolve(io.cwd, input) === path)) {
    throw new UserError(error('usage/output', `${target.option} '${target.file}' is one of this run's inputs: write the output to another file`));
  }
  try {
    await writeFile(path, text, 'utf8');
  } catch (failure) {
    const reason = (failure as NodeJS.ErrnoException).code ?? String(failure);
    throw new UserError(
      error('usage/output', `cannot write ${target.option} '${target.file}' (${reason}): give a file path in a folder that exists and that you can write to`),
    );
  }
}
