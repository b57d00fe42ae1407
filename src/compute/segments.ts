/**
 * A breakdown by a segment column (--by channel): the KPIs once per value of
 * the column, each value an engine of its own made when the value first
 * appears, so min_sample applies per segment. A KPI whose sources lack the
 * column cannot be split, and says why.
 */
import type { FileSourceDef, Framework } from '../core/framework.js';
import { inRanges } from '../core/period.js';
import type { ComputedKpi } from '../core/report.js';
import type { Row, Value } from '../core/values.js';
import { createEngine, type Engine } from './engine.js';
import type { ReportWindows } from './windows.js';

export interface SegmentValue {
  readonly value: Value;
  readonly kpis: ReadonlyMap<string, ComputedKpi>;
}

export interface SegmentBreakdown {
  readonly column: string;
  /** Sorted by value as text; empty cells are the value null. */
  readonly values: readonly SegmentValue[];
  /** KPIs that cannot be split by the column, and why. */
  readonly unsplit: ReadonlyMap<string, string>;
}

interface Slice {
  readonly engine: Engine;
  readonly sinks: Map<string, (row: Row) => void>;
}

export class Segmenter {
  private readonly prototype: Engine | null;
  private readonly unsplit = new Map<string, string>();
  private readonly slices = new Map<Value, Slice>();
  private readonly splitIds: ReadonlySet<string>;

  constructor(
    private readonly framework: Framework,
    selected: ReadonlySet<string>,
    private readonly windows: ReportWindows,
    readonly column: string,
  ) {
    const split = new Set<string>();
    for (const id of selected) {
      const lacking = createEngine(framework, new Set([id]), windows).sources.find((source) => this.indexIn(source) < 0);
      if (lacking === undefined) split.add(id);
      else this.unsplit.set(id, `source '${lacking}' has no column '${column}'`);
    }
    this.splitIds = split;
    this.prototype = split.size > 0 ? createEngine(framework, split, windows) : null;
  }

  /** The columns a source must pass on for the split: the segment column, when the split reads the source. */
  columnsOf(source: string): readonly string[] {
    return this.prototype?.sources.includes(source) ? [this.column] : [];
  }

  /** Every row in the range the split reads goes to its value's slice; null when the split does not read the source. */
  sinkFor(source: string): ((row: Row, time: number) => void) | null {
    const prototype = this.prototype;
    if (!prototype?.sources.includes(source)) return null;
    const range = prototype.rangeOf(source) ?? this.windows.period;
    const index = this.indexIn(source);
    const timed = this.fileSource(source).time !== undefined;
    return (row, time) => {
      if (timed && !inRanges(range, time)) return;
      const slice = this.sliceOf(row[index] ?? null);
      let sink = slice.sinks.get(source);
      if (!sink) {
        sink = slice.engine.rowSink(source);
        slice.sinks.set(source, sink);
      }
      sink(row);
    };
  }

  finish(): SegmentBreakdown {
    const values = [...this.slices].map(([value, slice]) => ({ value, kpis: slice.engine.finish() }));
    values.sort((a, b) => String(a.value).localeCompare(String(b.value)));
    return { column: this.column, values, unsplit: this.unsplit };
  }

  private sliceOf(value: Value): Slice {
    let slice = this.slices.get(value);
    if (!slice) {
      slice = { engine: createEngine(this.framework, this.splitIds, this.windows), sinks: new Map() };
      this.slices.set(value, slice);
    }
    return slice;
  }

  private indexIn(source: string): number {
    return this.fileSource(source).columns.findIndex((column) => column.name === this.column);
  }

  private fileSource(name: string): FileSourceDef {
    return fileSourceOf(this.framework, name);
  }
}

export function fileSourceOf(framework: Framework, name: string): FileSourceDef {
  const source = framework.sources.find((def): def is FileSourceDef => def.kind === 'file' && def.name === name);
  if (!source) throw new Error(`no file source '${name}'`);
  return source;
}
