/** Stages and KPIs as the engine wants them: formulas parsed, thresholds read, defaults filled. */
import type { KpiDef, StageDef } from '../../core/framework.js';
import type { Expr } from '../../formula/ast.js';
import { parseFormula } from '../../formula/parser.js';
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
      return kpiOf(kpi, stage.id, expr, path, raw.currency, ctx);
    }),
    location: ctx.locator.at(['stages', s, 'id']),
  }));
  return { stages, formulas };
}

function kpiOf(raw: RawKpi, stageId: string, formula: Expr | undefined, path: YamlPath, currency: string | undefined, ctx: LoadContext): KpiDef[] {
  const direction = raw.direction ?? 'higher';
  const { baseline, target, warn, problems } = readThresholds({ ...raw, direction }, currency);
  for (const problem of problems) report(ctx, 'framework/threshold', `KPI '${raw.id}': ${problem.message}`, [...path, problem.key]);
  if (!formula || !target || problems.length > 0) return [];
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
      target,
      ...(warn && { warn }),
      direction,
      level: raw.level ?? 'error',
      ...(raw.min_sample !== undefined && { minSample: raw.min_sample }),
      location: ctx.locator.at([...path, 'id']),
    },
  ];
}
