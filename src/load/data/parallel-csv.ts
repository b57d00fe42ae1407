/**
 * A large CSV file read by worker threads, piece by piece, with every
 * result the same as one sequential read. Pieces start after a line break
 * near every `pieceBytes`; a worker reads its piece as if a record started
 * there, outside quotes and after a non-blank record. Results are taken in
 * file order, and a piece whose start the piece before it does not confirm
 * (the line break was inside a quoted value, or blank records lead into it)
 * is read again from where that piece really ended. Rows reach the engine
 * in file order, so it sees what a sequential read would give it.
 */
import { open } from 'node:fs/promises';
import { placeInFile, readPiece, scanPiece, type PieceContext, type PieceResult, type PieceStart, type PieceTask } from './csv-piece.js';
import type { CsvRecords, RecordsState, SecondTable } from './csv-records.js';
import type { ScanPoint } from './fast-csv.js';
import { fileContext, piecePool } from './piece-pool.js';
import type { PieceReply } from './piece-worker.js';
import { ReadAhead, type UpcomingFile } from './read-ahead.js';
import type { SourceRows } from './source-rows.js';

export interface SplitOptions {
  /** Worker threads besides the calling thread, which reads pieces too; 0 reads the file on the calling thread only. */
  readonly workers: number;
  /** The largest piece: a smaller file is cut in smaller pieces, so that every thread takes several. */
  readonly pieceBytes: number;
  /** Files with fewer bytes after their header are read on the calling thread... */
  readonly minBytes: number;
  /** ...unless the workers run already, started for an earlier file, and the file has this many bytes. */
  readonly minBytesWhileRunning: number;
}

/** Where a record after a line break starts when the pieces are read apart, past any header rows. */
const FRESH: RecordsState = { index: 0, afterBlank: false, inSecondTable: false };
/** Pieces read ahead of the one the engine takes: bounds the memory held by results waiting their turn. */
const AHEAD_PER_WORKER = 8;
/** Pieces of a file for each thread, at least: with several, the threads end the file close together. */
const PIECES_PER_THREAD = 4;
/** Near a file's end, a piece is at most the bytes left over this many times the threads... */
const TAIL_SHARE = 2;
/** ...but no smaller than this. */
const SMALLEST_PIECE = 1 << 20;
/** Bytes searched for a line break after each piece's nominal start. */
const BREAK_WINDOW = 1 << 16;

/**
 * The size of the pieces a file with `bytes` after its header is read in,
 * `running` when the workers run already; undefined when the calling thread reads it alone.
 */
export function pieceBytesFor(options: SplitOptions, bytes: number, running: boolean): number | undefined {
  const least = running ? options.minBytesWhileRunning : options.minBytes;
  if (options.workers < 1 || bytes < least) return undefined;
  return Math.min(options.pieceBytes, Math.ceil(bytes / (PIECES_PER_THREAD * (options.workers + 1))));
}

/** A file read in pieces: what every piece shares, where its first record after the header starts, and its split. */
export interface FileInPieces {
  readonly context: PieceContext;
  readonly first: ScanPoint & { readonly state: RecordsState; readonly size: number };
  /** With the pieceBytes of this file. */
  readonly options: SplitOptions;
}

/** Reads `file` piece by piece, its pieces handed out ahead by `upcoming` when it was reached before its turn. */
export async function readCsvInPieces(file: FileInPieces, rows: SourceRows, records: CsvRecords, onBytes?: (bytes: number) => void, upcoming?: UpcomingFile): Promise<void> {
  const ahead = (await upcoming?.adopt(file)) ?? (await readAheadOf(file, upcoming?.after));
  // Found now, while this thread has time between its pieces, the next file's pieces are ready when the window reaches them.
  upcoming?.after?.prepare();
  try {
    await takePieces(ahead, rows, records, onBytes);
  } finally {
    ahead.cancel();
  }
}

/** The file's pieces, handed to the pool as the calling thread's window reaches them; past its last piece, the window goes on into `following`. */
export async function readAheadOf(file: FileInPieces, following: UpcomingFile | undefined): Promise<ReadAhead> {
  const { context, first, options } = file;
  const fresh = { ...FRESH, index: Math.max(1, context.def.headerRows) };
  const offsets = await pieceOffsets(context.path, first.offset, first.size, options.pieceBytes, options.workers + 1);
  const tasks: PieceTask[] = offsets.map((offset, index) => ({
    index,
    start: { offset, state: index === 0 ? first.state : fresh },
    stopAt: offsets[index + 1] ?? Infinity,
  }));
  return new ReadAhead(file, tasks, piecePool(options.workers), fileContext(context), AHEAD_PER_WORKER * options.workers, following);
}

