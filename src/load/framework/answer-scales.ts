/**
 * nps, csat and ces read answers on a scale: written (`scale 1..5`), else
 * the column's declared min..max, else the function's usual one (0..10,
 * 1..5, 1..7). The scale becomes a constraint on the column, so an answer
 * off it (or not a whole number) is a rejected row, counted and reported
 * like any other, never silently dropped or counted as a passive.
 */
import type { ColumnDef, FileSourceDef, SourceDef } from '../../core/framework.js';
import type { AggregateCall, AnswerScale } from '../../formula/ast.js';
import { isSurveyFn, SURVEY_DEFAULTS, type SurveyFn } from '../../formula/functions.js';
import { aggregatesOf } from '../../formula/references.js';
import type { SourceIndex } from './check-sources.js';
import { reportInFormula, type LoadContext } from './context.js';
import type { KpiFormula } from './stages.js';

interface ScaleUse {
  readonly scale: AnswerScale;
  readonly by: string;
}

/** The sources with each surveyed column's scale set; a scale clash or a cut-off off the scale is reported. */
export function applyAnswerScales(sources: readonly SourceDef[], formulas: readonly KpiFormula[], index: SourceIndex, ctx: LoadContext): SourceDef[] {
  const uses = new Map<string, ScaleUse>();
  for (const { id, written, expr } of formulas) {
    for (const call of aggregatesOf(expr)) {
      const root = index.rootOf(call.source);
      const column = root?.columns.find((candidate) => candidate.name === call.column);
      if (!root || !column || !isSurveyFn(call.fn)) continue;
      const use = { scale: call.scale ?? declaredBounds(column) ?? SURVEY_DEFAULTS[call.fn].scale, by: `${call.fn} in KPI '${id}'` };
      const problem = cutOffProblem(call, call.fn, use.scale) ?? clash(uses.get(`${root.name}.${column.name}`), use, column);
      if (problem) reportInFormula(ctx, 'framework/answer-scale', problem, written, call.span);
      else uses.set(`${root.name}.${column.name}`, use);
    }
  }
  return sources.map((source) => (source.kind === 'file' ? withScales(source, uses) : source));
}

function declaredBounds(column: ColumnDef): AnswerScale | undefined {
  return column.min !== undefined && column.max !== undefined ? { min: column.min, max: column.max } : undefined;
}

function withScales(source: FileSourceDef, uses: ReadonlyMap<string, ScaleUse>): FileSourceDef {
  const columns = source.columns.map((column) => {
    const use = uses.get(`${source.name}.${column.name}`);
    return use ? { ...column, scale: { ...use.scale, by: use.by } } : column;
  });
  return { ...source, columns };
}

/** A cut-off must split the scale: some answers on each side of it. */
function cutOffProblem(call: AggregateCall, fn: SurveyFn, { min, max }: AnswerScale): string | undefined {
  const scale = `the scale ${min}..${max}`;
  if (fn === 'csat') {
    const satisfied = call.param ?? SURVEY_DEFAULTS.csat.satisfied;
    if (satisfied <= min || satisfied > max) return `satisfied >= ${satisfied} does not split ${scale}: write a cut-off above ${min} and at most ${max}, or give the scale, e.g. scale 1..7`;
  }
  if (fn === 'nps') {
    const promoters = call.promoters ?? SURVEY_DEFAULTS.nps.promoters;
    const detractors = call.detractors ?? SURVEY_DEFAULTS.nps.detractors;
    if (promoters > max || detractors < min) return `promoters >= ${promoters} and detractors <= ${detractors} must lie on ${scale}`;
    if (detractors >= promoters) return `detractors <= ${detractors} overlaps promoters >= ${promoters}: detractors must answer lower than promoters`;
  }
  return undefined;
}

/** One column has one scale: two KPIs reading it on different scales cannot both reject by it. */
function clash(earlier: ScaleUse | undefined, use: ScaleUse, column: ColumnDef): string | undefined {
  if (!earlier || (earlier.scale.min === use.scale.min && earlier.scale.max === use.scale.max)) return undefined;
  const show = (scale: AnswerScale) => `${scale.min}..${scale.max}`;
  return `'${column.name}' is read on the scale ${show(use.scale)} here but on ${show(earlier.scale)} by ${earlier.by}: an answer off the scale rejects the row, so give both the same scale`;
}
