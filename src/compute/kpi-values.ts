/**
 * After the rows: each KPI's formula evaluated over its aggregates' results,
 * in dependency order (a KPI may reference KPIs of any stage).
 *
 * sample, the rows behind a value: an aggregate's rows; a / b takes b's
 * (the population the rate is about); other operations the smaller side;
 * a number is neutral (null); a KPI reference carries that KPI's sample.
 */
import type { KpiDef } from '../core/framework.js';
import type { ComputedKpi } from '../core/report.js';
import type { AggregateCall, Expr, Span } from '../formula/ast.js';
import type { Finishing } from './accumulator.js';
import type { Outcome } from './outcome.js';
import { combinedCurrency, MIXED, mixed } from './currencies.js';
import { known, unknown } from './outcome.js';
import type { Plan } from './plan.js';

/**
 * Each aggregate node's outcome, once every row was seen; aggregates that share
 * an accumulator are finished once. `explain` shows them one by one.
 */
export function aggregateOutcomes(plan: Plan): (call: AggregateCall) => Outcome {
  const outcomes = new Map<Finishing, Outcome>();
  return (call) => {
    const planned = plan.aggregates.get(call);
    if (!planned) throw new Error(`aggregate at ${call.span.start} was not planned`);
    let outcome = outcomes.get(planned.accumulator);
    if (!outcome) {
      outcome = planned.feed.outcomeOf(planned.accumulator);
      outcomes.set(planned.accumulator, outcome);
    }
    return outcome;
  };
}

export function computeKpiValues(plan: Plan, outcomeOfAggregate = aggregateOutcomes(plan)): Map<string, ComputedKpi> {
  const kpiOutcomes = new Map<string, Outcome>();
  const inProgress = new Set<string>();

  const outcomeOfKpi = (id: string): Outcome => {
    const done = kpiOutcomes.get(id);
    if (done) return done;
    const kpi = plan.kpis.get(id);
    if (!kpi) throw new Error(`KPI '${id}' was not planned`);
    if (inProgress.has(id)) throw new Error(`KPI '${id}' references itself through ${[...inProgress].join(' -> ')}`);
    inProgress.add(id);
    const outcome = withMinSample(kpi, evaluate(kpi.formula, kpi, { outcomeOfKpi, outcomeOfAggregate }));
    inProgress.delete(id);
    kpiOutcomes.set(id, outcome);
    return outcome;
  };

  const values = new Map<string, ComputedKpi>();
  for (const id of plan.kpis.keys()) values.set(id, asComputed(id, outcomeOfKpi(id)));
  return values;
}

interface Lookups {
  readonly outcomeOfKpi: (id: string) => Outcome;
  readonly outcomeOfAggregate: (call: AggregateCall) => Outcome;
}

function evaluate(expr: Expr, kpi: KpiDef, lookups: Lookups): Outcome {
  switch (expr.kind) {
    case 'number':
      return { value: expr.value, sample: null };
    case 'aggregate':
      return lookups.outcomeOfAggregate(expr);
    case 'kpi': {
      const referenced = lookups.outcomeOfKpi(expr.id);
      if (referenced.value !== null) return referenced;
      return failed(`depends on '${expr.id}', which has no data: ${referenced.reason}`, referenced, referenced.sample);
    }
    case 'negate': {
      const operand = evaluate(expr.operand, kpi, lookups);
      return operand.value === null ? operand : { ...operand, value: -operand.value };
    }
    case 'binary':
      return evaluateBinary(expr, kpi, lookups);
  }
}

function evaluateBinary(expr: Expr & { kind: 'binary' }, kpi: KpiDef, lookups: Lookups): Outcome {
  const left = evaluate(expr.left, kpi, lookups);
  const right = evaluate(expr.right, kpi, lookups);
  const sample = expr.op === '/' ? right.sample : smallerSample(left.sample, right.sample);
  if (left.value === null) return failed(left.reason ?? 'no data', left, sample);
  if (right.value === null) return failed(right.reason ?? 'no data', right, sample);
  const currency = combinedCurrency(expr.op, left.currency, right.currency);
  if (currency === MIXED) {
    const reason = `${textOf(kpi, expr.span)} combines amounts in ${left.currency} and ${right.currency}: keep to one currency, e.g. with a where on the currency column`;
    return mixed(reason, sample);
  }
  if (expr.op === '/' && right.value === 0) return unknown(`denominator ${textOf(kpi, expr.right.span)} is 0`, sample);
  const outcome = known(apply(expr.op, left.value, right.value), sample, () => `${textOf(kpi, expr.span)}`);
  return currency === undefined || outcome.value === null ? outcome : { ...outcome, currency };
}

/** No value because of `cause`: a mix of currencies stays one, however far up the formulas it travels. */
function failed(reason: string, cause: Outcome, sample: number | null): Outcome {
  return cause.mixedCurrencies ? mixed(reason, sample) : unknown(reason, sample);
}

function apply(op: '+' | '-' | '*' | '/', a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
  }
}

function smallerSample(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function textOf(kpi: KpiDef, span: Span): string {
  return kpi.formulaText.slice(span.start, span.end).trim();
}

/**
 * Too few rows behind a value is no value at all: applied here, before other
 * KPIs read it, so a KPI built on it has no data either (never a value from
 * a value nobody may trust).
 */
function withMinSample(kpi: KpiDef, outcome: Outcome): Outcome {
  const { sample } = outcome;
  if (outcome.value === null || kpi.minSample === undefined || sample === null || sample >= kpi.minSample) return outcome;
  return unknown(`only ${sample} row${sample === 1 ? '' : 's'} behind the value; min_sample is ${kpi.minSample}`, sample);
}

function asComputed(id: string, outcome: Outcome): ComputedKpi {
  if (outcome.value === null) {
    return { id, value: null, reason: outcome.reason ?? 'no data', sample: outcome.sample, ...(outcome.mixedCurrencies && { mixedCurrencies: true }) };
  }
  // -0 (e.g. from 0 * -1) would be shown as "-0".
  return { id, value: outcome.value + 0, sample: outcome.sample, ...(outcome.currency !== undefined && { currency: outcome.currency }) };
}
