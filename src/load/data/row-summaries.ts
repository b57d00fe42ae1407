/**
 * Rows summarized where a worker thread reads them, instead of carried to
 * the calling thread one by one: a worker gives its piece's rows to a
 * summarizer (an engine of the same plan, which the loader does not know)
 * and posts back what they left, which the calling thread merges.
 */
import type { Row } from '../../core/values.js';

/** How a worker builds the summarizer: plain data, posted with a file's pieces. */
export interface SummarizerSpec {
  /** A module exporting `summarizer(spec: unknown): Summarizer`, loaded by the worker. */
  readonly module: string;
  readonly spec: unknown;
}

export interface RowSummaries extends SummarizerSpec {
  /** Takes a piece's summary on the calling thread, in file order. */
  merge(summary: unknown): void;
}

export interface Summarizer {
  readonly onRow: (row: Row) => void;
  /** What the rows since the last take left, as plain data. */
  take(): unknown;
}

/** The summarizer a spec names, built by its module. */
export async function loadSummarizer({ module, spec }: SummarizerSpec): Promise<Summarizer> {
  const loaded = (await import(module)) as { summarizer: (spec: unknown) => Summarizer };
  return loaded.summarizer(spec);
}
