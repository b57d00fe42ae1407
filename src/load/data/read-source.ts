/**
 * One file source, every file of it, streamed once into typed rows.
 * File-level problems throw UserError; row-level problems only cost the
 * row and are counted (and the first few described) in the returned stats.
 */
import { stat } from 'node:fs/promises';
import { error, UserError } from '../../core/diagnostics.js';
import type { FileSourceDef } from '../../core/framework.js';
import type { Period, TimeRanges } from '../../core/period.js';
import type { SourceStats } from '../../core/report.js';
import type { Row } from '../../core/values.js';
import { CSV_CHUNK_BYTES, readBytes } from './byte-stream.js';
import { availableParallelism } from 'node:os';
import { readCsv, type SplitFile } from './csv-reader.js';
import type { SplitOptions } from './parallel-csv.js';
import { findFiles, readableInPieces, type DataFile } from './files.js';
import { notTextMessage, NotTextError } from './not-text.js';
import { readJsonArray } from './json-array.js';
import { jsonRecordSink } from './json-fields.js';
import { readJsonLines } from './jsonl-reader.js';
import type { UpcomingFile } from './read-ahead.js';
import type { RowSummaries } from './row-summaries.js';
import { SourceRows } from './source-rows.js';
import { readText } from './text-stream.js';

export interface ReadOptions {
  /** Folder the framework's relative `file` paths start from. */
  readonly baseDir: string;
  /** From `--source NAME=PATH`: replaces def.file; relative to the working directory. */
  readonly overridePath?: string;
  /** The source's files when the caller has found them already (findFiles with the same baseDir and overridePath). */
  readonly files?: readonly DataFile[];
  /** The framework's timezone, for timestamps without an offset (a column's own `timezone` wins). */
  readonly timezone: string;
  /** Rows whose `time` column lies outside [start, end) are counted and skipped; null keeps every row (validate). */
  readonly period: Period | null;
  /** Rows outside the period but inside this range are passed on too, and counted as used outside it (the engine's rangeOf). */
  readonly range?: TimeRanges | null;
  /** Receives each valid row inside the period (or the range); the array is reused, so it is only valid during the call. */
  readonly onRow: (row: Row) => void;
  /** How many rejected rows to describe per source (the rest are only counted). Default 5. */
  readonly maxReported?: number;
  /** The columns onRow reads (the engine's columnsRead()); the others are checked, then passed as null. Default: all. */
  readonly columns?: ReadonlySet<string>;
  /** When present, workers summarize the rows of the pieces they read (see row-summaries.ts) instead of passing them on. */
  readonly summaries?: RowSummaries;
  /** How large CSV files are split among threads; default: defaultSplit(). */
  readonly split?: SplitOptions;
  /** Told as each chunk of a file arrives (64 KiB to 1 MiB, never per row): for a progress display. */
  readonly onProgress?: (progress: ReadProgress) => void;
}

export interface ReadProgress {
  /** The file being read, as messages show it. */
  readonly file: string;
  readonly bytesRead: number;
  /** The file's size; null for a .gz, whose bytesRead counts uncompressed bytes. */
  readonly totalBytes: number | null;
  /** Records of this source read so far (before this chunk), from its earlier files too. */
  readonly rows: number;
}

/** `upcoming`: the files of the run (read-sources.ts), which workers may read ahead. */
export async function readSource(def: FileSourceDef, options: ReadOptions, upcoming?: ReadonlyMap<DataFile, UpcomingFile>): Promise<SourceStats> {
  const rows = new SourceRows(def, options);
  const files = options.files ?? (await findFiles(def, options.baseDir, options.overridePath));
  for (const file of files) {
    try {
      const onChunk = options.onProgress && (await progressCounter(file, rows, options.onProgress));
      await readFile(file, def, rows, await splitFile(file, options, onChunk, upcoming?.get(file)), onChunk);
    } catch (cause) {
      throw asUserError(cause, file);
    }
  }
  return rows.stats(files.map((file) => file.shown));
}

