/**
 * Planning, before any row: find the KPIs to compute (the selected ones and
 * those they reference), resolve each aggregate's source through its views
 * to a file source with all wheres combined, and share identical aggregates.
 */
import type { FileSourceDef, Framework, KpiDef, SourceDef } from '../core/framework.js';
import type { AggregateCall, Condition } from '../formula/ast.js';
import { aggregatesOf, kpiReferencesOf } from '../formula/references.js';
import type { Accumulator, Finishing } from './accumulator.js';
import { createAccumulator } from './accumulators.js';
import { DistinctCounterHaving, DistinctOfGroups } from './distinct.js';
import { SourceFeed } from './source-feed.js';
import { isWindowed, planWindowed, type FeedRead, type WindowedContext } from './windowed-plan.js';
import type { ReportWindows } from './windows.js';

export interface PlannedAggregate {
  readonly feed: SourceFeed;
  readonly accumulator: Finishing;
}

export interface Plan {
  /** Selected KPIs and every KPI they reference. */
  readonly kpis: ReadonlyMap<string, KpiDef>;
  /** File sources read, in the framework's order. */
  readonly feeds: ReadonlyMap<string, SourceFeed>;
  /** Each aggregate node of those formulas; identical aggregates share one entry. */
  readonly aggregates: ReadonlyMap<AggregateCall, PlannedAggregate>;
}

/** `windows` (the period and the one before) is needed by windowed aggregates only. */
export function planKpis(framework: Framework, selectedKpiIds?: ReadonlySet<string>, windows?: ReportWindows): Plan {
  const kpis = neededKpis(framework, selectedKpiIds);
  const sources = new Map(framework.sources.map((source) => [source.name, source]));
  const feeds = new Map<string, SourceFeed>();
  const read = (source: string, where: Condition | undefined): FeedRead => {
    const { root, wheres: viewWheres } = resolveSource(source, sources);
    const wheres = where ? [...viewWheres, where] : viewWheres;
    const feed = feeds.get(root.name) ?? new SourceFeed(root, framework.timezone, windows?.period);
    feeds.set(root.name, feed);
    return { feed, wheres, key: withoutSpans(wheres) };
  };
  const readFirst: [string, string][] = [];
  const windowed: WindowedContext = { windows, timezone: framework.timezone, read, readBefore: (a, b) => readFirst.push([a.source.name, b.source.name]) };
  const shared = new Map<string, PlannedAggregate>();
  const aggregates = new Map<AggregateCall, PlannedAggregate>();
  const groupings = new Map<string, DistinctCounterHaving>();
  for (const call of havingFirst([...kpis.values()].flatMap((kpi) => aggregatesOf(kpi.formula)))) {
    const from = read(call.source, call.where);
    const { fn, column, value, param, promoters, detractors, having, by, then, window, per } = call;
    const key = withoutSpans([fn, from.feed.source.name, column, value, param, promoters, detractors, from.wheres, having, by, then, window, per]);
    let planned = shared.get(key);
    if (!planned) {
      const accumulator = isWindowed(call) ? planWindowed(call, from, windowed) : planPlain(call, from, groupings, framework.timezone);
      planned = { feed: from.feed, accumulator };
      shared.set(key, planned);
    }
    aggregates.set(call, planned);
  }
  const ordered = readOrder(framework.sources.flatMap((source) => (feeds.has(source.name) ? [source.name] : [])), readFirst);
  return { kpis, feeds: new Map(ordered.map((name) => [name, feeds.get(name) as SourceFeed])), aggregates };
}

function planPlain(call: AggregateCall, { feed, wheres, key }: FeedRead, groupings: Map<string, DistinctCounterHaving>, timezone: string): Accumulator {
  const groupingKey = withoutSpans([feed.source.name, call.column, wheres]);
  const grouping = call.fn === 'count_distinct' && !call.having ? groupings.get(groupingKey) : undefined;
  // A plain distinct count over the values a having already groups is the number of its groups: no second set.
  if (grouping) return new DistinctOfGroups(grouping);
  const accumulator = createAccumulator(call, feed.locate, timezone);
  if (accumulator instanceof DistinctCounterHaving) groupings.set(groupingKey, accumulator);
  feed.attach(accumulator, wheres, key);
  return accumulator;
}

/**
 * Framework order, except that a conversion's first-step source is read
 * before its second-step source, so the first steps are known when the
 * second steps arrive. Conversions that ask for both orders keep framework order.
 */
function readOrder(names: readonly string[], readFirst: readonly [string, string][]): string[] {
  const order: string[] = [];
  const pending = [...names];
  while (pending.length > 0) {
    const ready = pending.find((name) => !readFirst.some(([first, second]) => second === name && first !== name && pending.includes(first)));
    const next = ready ?? (pending[0] as string);
    order.push(next);
    pending.splice(pending.indexOf(next), 1);
  }
  return order;
}

/** The selected KPIs (all when none is given) and every KPI they reference, each KPI before those it references. */
export function neededKpis(framework: Framework, selectedKpiIds?: ReadonlySet<string>): Map<string, KpiDef> {
  const all = new Map(framework.stages.flatMap((stage) => stage.kpis).map((kpi) => [kpi.id, kpi]));
  const needed = new Map<string, KpiDef>();
  const visit = (id: string) => {
    if (needed.has(id)) return;
    const kpi = all.get(id);
    if (!kpi) throw new Error(`unknown KPI '${id}'`);
    needed.set(id, kpi);
    for (const reference of kpiReferencesOf(kpi.formula)) visit(reference.id);
  };
  for (const id of selectedKpiIds ?? all.keys()) visit(id);
  return needed;
}

/** count_distinct … having first, so a plain count_distinct of the same values can be read from its groups. */
function havingFirst(calls: readonly AggregateCall[]): AggregateCall[] {
  return [...calls.filter((call) => call.having !== undefined), ...calls.filter((call) => call.having === undefined)];
}

/** Follows views (`paid_orders: {from: orders, where: …}`, views of views) to their file source. */
export function resolveSource(name: string, sources: ReadonlyMap<string, SourceDef>): { root: FileSourceDef; wheres: Condition[] } {
  const wheres: Condition[] = [];
  let source = sources.get(name);
  for (let hops = 0; source?.kind === 'view'; hops += 1) {
    if (hops > sources.size) throw new Error(`views starting at '${name}' form a cycle`);
    wheres.push(source.where);
    source = sources.get(source.from);
  }
  if (!source) throw new Error(`source '${name}' does not resolve to a file source`);
  return { root: source, wheres };
}

/** Identity of AST fragments: same structure, wherever and however they were written. */
function withoutSpans(value: unknown): string {
  return JSON.stringify(value, (key, inner: unknown) => (key === 'span' ? undefined : inner));
}
