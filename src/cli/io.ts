/** The process's streams and environment, passed in so commands stay testable in-process. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { error, UserError } from '../core/diagnostics.js';

export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface Io {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Colour only on a terminal, never with NO_COLOR set or --no-color. */
export function wantsColor(stream: OutputStream, io: Io, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}

/** The requested output goes to --output FILE when given, else to stdout. */
export async function writeOutput(io: Io, text: string, outputFile: string | undefined): Promise<void> {
  if (outputFile === undefined) {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFile(resolve(io.cwd, outputFile), text, 'utf8');
  } catch (failure) {
    const reason = (failure as NodeJS.ErrnoException).code ?? String(failure);
    throw new UserError(
      error('usage/output', `cannot write --output '${outputFile}' (${reason}): give a file path in a folder that exists and that you can write to`),
    );
  }
}
