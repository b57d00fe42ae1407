/**
 * One piece of a large CSV file, read apart from the rest (by a worker
 * thread, see parallel-csv.ts): its records from a byte offset up to the
 * first record that starts at or after the next piece's offset, typed and
 * checked as usual, with lines counted from 1 at the piece's start.
 */
import type { SourceLocation } from '../../core/diagnostics.js';
import type { FileSourceDef } from '../../core/framework.js';
import type { Period, TimeRanges } from '../../core/period.js';
import type { SourceStats } from '../../core/report.js';
import { CSV_CHUNK_BYTES, readBytes } from './byte-stream.js';
import { ByteReader } from './csv-head.js';
import { CsvRecords, type RecordsState, type SecondTable } from './csv-records.js';
import { scanRecords, type ScanPoint } from './fast-csv.js';
import { columnKinds, RowBatchWriter, type RowBatch } from './row-batch.js';
import type { Summarizer, SummarizerSpec } from './row-summaries.js';
import { SourceRows } from './source-rows.js';

/** What every piece of one file shares. Plain data: it is sent to each worker once. */
export interface PieceContext {
  readonly path: string;
  /** The file as messages name it. */
  readonly file: string;
  readonly def: FileSourceDef;
  readonly delimiter: string;
  readonly headers: readonly string[];
  readonly timezone: string;
  readonly period: Period | null;
  /** Rows around the period that are read too (RowTarget.range). */
  readonly range?: TimeRanges | null;
  readonly maxReported?: number;
  /** The columns the rows are read for (RowTarget.columns); absent: all. */
  readonly columns?: readonly string[];
  /** How a worker summarizes the rows (RowTarget.summaries); absent: the rows are carried back. */
  readonly summaries?: SummarizerSpec;
}

/** Where a piece starts: a record's first byte and the state of the records before it. */
export interface PieceStart {
  readonly offset: number;
  readonly state: RecordsState;
}

export interface PieceTask {
  readonly index: number;
  readonly start: PieceStart;
  /** The next piece's offset: records starting there or later are left to it. */
  readonly stopAt: number;
}

export interface PieceResult {
  readonly task: PieceTask;
  /** Where the next piece must start for it to be read as the whole file would be; `lines` and `loneCrs` read in this piece. */
  readonly end: PieceStart & { readonly lines: number; readonly loneCrs: number };
  /** Counts and the first rejections, lines counted from the piece's start. */
  readonly stats: SourceStats;
  readonly secondTable: SecondTable | null;
  /** The rows themselves, or what they left in a summarizer. */
  readonly rows: { readonly batch: RowBatch } | { readonly summary: unknown };
}

/**
 * `from` places the piece in the file (its first line and the lone CRs before it); the default counts from the piece.
 * The rows go to `summarizer` when given, else they are carried in the result.
 * A CSV syntax error throws, with its line counted from `from`.
 */
export async function readPiece(context: PieceContext, task: PieceTask, from: Omit<ScanPoint, 'offset'> = { line: 1, loneCrs: 0 }, summarizer?: Summarizer): Promise<PieceResult> {
  const { def, file, delimiter } = context;
  const columns = context.columns && new Set(context.columns);
  const writer = summarizer ? undefined : new RowBatchWriter(columnKinds(def, columns));
  const onRow = summarizer?.onRow ?? (writer as RowBatchWriter).add;
  const { timezone, period, range, maxReported } = context;
  const rows = new SourceRows(def, { timezone, period, range, onRow, maxReported, columns });
  const records = new CsvRecords(file, def, delimiter, rows);
  records.resume(context.headers, task.start.state);
  const end = await scanPiece(context, { offset: task.start.offset, ...from }, task.stopAt, records);
  return {
    task,
    end: { offset: end.offset, state: records.state(), lines: end.line - from.line, loneCrs: end.loneCrs - from.loneCrs },
    stats: rows.stats([file]),
    secondTable: records.secondTableSeen() ?? null,
    rows: writer ? { batch: writer.take() } : { summary: (summarizer as Summarizer).take() },
  };
}

/** Hands `records` the file's records from `start` up to the first one that starts at or after `stopAt`; where the next one starts. */
export async function scanPiece(context: Pick<PieceContext, 'path' | 'file' | 'delimiter'>, start: ScanPoint, stopAt: number, records: CsvRecords): Promise<ScanPoint> {
  const reader = new ByteReader(readBytes(context.path, false, CSV_CHUNK_BYTES, undefined, start.offset));
  try {
    return await scanRecords(reader, start, context.delimiter, records, context.file, stopAt, start.offset);
  } finally {
    await reader.iterator.return?.();
  }
}

/** A location in a piece placed in the whole file, whose line `firstLine` is the piece's line 1. */
export function placeInFile(location: SourceLocation, firstLine: number): SourceLocation {
  return location.line === undefined ? location : { ...location, line: location.line + firstLine - 1 };
}
