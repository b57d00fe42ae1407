/**
 * The KPI engine: plan once, take each file source's rows in one pass, then
 * evaluate every formula. Pure: the caller does all reading.
 */
import type { Framework } from '../core/framework.js';
import type { ComputedKpi } from '../core/report.js';
import type { Row } from '../core/values.js';
import type { AggregateCall } from '../formula/ast.js';
import { aggregateOutcomes, computeKpiValues } from './kpi-values.js';
import type { Outcome } from './outcome.js';
import type { FeedSummary } from './source-feed.js';
import { planKpis } from './plan.js';
import type { ReportWindows, SourceRange } from './windows.js';

export interface Engine {
  /**
   * File sources (names) that the selected KPIs read, directly or through views; the caller streams exactly these,
   * one after another in this order (framework order, but a conversion's first step before its second).
   */
  readonly sources: readonly string[];
  /**
   * Called by the loader for every valid row of a file source that lies inside the period, or inside
   * rangeOf(source) when that is not null. Accumulators keep values, never the row: the loader may reuse
   * one array for every row.
   */
  rowSink(source: string): (row: Row) => void;
  /** The rows of a file source the KPIs need beyond the period (the previous period, days after it), and why; null: the period's only. */
  rangeOf(source: string): SourceRange | null;
  /** The columns of a file source that the selected KPIs read; the loader may leave the others null (still checking them). */
  columnsRead(source: string): ReadonlySet<string>;
  /** Values for every selected KPI and the KPIs they reference. */
  finish(): ReadonlyMap<string, ComputedKpi>;
  /** After the rows: the outcome of one aggregate node of a computed KPI's formula, as finish() used it. */
  outcomeOfAggregate(call: AggregateCall): Outcome;
  /**
   * Whether rows of a source can be given to another engine of the same plan, apart (a worker
   * thread reading a piece of the file), and what they left there merged into this one.
   */
  mergeable(source: string): boolean;
  /** What the rows of `source` given so far left, as plain data; its aggregates start afresh. */
  takeSummary(source: string): SourceSummary;
  /** Adds what takeSummary() gave on another engine of the same plan: as if those rows had been given here. */
  mergeSummary(source: string, summary: SourceSummary): void;
}

/** A source's summary: one feed's per window of the engine (one without slices). */
export type SourceSummary = readonly FeedSummary[];

/** All KPIs when `selectedKpiIds` is absent. `windows` is needed when a KPI reads rows around the period (churn, conversion, daily_avg). */
export function createEngine(framework: Framework, selectedKpiIds?: ReadonlySet<string>, windows?: ReportWindows): Engine {
  const plan = planKpis(framework, selectedKpiIds, windows);
  const outcomeOfAggregate = aggregateOutcomes(plan);
  const feedOf = (source: string) => {
    const feed = plan.feeds.get(source);
    if (!feed) throw new Error(`no selected KPI reads source '${source}'; stream only engine.sources`);
    return feed;
  };
  return {
    sources: [...plan.feeds.keys()],
    rowSink: (source) => feedOf(source).sink(),
    rangeOf: (source) => feedOf(source).range(),
    columnsRead: (source) => feedOf(source).columnsRead,
    finish: () => computeKpiValues(plan, outcomeOfAggregate),
    outcomeOfAggregate,
    mergeable: (source) => feedOf(source).mergeable,
    takeSummary: (source) => [feedOf(source).takeSummary()],
    mergeSummary: (source, [summary]) => feedOf(source).mergeSummary(summary as FeedSummary),
  };
}
