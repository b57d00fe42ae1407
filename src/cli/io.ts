/** The process's streams and environment, passed in so commands stay testable in-process. */
import { writeOutputFile, type OutputTarget } from './output-files.js';

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

/** The requested output goes to --output FILE (checked before the run read any data, see output-files.ts) when given, else to stdout. */
export async function writeOutput(io: Io, text: string, output: OutputTarget | undefined): Promise<void> {
  if (output === undefined) io.stdout.write(text);
  else await writeOutputFile(io.cwd, text, output);
}