type ChunkListener = (bytes: number) => void;

async function readFile(file: DataFile, def: FileSourceDef, rows: SourceRows, split: SplitFile | undefined, onChunk?: ChunkListener): Promise<void> {
  if (file.format === 'csv' || file.format === 'tsv') {
    return readCsv(readBytes(file.path, file.gzip, CSV_CHUNK_BYTES, onChunk), file.shown, def, file.format === 'tsv', rows, undefined, split);
  }
  const chunks = readText(file.path, file.gzip, onChunk);
  const sink = jsonRecordSink(def, file.shown, rows);
  if (file.format === 'json') return readJsonArray(chunks, file.shown, sink);
  return readJsonLines(chunks, sink);
}

/**
 * Files of 32 MiB or more are read in pieces (below, starting a worker
 * costs more than it saves), and once the workers run, files of 1 MiB or
 * more (below, a worker compiles the source's checks for about as long as
 * the file takes to read; with the meta-schema precompiled that is a few
 * milliseconds); pieces of 8 MiB at most, four for each thread in
 * a smaller file. They are read by `threads` threads: the calling thread and
 * `threads - 1` workers. By default one thread per core, four at most: the
 * engine's one thread bounds the speed-up beyond.
 */
export function defaultSplit(threads = Math.min(4, availableParallelism())): SplitOptions {
  return { workers: threads - 1, pieceBytes: 8 << 20, minBytes: 32 << 20, minBytesWhileRunning: 1 << 20 };
}

/** How workers may read `file` in pieces, when they may. */
export async function splitFile(file: DataFile, options: ReadOptions, onBytes?: ChunkListener, upcoming?: UpcomingFile): Promise<SplitFile | undefined> {
  if (!readableInPieces(file)) return undefined;
  const size = await stat(file.path).then((found) => found.size, () => null);
  if (size === null) return undefined;
  const context = {
    path: file.path,
    timezone: options.timezone,
    period: options.period,
    range: options.range ?? null,
    maxReported: options.maxReported,
    ...(options.columns && { columns: [...options.columns] }),
    ...(options.summaries && { summaries: { module: options.summaries.module, spec: options.summaries.spec } }),
  };
  return { context, size, options: options.split ?? defaultSplit(), ...(onBytes && { onBytes }), ...(upcoming && { upcoming }) };
}

async function progressCounter(file: DataFile, rows: SourceRows, onProgress: (progress: ReadProgress) => void): Promise<ChunkListener> {
  // An unreadable file fails its read just after, with a proper diagnostic.
  const totalBytes = file.gzip ? null : await stat(file.path).then((found) => found.size, () => null);
  let bytesRead = 0;
  return (bytes) => {
    bytesRead += bytes;
    onProgress({ file: file.shown, bytesRead, totalBytes, rows: rows.rowsRead });
  };
}

/** Stream failures (unreadable file, corrupt gzip) as diagnostics; anything else is a bug and stays as it is. */
function asUserError(cause: unknown, file: DataFile): unknown {
  if (cause instanceof UserError || !(cause instanceof Error)) return cause;
  const at = { file: file.shown };
  if (cause instanceof NotTextError) {
    return new UserError(error('data/not-text', notTextMessage(file.shown, cause.looksLike), { ...at, line: 1, column: 1 }));
  }
  const code = (cause as NodeJS.ErrnoException).code ?? '';
  if (code.startsWith('Z_') || cause.message.includes('unexpected end of file')) {
    return new UserError(
      error(
        'data/gzip',
        `${file.shown} cannot be decompressed (${cause.message}): it is not a complete gzip file. ` +
          'Download or export it again, or remove .gz from its name if it is not compressed.',
        at,
      ),
    );
  }
  if (/^E[A-Z]+$/.test(code)) {
    const message = `${file.shown} cannot be read (${cause.message}). Check that it exists and that you may read it.`;
    return new UserError(error('data/unreadable', message, at));
  }
  return cause;
}
