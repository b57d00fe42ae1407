/**
 * A progress line on stderr for reads that take more than a second, on a
 * terminal only: `reading FILE  142.3 MB of 287.1 MB  612,000 rows/s`.
 * ProgressLine decides what to draw from an injected clock, so its timing
 * is tested without waiting; withProgress writes what it draws.
 */
import { formatValue } from '../core/format.js';
import type { ReadProgress } from '../load/data/index.js';
import type { OutputStream } from './io.js';

/** Reads quicker than this show nothing. */
export const SHOW_AFTER_MS = 1000;
/** At most ten redraws a second. */
export const REDRAW_EVERY_MS = 100;
const CLEAR_TO_END = '\u001b[K';

/** Milliseconds from any fixed origin. */
export type Clock = () => number;

export type ProgressListener = (progress: ReadProgress) => void;

export class ProgressLine {
  private readonly startedAt: number;
  private drawnAt: number | null = null;
  /** Where the current file's read began, for its rows per second. */
  private file = { name: '', bytes: 0, rows: 0, at: 0 };

  /** `width`: the terminal's columns, when known; a longer line would wrap, and `\r` would not rewrite it. */
  constructor(
    private readonly now: Clock,
    private readonly width?: number,
  ) {
    this.startedAt = now();
  }

  /** What redraws the line; null while the read is younger than a second or the line was just drawn. */
  update(progress: ReadProgress): string | null {
    const now = this.now();
    // Bytes fall back when another read of the same file begins (two sources may read one file).
    if (progress.file !== this.file.name || progress.bytesRead <= this.file.bytes) {
      this.file = { name: progress.file, bytes: 0, rows: progress.rows, at: now };
    }
    this.file.bytes = progress.bytesRead;
    if (now - this.startedAt < SHOW_AFTER_MS) return null;
    if (this.drawnAt !== null && now - this.drawnAt < REDRAW_EVERY_MS) return null;
    this.drawnAt = now;
    const seconds = (now - this.file.at) / 1000;
    const rowsPerSecond = seconds > 0 ? (progress.rows - this.file.rows) / seconds : null;
    return `\r${this.fitted(progress, rowsPerSecond)}${CLEAR_TO_END}`;
  }

  /** The line, its file name cut from the left (then the line itself) to fit the terminal. */
  private fitted(progress: ReadProgress, rowsPerSecond: number | null): string {
    const line = describeProgress(progress, rowsPerSecond);
    if (this.width === undefined) return line;
    const over = line.length - (this.width - 1);
    if (over <= 0) return line;
    const file = `…${progress.file.slice(Math.min(over + 1, progress.file.length))}`;
    return describeProgress({ ...progress, file }, rowsPerSecond).slice(0, this.width - 1);
  }

  /** What clears the line once the read has ended: nothing when it was never drawn. */
  clear(): string {
    return this.drawnAt === null ? '' : `\r${CLEAR_TO_END}`;
  }
}

export function describeProgress(progress: ReadProgress, rowsPerSecond: number | null): string {
  const size = progress.totalBytes === null ? 'read' : `of ${megabytes(progress.totalBytes)}`;
  // Three significant digits: the rate is an estimate, and a steadier number is easier to read.
  const rate = rowsPerSecond === null ? '' : `  ${formatValue(Math.round(Number(rowsPerSecond.toPrecision(3))), 'count')} rows/s`;
  return `reading ${progress.file}  ${megabytes(progress.bytesRead)} ${size}${rate}`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * Runs `read` with a progress line on stderr when stderr is a terminal (it
 * never touches stdout), and clears the line when the read ends, however it
 * ends, so that what is printed next starts on a clean line.
 */
export async function withProgress<T>(
  stderr: OutputStream,
  read: (onProgress: ProgressListener | undefined) => Promise<T>,
  now: Clock = () => performance.now(),
): Promise<T> {
  if (stderr.isTTY !== true) return read(undefined);
  const line = new ProgressLine(now, terminalWidth(stderr));
  try {
    return await read((progress) => {
      const text = line.update(progress);
      if (text !== null) stderr.write(text);
    });
  } finally {
    const text = line.clear();
    if (text !== '') stderr.write(text);
  }
}

function terminalWidth(stream: OutputStream): number | undefined {
  const columns = (stream as { readonly columns?: unknown }).columns;
  return typeof columns === 'number' && columns > 0 ? columns : undefined;
}
