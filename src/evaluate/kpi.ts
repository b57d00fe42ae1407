/** A KPI's computed value against its baseline and targets: the status and why, in words. Pure. */
import type { KpiDef } from '../core/framework.js';
import { formatValue } from '../core/format.js';
import type { ComputedKpi, KpiResult, Status } from '../core/report.js';
import { DIRECTIONS, resolveThreshold, type ThresholdCheck } from '../core/thresholds.js';
import { currencyProblems } from './currency.js';

export interface Verdict {
  readonly status: Status;
  readonly reason: string;
  /** The comparisons made, in order: the target, then warn when the target was not reached; none without a value. */
  readonly checks: readonly ThresholdCheck[];
}

interface Thresholds {
  readonly target: number | null;
  readonly warn: number | null;
}

export function evaluateKpi(def: KpiDef, computed: ComputedKpi, currency?: string | null): KpiResult {
  const baseline = def.baseline ?? null;
  const thresholds = thresholdsOf(def);
  const { status, reason } = verdict(def, computed, thresholds, currency);
  const { value } = computed;
  const delta = value !== null && baseline !== null ? finiteOrNull(value - baseline) : null;
  const problems = currencyProblems(def, computed, currency);
  return {
    id: def.id,
    name: def.name,
    stageId: def.stageId,
    owner: def.owner ?? null,
    unit: def.unit,
    direction: def.direction,
    level: def.level,
    value,
    baseline,
    ...thresholds,
    delta,
    deltaRelative: delta !== null && baseline !== null && baseline !== 0 ? finiteOrNull(delta / Math.abs(baseline)) : null,
    status,
    reason,
    sample: computed.sample,
    line: def.location.line ?? null,
    ...(problems.length > 0 && { problems }),
    column: def.location.column ?? null,
  };
}

/** The status, its reason and the comparisons behind it: what report shows and explain spells out. */
export function verdictOf(def: KpiDef, computed: ComputedKpi, currency?: string | null): Verdict {
  return verdict(def, computed, thresholdsOf(def), currency);
}

function thresholdsOf(def: KpiDef): Thresholds {
  return {
    target: resolveThreshold(def.target, def.baseline),
    warn: def.warn ? resolveThreshold(def.warn, def.baseline) : null,
  };
}

function verdict(def: KpiDef, computed: ComputedKpi, { target, warn }: Thresholds, currency?: string | null): Verdict {
  const { value } = computed;
  if (value === null) return { status: 'no_data', reason: computed.reason ?? 'no value could be computed', checks: [] };
  if (target === null) return { status: 'no_data', reason: 'the target is relative to a baseline, and the KPI has none', checks: [] };
  const rule = DIRECTIONS[def.direction];
  const show = (number: number) => formatValue(number, def.unit, currency);
  const onTarget = { threshold: 'target', value: target, reached: rule.reaches(value, target) } as const;
  if (onTarget.reached) return { status: 'met', reason: `met: ${show(value)} is ${rule.reached} the target ${show(target)}`, checks: [onTarget] };
  const shortOfTarget = `${show(value)} is ${rule.short} the target ${show(target)}${beforeRounding(value, target, show)}`;
  if (warn === null) return { status: 'missed', reason: shortOfTarget, checks: [onTarget] };
  const onWarn = { threshold: 'warn', value: warn, reached: rule.reaches(value, warn) } as const;
  const checks = [onTarget, onWarn];
  if (onWarn.reached) return { status: 'at_risk', reason: `${shortOfTarget} (warn ${show(warn)})`, checks };
  return { status: 'missed', reason: `${shortOfTarget} and the warn ${show(warn)}`, checks };
}

/** When rounding shows a value and its target alike, the raw numbers say why it still falls short. */
function beforeRounding(value: number, target: number, show: (number: number) => string): string {
  return show(value) === show(target) ? ` (${value} vs ${target} before rounding)` : '';
}

/** A change too large for a double (1e308 against -1e308) is shown as unknown, never as infinity. */
export function finiteOrNull(number: number): number | null {
  return Number.isFinite(number) ? number : null;
}
