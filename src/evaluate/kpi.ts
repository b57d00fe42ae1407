/** A KPI's computed value against its baseline and targets: the status and why, in words. Pure. */
import type { KpiDef } from '../core/framework.js';
import { formatValue } from '../core/format.js';
import type { ComputedKpi, KpiResult, Status } from '../core/report.js';
import { DIRECTIONS, resolveThreshold } from '../core/thresholds.js';
import { currencyProblems } from './currency.js';

interface Verdict {
  readonly status: Status;
  readonly reason: string;
}

interface Thresholds {
  readonly target: number | null;
  readonly warn: number | null;
}

export function evaluateKpi(def: KpiDef, computed: ComputedKpi, currency?: string | null): KpiResult {
  const baseline = def.baseline ?? null;
  const thresholds = {
    target: resolveThreshold(def.target, def.baseline),
    warn: def.warn ? resolveThreshold(def.warn, def.baseline) : null,
  };
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
    ...verdict(def, computed, thresholds, currency),
    sample: computed.sample,
    line: def.location.line ?? null,
    ...(problems.length > 0 && { problems }),
    column: def.location.column ?? null,
  };
}

function verdict(def: KpiDef, computed: ComputedKpi, { target, warn }: Thresholds, currency?: string | null): Verdict {
  const { value } = computed;
  if (value === null) return { status: 'no_data', reason: computed.reason ?? 'no value could be computed' };
  if (target === null) return { status: 'no_data', reason: 'the target is relative to a baseline, and the KPI has none' };
  const rule = DIRECTIONS[def.direction];
  const show = (number: number) => formatValue(number, def.unit, currency);
  if (rule.reaches(value, target)) return { status: 'met', reason: `met: ${show(value)} is ${rule.reached} the target ${show(target)}` };
  const shortOfTarget = `${show(value)} is ${rule.short} the target ${show(target)}${beforeRounding(value, target, show)}`;
  if (warn === null) return { status: 'missed', reason: shortOfTarget };
  if (rule.reaches(value, warn)) return { status: 'at_risk', reason: `${shortOfTarget} (warn ${show(warn)})` };
  return { status: 'missed', reason: `${shortOfTarget} and the warn ${show(warn)}` };
}

/** When rounding shows a value and its target alike, the raw numbers say why it still falls short. */
function beforeRounding(value: number, target: number, show: (number: number) => string): string {
  return show(value) === show(target) ? ` (${value} vs ${target} before rounding)` : '';
}

/** A change too large for a double (1e308 against -1e308) is shown as unknown, never as infinity. */
function finiteOrNull(number: number): number | null {
  return Number.isFinite(number) ? number : null;
}
