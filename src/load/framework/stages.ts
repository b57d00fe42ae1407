/** Stages and KPIs as the engine wants them: formulas parsed, thresholds read, defaults filled. */
import type { KpiDef, StageDef } from '../../core/framework.js';
import type { Period } from '../../core/period.js';
import { isValidTimeZone } from '../../core/time.js';
import type { Expr } from '../../formula/ast.js';
import { parseFormula } from '../../formula/parser.js';
import { calendarPeriod, CALENDAR_FORMS } from '../period.js';
import { parseAt, report, type FormulaText, type LoadContext } from './context.js';
import type { YamlPath } from './locator.js';
import type { RawFramework, RawKpi } from './raw.js';
import { readThresholds } from './thresholds.js';

/** A KPI formula that parsed, with where it is written, for the meaning checks. */
export interface KpiFormula {
  readonly id: string;
  readonly written: FormulaText;
  readonly expr: Expr;
}

export interface NormalizedStages {
  /** Each stage holds the KPIs whose formula and thresholds are sound (the others are reported). */
  readonly stages: StageDef[];
  /** Every formula that parsed, even of a KPI left out for a bad threshold, so its references are checked too. */
  readonly formulas: KpiFormula[];
}

export function normalizeStages(raw: RawFramework, ctx: LoadContext): NormalizedStages {
  const formulas: KpiFormula[] = [];
  const stages = raw.stages.map((stage, s) => ({
    id: stage.id,
    name: stage.name,
    touchpoints: stage.touchpoints ?? [],
    kpis: stage.kpis.flatMap((kpi, k) => {
      const path = ['stages', s, 'kpis', k];
      const written = { path: [...path, 'formula'], text: kpi.formula };
      const expr = parseAt(ctx, written, parseFormula);
      if (expr) formulas.push({ id: kpi.id, written, expr });
      return kpiOf(kpi, stage.id, expr, path, raw, ctx);
    }),
    location: ctx.locator.at(['stages', s, 'id']),
  }));
  return { stages, formulas };
}

function kpiOf(raw: RawKpi, stageId: string, formula: Expr | undefined, path: YamlPath, framework: RawFramework, ctx: LoadContext): KpiDef[] {
  const direction = raw.direction ?? 'higher';
  const { baseline, target, warn, problems } = readThresholds({ ...raw, direction }, framework.currency);
  for (const problem of problems) report(ctx, 'framework/threshold', `KPI '${raw.id}': ${problem.message}`, [...path, problem.key]);
  const baselinePeriod = baselinePeriodOf(raw, framework, path, ctx);
  if (!formula || !target || problems.length > 0 || baselinePeriod === null) return [];
  return [
    {
      id: raw.id,
      name: raw.name,
      stageId,
      ...(raw.owner !== undefined && { owner: raw.owner }),
      ...(raw.description !== undefined && { description: raw.description }),
      formula,
      formulaText: raw.formula,
      unit: raw.unit,
      ...(baseline !== undefined && { baseline }),
      ...(baselinePeriod && { baselinePeriod }),
      target,
      ...(warn && { warn }),
      direction,
      level: raw.level ?? 'error',
      ...(raw.min_sample !== undefined && { minSample: raw.min_sample }),
      location: ctx.locator.at([...path, 'id']),
    },
  ];
}

/** The period of `baseline: { period: … }`; undefined without one, null (reported) when it is no calendar period. */
function baselinePeriodOf(raw: RawKpi, framework: RawFramework, path: YamlPath, ctx: LoadContext): Period | undefined | null {
  if (typeof raw.baseline !== 'object') return undefined;
  // A wrong time zone is reported on its own; the period's days do not depend on it.
  const timezone = framework.timezone !== undefined && isValidTimeZone(framework.timezone) ? framework.timezone : 'UTC';
  const period = calendarPeriod(String(raw.baseline.period), timezone);
  if (period !== null && typeof period !== 'string') return period;
  const why = period ?? `'${raw.baseline.period}' is not a period: write ${CALENDAR_FORMS}`;
  report(ctx, 'framework/baseline-period', `KPI '${raw.id}': baseline ${why}, e.g. baseline: { period: 2026-Q2 }`, [...path, 'baseline', 'period']);
  return null;
}