async function takePieces(ahead: ReadAhead, rows: SourceRows, records: CsvRecords, onBytes?: (bytes: number) => void): Promise<void> {
  const { context, first } = ahead.file;
  let at: ScanPoint & { readonly state: RecordsState } = first;
  let secondTable: SecondTable | undefined;
  for (const task of ahead.tasks) {
    if (ahead.claim(task.index)) {
      // No worker has started it: read it here, its rows straight to the engine.
      records.adopt(at.state, secondTable);
      const end = await scanPiece(context, at, task.stopAt, records);
      secondTable = records.secondTableSeen();
      onBytes?.(end.offset - at.offset);
      at = { ...at, ...end, state: records.state() };
      continue;
    }
    const exact = { ...task, start: { offset: at.offset, state: at.state } };
    let reply = await ahead.take(task.index);
    if (!sameStart(startOf(reply), exact.start)) reply = await ahead.again(exact);
    const result = await resultOf(reply, context, exact, at);
    if ('summary' in result.rows) rows.mergeSummary(result.rows.summary);
    else rows.replay(result.rows.batch);
    rows.absorb(result.stats, (diagnostic) => diagnostic.location === undefined ? diagnostic : { ...diagnostic, location: placeInFile(diagnostic.location, at.line) });
    secondTable = withSecondTable(secondTable, result, at.line);
    onBytes?.(result.end.offset - at.offset);
    at = { ...at, offset: result.end.offset, state: result.end.state, line: at.line + result.end.lines, loneCrs: at.loneCrs + result.end.loneCrs };
  }
  records.adopt(at.state, secondTable);
}

function startOf(reply: PieceReply): PieceStart {
  return 'result' in reply ? reply.result.task.start : reply.task.start;
}

function sameStart(a: PieceStart, b: PieceStart): boolean {
  return a.offset === b.offset && a.state.index === b.state.index && a.state.afterBlank === b.state.afterBlank && a.state.inSecondTable === b.state.inSecondTable;
}

/** A piece with a syntax error is read again here, from its place in the file, so the error names the right line. */
async function resultOf(reply: PieceReply, context: PieceContext, task: PieceTask, at: ScanPoint): Promise<PieceResult> {
  if ('result' in reply) return reply.result;
  if ('bug' in reply) throw new Error(`reading a piece of ${context.file} failed: ${reply.bug}`);
  return readPiece(context, task, at);
}

/** The second table of the file: found in this piece, or gone on with from an earlier one. */
function withSecondTable(found: SecondTable | undefined, result: PieceResult, firstLine: number): SecondTable | undefined {
  const piece = result.secondTable;
  if (!piece) return found;
  if (found) return { at: found.at, records: found.records + piece.records };
  return { at: placeInFile(piece.at, firstLine), records: piece.records };
}

/**
 * Where each piece starts: the first byte after the first line break at or after its nominal start; the first
 * piece starts at `from`. Pieces are `pieceBytes` long, but shrink near the end of the file, each a share of the
 * bytes left for every thread: the threads then end the file together, none waiting long for another's last piece.
 */
async function pieceOffsets(path: string, from: number, size: number, pieceBytes: number, threads: number): Promise<number[]> {
  const offsets = [from];
  const smallest = Math.min(pieceBytes, SMALLEST_PIECE);
  const lengthAt = (nominal: number) => Math.max(smallest, Math.min(pieceBytes, Math.ceil((size - nominal) / (TAIL_SHARE * threads))));
  const handle = await open(path, 'r');
  try {
    const window = Buffer.alloc(BREAK_WINDOW);
    for (let nominal = from + lengthAt(from); nominal < size; nominal += lengthAt(nominal)) {
      if (nominal <= (offsets.at(-1) as number)) continue;
      const { bytesRead } = await handle.read(window, 0, BREAK_WINDOW, nominal);
      const lineBreak = window.subarray(0, bytesRead).indexOf(10);
      if (lineBreak >= 0 && nominal + lineBreak + 1 < size) offsets.push(nominal + lineBreak + 1);
    }
  } finally {
    await handle.close();
  }
  return offsets;
}
