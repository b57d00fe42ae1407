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

/** The file being read: its context kept as first received, so what is compiled for its source is reused. */
let current: { readonly id: number; readonly context: PieceContext } | undefined;

parentPort?.on('message', ({ contextId, context, task }: PieceRequest) => {
  const port = parentPort;
  if (current?.id !== contextId) current = { id: contextId, context };
  readPiece(current.context, task).then(
    (result) => port?.postMessage({ result } satisfies PieceReply, result.batch.columns.map((column) => column.buffer as ArrayBuffer)),
    (cause: unknown) => {
      const reply: PieceReply = cause instanceof UserError ? { task, syntaxError: true } : { task, bug: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) };
      port?.postMessage(reply);
    },
  );
});
