/**
 * Framework file -> validated Framework, in the order changesets' config
 * loader uses: parse the YAML, check the shape against the JSON Schema,
 * normalize, then check meaning. Every problem of a step is reported at once.
 */
import { dirname } from 'node:path';
import { UserError, type Diagnostic } from '../../core/diagnostics.js';
import type { Framework } from '../../core/framework.js';
import { applyAnswerScales } from './answer-scales.js';
import { checkFormulas } from './check-formulas.js';
import { checkFunnel } from './check-funnel.js';
import { checkSettings } from './check-settings.js';
import { checkSources } from './check-sources.js';
import type { LoadContext } from './context.js';
import { checkKpiCycles } from './cycles.js';
import { readFrameworkDocument } from './document.js';
import type { RawFramework } from './raw.js';
import { schemaProblems } from './schema.js';
import { normalizeSources } from './sources.js';
import { normalizeStages } from './stages.js';

export async function loadFramework(path: string): Promise<Framework> {
  const { doc, locator } = await readFrameworkDocument(path);
  const data: unknown = doc.toJS();
  const shapeProblems = schemaProblems(data, locator);
  // Meaning checks assume the shape: a wrong shape is reported on its own.
  if (shapeProblems.length > 0) throw new UserError(inFileOrder(shapeProblems));
  const raw = data as RawFramework;
  const ctx: LoadContext = { locator, problems: [] };
  const sources = normalizeSources(raw.sources, ctx);
  const { stages, formulas } = normalizeStages(raw, ctx);
  checkSettings(raw, ctx);
  checkFunnel(raw, ctx);
  const sourceIndex = checkSources(raw.sources, sources, ctx);
  const kpiIds = raw.stages.flatMap((stage) => stage.kpis.map((kpi) => kpi.id));
  checkFormulas(formulas, kpiIds, sourceIndex, ctx);
  checkKpiCycles(formulas, ctx);
  const scaled = applyAnswerScales(sources, formulas, sourceIndex, ctx);
  if (ctx.problems.length > 0) throw new UserError(inFileOrder(ctx.problems));
  return {
    file: path,
    dir: dirname(path),
    journey: raw.journey,
    timezone: raw.timezone ?? 'UTC',
    ...(raw.period !== undefined && { period: String(raw.period) }),
    ...(raw.compare !== undefined && { compare: raw.compare }),
    ...(raw.week_start !== undefined && { weekStart: raw.week_start }),
    ...(raw.currency !== undefined && { currency: raw.currency }),
    sources: scaled,
    stages,
    ...(raw.funnel !== undefined && { funnel: raw.funnel }),
  };
}

function inFileOrder(problems: readonly Diagnostic[]): Diagnostic[] {
  const position = (problem: Diagnostic) => [problem.location?.line ?? 0, problem.location?.column ?? 0] as const;
  return [...problems].sort((a, b) => {
    const [lineA, columnA] = position(a);
    const [lineB, columnB] = position(b);
    return lineA - lineB || columnA - columnB;
  });
}
