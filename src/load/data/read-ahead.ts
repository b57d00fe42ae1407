/**
 * The pieces of large CSV files handed to the worker pool ahead of the one
 * the calling thread takes (parallel-csv.ts): a window of a few pieces,
 * which bounds the memory held by results waiting their turn, whatever the
 * files' sizes. Past a file's last piece the window goes on into the files
 * read after it, so that the workers start on the next file while the
 * calling thread ends this one; each file's results are still taken in its
 * turn, so rows reach the engine in order.
 */
import type { PieceTask } from './csv-piece.js';
import type { FileInPieces } from './parallel-csv.js';
import type { FileContext, PiecePool } from './piece-pool.js';
import type { PieceReply } from './piece-worker.js';

/** One file's pieces, each forgotten once taken. */
export class ReadAhead {
  private readonly pending = new Map<number, Promise<PieceReply>>();
  private next = 0;

  constructor(
    readonly file: FileInPieces,
    readonly tasks: readonly PieceTask[],
    private readonly pool: PiecePool,
    private readonly context: FileContext,
    private readonly depth: number,
    private readonly following: UpcomingFile | undefined,
  ) {}

  /** Whether the caller is to read piece `index` itself, because no worker has started it; the pieces after it go to the pool. */
  claim(index: number): boolean {
    // A piece not handed out yet is the caller's at once: the first one, read while the workers start.
    const mine = this.next <= index;
    if (mine) this.next = index + 1;
    this.submitUpTo(index + this.depth);
    if (mine) return true;
    if (!this.pool.withdraw(this.context, index)) return false;
    this.pending.delete(index);
    return true;
  }

  take(index: number): Promise<PieceReply> {
    const reply = this.pending.get(index) as Promise<PieceReply>;
    this.pending.delete(index);
    return reply;
  }

  /** The piece read again from where the piece before it really ended. */
  again(task: PieceTask): Promise<PieceReply> {
    return this.pool.runFirst(this.context, task);
  }

  /** Hands the pool this file's pieces up to `last`; a `last` past its end reaches into the files after it. */
  submitUpTo(last: number): void {
    const first = this.next;
    this.next = Math.min(this.tasks.length, Math.max(first, last + 1));
    const replies = this.pool.run(this.context, this.tasks.slice(first, this.next));
    for (const [offset, reply] of replies.entries()) {
      // Maybe never taken, when an earlier piece fails the file.
      reply.catch(() => {});
      this.pending.set(first + offset, reply);
    }
    if (last >= this.tasks.length) this.following?.submit(last + 1 - this.tasks.length);
  }

  /** Takes back the pieces no worker has started: the file failed, or is read without them. */
  cancel(): void {
    this.pool.withdrawAll(this.context);
  }
}

/** A file read after the current one: its pieces are prepared when the window first reaches it, and wait for its turn. */
export class UpcomingFile {
  private prepared?: Promise<ReadAhead | undefined>;
  /** The prepared pieces; null when the file is not read in pieces. */
  private ready?: ReadAhead | null;
  private wanted = 0;

  constructor(
    private readonly findPieces: (following: UpcomingFile | undefined) => Promise<ReadAhead | undefined>,
    readonly after: UpcomingFile | undefined,
  ) {}

  /** Hands the pool the first `count` pieces of this file and of the files after it. */
  submit(count: number): void {
    this.wanted = Math.max(this.wanted, count);
    if (this.ready === null) this.after?.submit(count);
    else if (this.ready) this.ready.submitUpTo(count - 1);
    else this.prepare();
  }

  /** Reads the file's header and finds its pieces, if not begun yet. */
  prepare(): void {
    this.prepared ??= this.start();
  }

  /** This file's pieces handed out ahead, if the file starts as it did then; else they are dropped, and it is read afresh. */
  async adopt(file: FileInPieces): Promise<ReadAhead | undefined> {
    const ahead = await this.prepared;
    if (ahead && sameStart(ahead.file, file)) return ahead;
    ahead?.cancel();
    return undefined;
  }

  /** Drops the pieces no worker has started: the run stopped before this file's turn. */
  async cancel(): Promise<void> {
    (await this.prepared)?.cancel();
  }

  private async start(): Promise<ReadAhead | undefined> {
    // A file that fails here fails again in its turn, which reports it where it belongs.
    const ahead = await this.findPieces(this.after).catch(() => undefined);
    this.ready = ahead ?? null;
    this.submit(this.wanted);
    return ahead;
  }
}

/** Whether two reads of a file's header agree (it did not change in between): the pieces prepared for one serve the other. */
function sameStart(a: FileInPieces, b: FileInPieces): boolean {
  const rest = ({ context: { def, ...context }, ...file }: FileInPieces) => JSON.stringify({ context, ...file });
  return a.context.def === b.context.def && rest(a) === rest(b);
}
