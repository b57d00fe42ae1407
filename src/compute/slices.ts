/**
 * The same KPIs over other windows and subsets of the rows, in the one pass:
 * a comparison period, trend buckets, and the values of segment columns.
 * Baseline periods (`baseline: { period: 2026-Q2 }`) are windows too, computing only the KPIs that name them.
 * Each window is an engine planned once, whose windowed functions (churn,
 * conversion) take that window as "the period"; a router per source gives
 * each row to every window it lies in and to its segments. Without any of
 * them the main engine takes the rows itself, as fast as ever.
 */
import type { Framework } from '../core/framework.js';
import type { TimeRange } from '../core/period.js';
import type { ComputedKpi } from '../core/report.js';
import type { Row } from '../core/values.js';
import { createEngine, type Engine } from './engine.js';
import type { FeedSummary } from './source-feed.js';
import { fileSourceOf, Segmenter, type SegmentBreakdown } from './segments.js';
import { timeRouter } from './time-router.js';
import type { ReportWindows, SourceRange } from './windows.js';

export interface SliceRequest {
  readonly windows: ReportWindows;
  readonly comparison?: ReportWindows;
  readonly buckets?: readonly ReportWindows[];
  /** Segment columns (--by), each a breakdown of its own. */
  readonly segments?: readonly string[];
  /** Each distinct baseline period and the KPIs whose baseline it is. */
  readonly baselines?: readonly BaselineWindow[];
}

export interface BaselineWindow {
  readonly windows: ReportWindows;
  readonly kpis: ReadonlySet<string>;
}

export interface SliceResults {
  readonly comparison: ReadonlyMap<string, ComputedKpi> | null;
  readonly buckets: readonly ReadonlyMap<string, ComputedKpi>[];
  readonly segments: readonly SegmentBreakdown[];
  /** By baseline period label: the values of the KPIs that name it. */
  readonly baselines: ReadonlyMap<string, ReadonlyMap<string, ComputedKpi>>;
}

export interface SlicedEngine extends Engine {
  /** After finish(): the values of every other window and segment. */
  slices(): SliceResults;
}

interface Window {
  readonly engine: Engine;
  readonly windows: ReportWindows;
  /** What the Data section says the window's rows are for. */
  readonly purpose: string;
}

export function createSlicedEngine(framework: Framework, selected: ReadonlySet<string>, request: SliceRequest): SlicedEngine {
  const main = createEngine(framework, selected, request.windows);
  const engineOf = (windows: ReportWindows) => createEngine(framework, selected, windows);
  const comparison = request.comparison && { engine: engineOf(request.comparison), windows: request.comparison, purpose: `the comparison period (${request.comparison.period.label})` };
  const buckets = (request.buckets ?? []).map((windows) => ({ engine: engineOf(windows), windows, purpose: "the trend's windows" }));
  const baselines = (request.baselines ?? []).map(({ windows, kpis }) => ({
    engine: createEngine(framework, kpis, windows),
    windows,
    purpose: `the baseline period (${windows.period.label})`,
  }));
  const windows: Window[] = [{ engine: main, windows: request.windows, purpose: '' }, ...(comparison ? [comparison] : []), ...buckets, ...baselines];
  const segmenters = (request.segments ?? []).map((column) => new Segmenter(framework, selected, request.windows, column));
  if (windows.length === 1 && segmenters.length === 0) return { ...main, slices: () => ({ comparison: null, buckets: [], segments: [], baselines: new Map() }) };

  const rangeOfWindow = (window: Window, source: string): TimeRange => window.engine.rangeOf(source) ?? window.windows.period;
  // A baseline window computes only some KPIs, which may not read every source the others do.
  const reading = (source: string) => windows.filter((window) => window.engine.sources.includes(source));
  const timeIndexOf = (source: string) => {
    const def = fileSourceOf(framework, source);
    return def.time === undefined ? -1 : def.columns.findIndex((column) => column.name === def.time);
  };
  return {
    ...main,
    rowSink: (source) => {
      const targets = reading(source).map((window) => ({ ...rangeOfWindow(window, source), sink: window.engine.rowSink(source) }));
      const segmentSinks = segmenters.flatMap((segmenter) => segmenter.sinkFor(source) ?? []);
      const timeIndex = timeIndexOf(source);
      // A source without a time is in every window.
      const toWindows = timeIndex < 0 ? (row: Row) => targets.forEach((target) => target.sink(row)) : timeRouter(targets);
      return (row) => {
        const time = timeIndex < 0 ? 0 : (row[timeIndex] as number);
        toWindows(row, time);
        for (let s = 0; s < segmentSinks.length; s++) (segmentSinks[s] as (row: Row, time: number) => void)(row, time);
      };
    },
    rangeOf: (source) => unionRange(request.windows.period, main.rangeOf(source), reading(source).slice(1).map((window) => ({ ...rangeOfWindow(window, source), purpose: window.purpose }))),
    columnsRead: (source) => {
      const time = fileSourceOf(framework, source).time;
      return new Set([...main.columnsRead(source), ...(time === undefined ? [] : [time]), ...segmenters.flatMap((segmenter) => segmenter.columnsOf(source))]);
    },
    // Segments are found as the rows come: only windows, each routing a row by its time alone, merge.
    mergeable: (source) => segmenters.length === 0 && reading(source).every((window) => window.engine.mergeable(source)),
    takeSummary: (source) => reading(source).flatMap((window) => window.engine.takeSummary(source)),
    mergeSummary: (source, summary) => reading(source).forEach((window, index) => window.engine.mergeSummary(source, [summary[index] as FeedSummary])),
    slices: () => ({
      comparison: comparison ? comparison.engine.finish() : null,
      buckets: buckets.map((bucket) => bucket.engine.finish()),
      segments: segmenters.map((segmenter) => segmenter.finish()),
      baselines: new Map(baselines.map((baseline) => [baseline.windows.period.label, baseline.engine.finish()])),
    }),
  };
}

/**
 * The rows the loader must pass on for the period's own windows and the others: one range with the gaps between
 * them as parts (the same quarter a year earlier does not bring the three quarters between).
 */
function unionRange(period: TimeRange, own: SourceRange | null, others: readonly SourceRange[]): SourceRange | null {
  const ranges = [own ?? period, ...others].sort((a, b) => a.start - b.start);
  const parts: TimeRange[] = [];
  for (const range of ranges) {
    const last = parts[parts.length - 1];
    if (last && range.start <= last.end) parts[parts.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else parts.push({ start: range.start, end: range.end });
  }
  const start = (parts[0] as TimeRange).start;
  const end = (parts[parts.length - 1] as TimeRange).end;
  if (start === period.start && end === period.end) return null;
  const outside = others.filter((range) => range.start < period.start || range.end > period.end).map((range) => range.purpose);
  const purpose = [...new Set([...(own ? [own.purpose] : []), ...outside])].join(' and ');
  return { start, end, purpose, ...(parts.length > 1 && { parts }) };
}
