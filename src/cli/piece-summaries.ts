/**
 * The engine a worker thread gives the rows of the pieces it reads
 * (load/data/row-summaries.ts): planned from the same spec as the run's own,
 * so that the run's engine merges what the rows left there as if it had
 * taken them itself. Workers load this module: it keeps to the engine.
 */
import { createSlicedEngine, type SlicedEngine, type SliceRequest } from '../compute/slices.js';
import type { SourceSummary } from '../compute/engine.js';
import type { Framework } from '../core/framework.js';
import type { RowSummaries, Summarizer } from '../load/data/row-summaries.js';

/** What an engine is planned from: plain data, posted to the workers. */
export interface EngineSpec {
  readonly framework: Framework;
  readonly selected: readonly string[];
  readonly request: SliceRequest;
}

interface SummarizerSpec extends EngineSpec {
  readonly source: string;
}

const MODULE = new URL('./piece-summaries.js', import.meta.url).href;

export function engineOf(spec: EngineSpec): SlicedEngine {
  return createSlicedEngine(spec.framework, new Set(spec.selected), spec.request);
}

/** How workers summarize the rows of `source` for `engine`, planned from `spec`; undefined when its rows cannot be merged. */
export function rowSummaries(engine: SlicedEngine, spec: EngineSpec, source: string): RowSummaries | undefined {
  if (!engine.mergeable(source)) return undefined;
  return { module: MODULE, spec: { ...spec, source } satisfies SummarizerSpec, merge: (summary) => engine.mergeSummary(source, summary as SourceSummary) };
}

/** Called by a worker, once per file: the rows of its pieces go to an engine of its own. */
export function summarizer(spec: unknown): Summarizer {
  const { source, ...plan } = spec as SummarizerSpec;
  const engine = engineOf(plan);
  return { onRow: engine.rowSink(source), take: () => engine.takeSummary(source) };
}
