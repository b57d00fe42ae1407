/**
 * A worker thread reading pieces of CSV files (csv-piece.ts) for
 * parallel-csv.ts: a request in, a reply out, the row columns transferred.
 */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../../core/diagnostics.js';
import { readPiece, type PieceContext, type PieceResult, type PieceTask } from './csv-piece.js';
import { loadSummarizer, type Summarizer } from './row-summaries.js';

export interface PieceRequest {
  readonly contextId: number;
  readonly context: PieceContext;
  readonly task: PieceTask;
}

/** A syntax error is only reported as such: the main thread reads the piece again to place it in the whole file. */
export type PieceReply = { readonly result: PieceResult } | { readonly task: PieceTask; readonly syntaxError: true } | { readonly task: PieceTask; readonly bug: string };

/** A file being read: its context as first received, and the summarizer of its rows when it has one. */
interface KeptFile {
  readonly context: PieceContext;
  readonly summarizer?: Promise<Summarizer>;
}

/**
 * The files being read, by id: each kept as first received, so that what is
 * compiled for its source is reused, also when the worker goes on to the
 * next file's pieces and comes back (read-ahead.ts).
 */
const files = new Map<number, KeptFile>();
/** Files read together: the current one and the next, with room to spare. */
const FILES_KEPT = 4;

function fileOf(id: number, context: PieceContext): KeptFile {
  const kept = files.get(id);
  if (kept) return kept;
  const file = { context, ...(context.summaries && { summarizer: loadSummarizer(context.summaries) }) };
  files.set(id, file);
  if (files.size > FILES_KEPT) files.delete(files.keys().next().value as number);
  return file;
}

/** The pieces sent are read one after another, in the order sent: the pool counts on it. */
let reading: Promise<void> = Promise.resolve();

parentPort?.on('message', ({ contextId, context, task }: PieceRequest) => {
  reading = reading.then(() => readAndReply(fileOf(contextId, context), task));
});

async function readAndReply({ context, summarizer: loading }: KeptFile, task: PieceTask): Promise<void> {
  const port = parentPort;
  let summarizer: Summarizer | undefined;
  try {
    summarizer = await loading;
    const result = await readPiece(context, task, undefined, summarizer);
    const moved = 'batch' in result.rows ? result.rows.batch.columns.map((column) => column.buffer as ArrayBuffer) : [];
    port?.postMessage({ result } satisfies PieceReply, moved);
  } catch (cause) {
    // What the rows before the failure left must not count towards the next piece.
    summarizer?.take();
    const reply: PieceReply = cause instanceof UserError ? { task, syntaxError: true } : { task, bug: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) };
    port?.postMessage(reply);
  }
}
