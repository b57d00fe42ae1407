/**
 * One KPI's explanation from a computed run: each term of its formula with
 * the outcome the engine computed it from, the sources behind it, and the
 * comparisons evaluate made for its status.
 */
import { neededKpis, resolveSource } from '../compute/plan.js';
import type { Explanation, FormulaTerm, SourceTrail } from '../core/explanation.js';
import type { Framework, KpiDef, SourceDef, Unit } from '../core/framework.js';
import type { ComputedKpi } from '../core/report.js';
import { verdictOf } from '../evaluate/index.js';
import type { AggregateCall, Span } from '../formula/ast.js';
import { FUNCTIONS } from '../formula/functions.js';
import { aggregatesOf, kpiReferencesOf } from '../formula/references.js';
import type { Run } from './compute-report.js';

export function explainKpi(run: Run, kpiId: string, overrides: ReadonlyMap<string, string>): Explanation {
  const { framework, report } = run;
  const needed = [...neededKpis(framework, new Set([kpiId])).values()];
  const [kpi] = needed;
  const result = report.stages.flatMap((stage) => stage.kpis).find((candidate) => candidate.id === kpiId);
  if (!kpi || !result) throw new Error(`KPI '${kpiId}' was not computed`);
  const terms = termsOf(kpi, run);
  return {
    journey: report.journey,
    framework: report.framework,
    period: report.period,
    currency: report.currency,
    stageName: framework.stages.find((stage) => stage.id === kpi.stageId)?.name ?? kpi.stageId,
    kpi: result,
    formula: kpi.formulaText,
    outline: outlineOf(kpi.formulaText, terms),
    terms: terms.map(({ term }) => term),
    minSample: kpi.minSample ?? null,
    thresholds: { target: kpi.target, warn: kpi.warn ?? null },
    checks: verdictOf(kpi, computedOf(run, kpi.id), report.currency).checks,
    sources: sourceTrails(framework, needed, run, overrides),
    data: report.sources,
  };
}

interface PlacedTerm {
  readonly span: Span;
  readonly term: FormulaTerm;
}

/** Aggregates and KPI references in the order written; aggregates get letters no referenced KPI is called. */
function termsOf(kpi: KpiDef, run: Run): PlacedTerm[] {
  const references = [...new Map(kpiReferencesOf(kpi.formula).map((reference) => [reference.id, reference])).values()];
  const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter((letter) => !references.some((reference) => reference.id === letter));
  const aggregates = aggregatesOf(kpi.formula).map((call, index) => ({
    span: call.span,
    term: aggregateTerm(call, letters[index] ?? `T${index + 1}`, kpi, run),
  }));
  const referenced = references.map(({ id, span }) => ({ span, term: referenceTerm(id, run) }));
  return [...aggregates, ...referenced].sort((a, b) => a.span.start - b.span.start);
}

function aggregateTerm(call: AggregateCall, label: string, kpi: KpiDef, run: Run): FormulaTerm {
  const outcome = run.engine.outcomeOfAggregate(call);
  return {
    label,
    kind: 'aggregate',
    text: kpi.formulaText.slice(call.span.start, call.span.end).trim(),
    unit: aggregateUnit(call, run.framework),
    currency: outcome.currency ?? null,
    name: null,
    source: call.source,
    value: outcome.value,
    sample: outcome.sample,
    reason: outcome.value === null ? (outcome.reason ?? 'no data') : null,
  };
}

function referenceTerm(id: string, run: Run): FormulaTerm {
  const kpi = run.framework.stages.flatMap((stage) => stage.kpis).find((candidate) => candidate.id === id);
  const computed = computedOf(run, id);
  return {
    label: id,
    kind: 'kpi',
    text: id,
    unit: kpi?.unit ?? 'number',
    currency: computed.currency ?? null,
    name: kpi?.name ?? id,
    source: null,
    value: computed.value,
    sample: computed.sample,
    reason: computed.reason ?? null,
  };
}

/** Counts are counts, shares percents, scores scores; other aggregates are in their column's unit (money in currency, durations in seconds). */
function aggregateUnit(call: AggregateCall, framework: Framework): Unit {
  if (call.fn === 'count' || call.fn === 'count_distinct') return 'count';
  if (FUNCTIONS.find((info) => info.name === call.fn)?.share === true) return 'percent';
  if (call.fn === 'nps') return 'score';
  const { root } = resolveSource(call.source, new Map(framework.sources.map((source) => [source.name, source])));
  const type = root.columns.find((column) => column.name === call.column)?.type;
  if (type === 'money') return 'currency';
  if (type === 'duration') return 'seconds';
  return type === 'percent' ? 'percent' : 'number';
}

function outlineOf(formula: string, terms: readonly PlacedTerm[]): string {
  let outline = formula;
  for (const { span, term } of [...terms].reverse()) outline = `${outline.slice(0, span.start)}${term.label}${outline.slice(span.end)}`;
  return outline.trim();
}

/** In the order the formulas name them (the KPI's, then those it references), each view followed by what it comes from. */
function sourceTrails(framework: Framework, kpis: readonly KpiDef[], run: Run, overrides: ReadonlyMap<string, string>): SourceTrail[] {
  const trails = new Map<string, SourceTrail>();
  for (const call of kpis.flatMap((kpi) => aggregatesOf(kpi.formula))) {
    for (let source = sourceNamed(call.source, framework); source && !trails.has(source.name); source = source.kind === 'view' ? sourceNamed(source.from, framework) : undefined) {
      trails.set(source.name, trailOf(source, run, overrides));
    }
  }
  return [...trails.values()];
}

function trailOf(source: SourceDef, run: Run, overrides: ReadonlyMap<string, string>): SourceTrail {
  if (source.kind === 'view') return { kind: 'view', name: source.name, from: source.from, where: source.whereText };
  const read = run.engine.columnsRead(source.name);
  return {
    kind: 'file',
    name: source.name,
    file: source.file,
    override: overrides.get(source.name) ?? null,
    time: source.time ?? null,
    key: source.key ?? null,
    columnsRead: source.columns.filter((column) => read.has(column.name)).map((column) => column.name),
  };
}

function sourceNamed(name: string, framework: Framework): SourceDef | undefined {
  return framework.sources.find((source) => source.name === name);
}

function computedOf(run: Run, id: string): ComputedKpi {
  const computed = run.computed.get(id);
  if (!computed) throw new Error(`engine returned no value for KPI '${id}'`);
  return computed;
}
