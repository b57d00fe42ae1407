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
import type { SourceLocation } from '../../core/diagnostics.js';
import { placeInFile, readPiece, type PieceContext, type PieceResult, type PieceStart, type PieceTask } from './csv-piece.js';
import type { CsvRecords, RecordsState } from './csv-records.js';
import type { ScanPoint } from './fast-csv.js';
import { fileContext, piecePool } from './piece-pool.js';
import type { PieceReply } from './piece-worker.js';
import type { SourceRows } from './source-rows.js';

export interface SplitOptions {
  /** Worker threads; below 2 a file is read on the calling thread. */
  readonly workers: number;
  readonly pieceBytes: number;
  /** Files with fewer bytes after their header are read on the calling thread. */
  readonly minBytes: number;
}

/** Where a record after a line break starts when the pieces are read apart, past any header rows. */
const FRESH: RecordsState = { index: 0, afterBlank: false, inSecondTable: false };
/** Pieces read ahead of the one the engine takes: bounds the memory held by results waiting their turn. */
const AHEAD_PER_WORKER = 3;
/** Bytes searched for a line break after each piece's nominal start. */
const BREAK_WINDOW = 1 << 16;

export async function readCsvInPieces(
  context: PieceContext,
  first: ScanPoint & { readonly state: RecordsState; readonly size: number },
  options: SplitOptions,
  rows: SourceRows,
  records: CsvRecords,
  onBytes?: (bytes: number) => void,
): Promise<void> {
  const fresh = { ...FRESH, index: Math.max(1, context.def.headerRows) };
  const offsets = await pieceOffsets(context.path, first.offset, first.size, options.pieceBytes);
  const tasks: PieceTask[] = offsets.map((offset, index) => ({
    index,
    start: { offset, state: index === 0 ? first.state : fresh },
    stopAt: offsets[index + 1] ?? Infinity,
  }));
  const pool = piecePool(options.workers);
  const file = fileContext(context);
  const replies: Promise<PieceReply>[] = [];
  let at = first;
  let secondTable: { at: SourceLocation; records: number } | undefined;
  for (const task of tasks) {
    while (replies.length < tasks.length && replies.length <= task.index + AHEAD_PER_WORKER * options.workers) {
      const reply = pool.run(file, tasks[replies.length] as PieceTask);
      // Read ahead, and maybe never awaited when an earlier piece fails the file.
      reply.catch(() => {});
      replies.push(reply);
    }
    const exact = { ...task, start: { offset: at.offset, state: at.state } };
    let reply = await (replies[task.index] as Promise<PieceReply>);
    if (!sameStart(startOf(reply), exact.start)) reply = await pool.run(file, exact, true);
    const result = await resultOf(reply, context, exact, at);
    rows.replay(result.batch);
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
function withSecondTable(
  found: { at: SourceLocation; records: number } | undefined,
  result: PieceResult,
  firstLine: number,
): { at: SourceLocation; records: number } | undefined {
  const piece = result.secondTable;
  if (!piece) return found;
  if (found) return { at: found.at, records: found.records + piece.records };
  return { at: placeInFile(piece.at, firstLine), records: piece.records };
}

/** The first byte after the first line break at or after each multiple of `pieceBytes` from `from`; the first piece starts at `from`. */
async function pieceOffsets(path: string, from: number, size: number, pieceBytes: number): Promise<number[]> {
  const offsets = [from];
  const handle = await open(path, 'r');
  try {
    const window = Buffer.alloc(BREAK_WINDOW);
    for (let nominal = from + pieceBytes; nominal < size; nominal += pieceBytes) {
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
