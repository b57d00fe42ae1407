/**
 * A worker thread reading pieces of CSV files (csv-piece.ts) for
 * parallel-csv.ts: a request in, a reply out, the row columns transferred.
 */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../../core/diagnostics.js';
import { readPiece, type PieceContext, type PieceResult, type PieceTask } from './csv-piece.js';

export interface PieceRequest {
  readonly contextId: number;
  readonly context: PieceContext;
  readonly task: PieceTask;
}

/** A syntax error is only reported as such: the main thread reads the piece again to place it in the whole file. */
export type PieceReply = { readonly result: PieceResult } | { readonly task: PieceTask; readonly syntaxError: true } | { readonly task: PieceTask; readonly bug: string };

/**
 * The files being read, by id: each context kept as first received, so that
 * what is compiled for its source is reused, also when the worker goes on
 * to the next file's pieces and comes back (read-ahead.ts).
 */
const contexts = new Map<number, PieceContext>();
/** Files read together: the current one and the next, with room to spare. */
const CONTEXTS_KEPT = 4;

function contextOf(id: number, received: PieceContext): PieceContext {
  const kept = contexts.get(id);
  if (kept) return kept;
  contexts.set(id, received);
  if (contexts.size > CONTEXTS_KEPT) contexts.delete(contexts.keys().next().value as number);
  return received;
}

/** The pieces sent are read one after another, in the order sent: the pool counts on it. */
let reading: Promise<void> = Promise.resolve();

parentPort?.on('message', ({ contextId, context, task }: PieceRequest) => {
  reading = reading.then(() => readAndReply(contextOf(contextId, context), task));
});

function readAndReply(context: PieceContext, task: PieceTask): Promise<void> {
  const port = parentPort;
  return readPiece(context, task).then(
    (result) => port?.postMessage({ result } satisfies PieceReply, result.batch.columns.map((column) => column.buffer as ArrayBuffer)),
    (cause: unknown) => {
      const reply: PieceReply = cause instanceof UserError ? { task, syntaxError: true } : { task, bug: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) };
      port?.postMessage(reply);
    },
  );
}
