/**
 * Baselines, targets and warns as people write them (`2.5%`, `$1,250.50`,
 * `+10%`, `+0.5pp`) turned into numbers and thresholds. Pure.
 */
import type { Direction, Threshold, Unit } from '../../core/framework.js';
import { formatValue } from '../../core/format.js';
import { DIRECTIONS, nearlyEqual, resolveThreshold } from '../../core/thresholds.js';
import type { RawBaselinePeriod, RawThreshold } from './raw.js';

export type ThresholdKey = 'baseline' | 'target' | 'warn';

export interface ThresholdProblem {
  readonly key: ThresholdKey;
  readonly message: string;
}

export interface KpiThresholds {
  readonly baseline?: number;
  readonly target?: Threshold;
  readonly warn?: Threshold;
  readonly problems: readonly ThresholdProblem[];
}

export interface ThresholdInput {
  readonly unit: Unit;
  readonly direction: Direction;
  /** A period's baseline is computed later: here it only stands for a baseline that relative targets may use. */
  readonly baseline?: RawThreshold | RawBaselinePeriod;
  readonly target: RawThreshold;
  readonly warn?: RawThreshold;
}

type Parsed = { readonly ok: true; readonly threshold: Threshold } | { readonly ok: false; readonly message: string };

// sign, currency sign, whole part (with optional thousands commas), fraction, suffix.
const WRITTEN = /^([+-]?)\s*([$€£¥]?)\s*(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?\s*(%|pp)?$/i;

export function readThresholds(input: ThresholdInput, currency?: string | null): KpiThresholds {
  const problems: ThresholdProblem[] = [];
  const read = (key: ThresholdKey, raw: RawThreshold | undefined): Threshold | undefined => {
    if (raw === undefined) return undefined;
    const parsed = parseThreshold(raw, key, input.unit);
    if (parsed.ok) return parsed.threshold;
    problems.push({ key, message: `${key} ${parsed.message}` });
    return undefined;
  };
  const baselineThreshold = read('baseline', typeof input.baseline === 'object' ? undefined : input.baseline);
  const baseline = baselineThreshold?.kind === 'absolute' ? baselineThreshold.value : undefined;
  const target = read('target', input.target);
  const warn = read('warn', input.warn);
  const relativeProblem = (key: ThresholdKey, threshold: Threshold | undefined) => {
    if (threshold && threshold.kind !== 'absolute' && input.baseline === undefined) {
      problems.push({ key, message: `${key} '${input[key]}' is relative to the baseline, but the KPI has none: add a baseline, or write an absolute ${key}` });
    }
  };
  relativeProblem('target', target);
  relativeProblem('warn', warn);
  for (const [key, threshold] of [['target', target], ['warn', warn]] as const) {
    if (threshold?.kind === 'relative' && baseline === 0) {
      problems.push({ key, message: `${key} '${input[key]}' is relative to a baseline of 0, so it would be 0 too: write an absolute ${key}` });
    }
  }
  const side = target && warn ? warnSideProblem(target, warn, baseline, input, currency) : undefined;
  if (side) problems.push({ key: 'warn', message: side });
  return { ...(baseline !== undefined && { baseline }), ...(target && { target }), ...(warn && { warn }), problems };
}

export function parseThreshold(raw: RawThreshold, key: ThresholdKey, unit: Unit): Parsed {
  if (typeof raw === 'number') return Number.isFinite(raw) ? plainNumber(raw, unit) : fail(`${raw} is not a finite number`);
  const match = WRITTEN.exec(raw.trim());
  const [, sign = '', symbol = '', whole = '', fraction = '', suffix = ''] = match ?? [];
  if (!match || (whole === '' && fraction === '') || (symbol !== '' && suffix !== '')) {
    const relative = key === 'baseline' ? '' : ', or relative to the baseline as +10% or +0.5pp';
    return fail(`'${raw}' is not a number: write it as 2.5%, 0.025, 1,250 or $42.50${relative}`);
  }
  const digits = `${sign === '-' ? '-' : ''}${whole.replaceAll(',', '') || '0'}${fraction}`;
  if (symbol !== '' && unit !== 'currency') return fail(`'${raw}' has a currency sign, but the KPI's unit is ${unit}: drop the sign, or set unit: currency`);
  const changes = key !== 'baseline';
  switch (suffix.toLowerCase()) {
    case 'pp':
      if (!changes) return fail(`'${raw}' is a change, but a baseline is absolute: write it as 2.1% or 0.021`);
      if (unit !== 'percent') return fail(`'${raw}' is in percentage points, which only percent KPIs have: write a relative change such as +10% instead`);
      return { ok: true, threshold: { kind: 'points', points: Number(digits) } };
    case '%':
      if (sign !== '' && changes) return { ok: true, threshold: { kind: 'relative', ratio: hundredth(digits) } };
      if (unit !== 'percent') return fail(`'${raw}' is a percentage, but the KPI's unit is ${unit}: write a plain number, or +${whole}${fraction}% for a change relative to the baseline`);
      return absolute(hundredth(digits));
    default:
      return plainNumber(Number(digits), unit);
  }
}

/** A percent KPI's values are fractions, so a bare 5 would mean 500%: almost always a slip for 5%. */
function plainNumber(value: number, unit: Unit): Parsed {
  if (unit === 'percent' && Math.abs(value) > 1) {
    return fail(`${value} on a percent KPI would mean ${value * 100}%: write '${value}%' (in quotes) or ${value / 100}`);
  }
  return absolute(value);
}

/** `2.5` -> 0.025 by moving the decimal point in the text, so `7%` is exactly the double 0.07. */
function hundredth(digits: string): number {
  return Number(`${digits}e-2`);
}

function warnSideProblem(target: Threshold, warn: Threshold, baseline: number | undefined, input: ThresholdInput, currency?: string | null): string | undefined {
  const targetValue = resolveThreshold(target, baseline);
  const warnValue = resolveThreshold(warn, baseline);
  if (targetValue === null || warnValue === null) return undefined;
  const rule = DIRECTIONS[input.direction];
  if (!rule.reaches(warnValue, targetValue)) return undefined;
  const show = (value: number) => formatValue(value, input.unit, currency);
  const where = nearlyEqual(warnValue, targetValue) ? 'equal to' : rule.beyond;
  return `warn ${show(warnValue)} is ${where} the target ${show(targetValue)}: for a ${rule.kind} KPI warn must be ${rule.short} the target`;
}

const absolute = (value: number): Parsed => ({ ok: true, threshold: { kind: 'absolute', value } });
const fail = (message: string): Parsed => ({ ok: false, message });
