/**
 * The worker threads that read pieces of large CSV files, shared by every
 * file of a run so that they start once. An idle worker takes the piece
 * furthest ahead (the thread taking rows in order reads the nearest ones
 * itself, see parallel-csv.ts), but a piece read again comes first, since
 * the rows after it wait for it. A busy worker is sent its next piece
 * too, when enough are left for the calling thread. An idle worker is
 * unreferenced: it never keeps the process alive.
 */
import { Worker } from 'node:worker_threads';
import type { PieceContext, PieceTask } from './csv-piece.js';
import type { PieceReply, PieceRequest } from './piece-worker.js';

const WORKER = new URL('./piece-worker.js', import.meta.url);
/**
 * Left to itself, V8 grows a busy thread's young generation the longer it
 * runs, so the peak memory of a worker would follow the file's size; fixed,
 * it stays flat (a piece's strings fit easily).
 */
const YOUNG_GENERATION_MB = 8;
/** Pieces left in line for the caller when a busy worker is sent its next one. */
const SPARE_PIECES = 2;

interface Pending {
  readonly request: PieceRequest;
  readonly resolve: (reply: PieceReply) => void;
  readonly reject: (cause: Error) => void;
}

let shared: PiecePool | undefined;
let contexts = 0;

/** The run's pool, with at least `size` workers. */
export function piecePool(size: number): PiecePool {
  if (!shared || shared.size < size) shared = new PiecePool(size);
  return shared;
}

/** Whether the run's pool has `size` workers already: reading a file in pieces then costs no start. */
export function poolRunning(size: number): boolean {
  return shared !== undefined && shared.size >= size;
}

export interface FileContext {
  readonly id: number;
  readonly context: PieceContext;
}

/** A file's context, named once so that workers reuse what they compiled for it. */
export function fileContext(context: PieceContext): FileContext {
  return { id: ++contexts, context };
}

export class PiecePool {
  private readonly workers: Worker[];
  private readonly line: Pending[] = [];
  private readonly urgent: Pending[] = [];
  /** The pieces sent to each worker, in the order it reads them. */
  private readonly sent = new Map<Worker, Pending[]>();

  constructor(readonly size: number) {
    this.workers = Array.from({ length: size }, () => this.start());
  }

  /** Queues `tasks` before handing any out, so that an idle worker takes the last of them, not the first, which the caller reads next. */
  run(file: FileContext, tasks: readonly PieceTask[]): Promise<PieceReply>[] {
    const replies = tasks.map((task) => this.queue(this.line, file, task));
    this.dispatch();
    return replies;
  }

  /** A piece read again: first in line, as every later piece waits for it. */
  runFirst(file: FileContext, task: PieceTask): Promise<PieceReply> {
    const reply = this.queue(this.urgent, file, task);
    this.dispatch();
    return reply;
  }

  /** Takes back piece `index` of `file` if no worker has it: true when the caller is to read it. */
  withdraw(file: FileContext, index: number): boolean {
    const at = this.line.findIndex(({ request }) => request.contextId === file.id && request.task.index === index);
    if (at >= 0) this.line.splice(at, 1);
    return at >= 0;
  }

  /** Takes back every piece of `file` that no worker has. */
  withdrawAll(file: FileContext): void {
    for (const line of [this.urgent, this.line]) {
      const kept = line.filter(({ request }) => request.contextId !== file.id);
      line.splice(0, line.length, ...kept);
    }
  }

  private queue(line: Pending[], file: FileContext, task: PieceTask): Promise<PieceReply> {
    return new Promise((resolve, reject) => line.push({ request: { contextId: file.id, context: file.context, task }, resolve, reject }));
  }

  private start(): Worker {
    const worker = new Worker(WORKER, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    this.sent.set(worker, []);
    worker.on('message', (reply: PieceReply) => this.settle(worker, 1, (pending) => pending.resolve(reply)));
    // A worker that fails fails every piece sent to it.
    worker.on('error', (cause) => this.settle(worker, Infinity, (pending) => pending.reject(cause)));
    // After the listeners: adding a 'message' listener refs the worker again, and a pool started
    // early (early-workers.ts) for a file the run never reads would keep the process alive.
    worker.unref();
    return worker;
  }

  /** The first `count` pieces sent to `worker` are done. */
  private settle(worker: Worker, count: number, done: (pending: Pending) => void): void {
    const sent = this.sent.get(worker) as Pending[];
    const settled = sent.splice(0, count);
    if (sent.length === 0) worker.unref();
    settled.forEach(done);
    this.dispatch();
  }

  private dispatch(): void {
    for (const worker of this.workers) {
      if (this.sent.get(worker)?.length === 0) this.send(worker, this.urgent.shift() ?? this.line.pop());
    }
    // A busy worker is sent its next piece too, to start as soon as it is done, without waiting for this thread to hand it
    // out between two chunks of its own; but only when the caller has nearer pieces to read meanwhile: it cannot take it back.
    for (const worker of this.workers) {
      if (this.sent.get(worker)?.length === 1 && this.line.length > SPARE_PIECES) this.send(worker, this.line.pop());
    }
  }

  private send(worker: Worker, pending: Pending | undefined): void {
    if (!pending) return;
    this.sent.get(worker)?.push(pending);
    worker.ref();
    worker.postMessage(pending.request);
  }
}
