/** Meaning checks that need no formula: unique ids, ids formulas can name, a real time zone, a readable period. */
import { UserError } from '../../core/diagnostics.js';
import { isValidTimeZone } from '../../core/time.js';
import { isReserved } from '../../formula/cursor.js';
import { resolvePeriod } from '../period.js';
import { report, type LoadContext } from './context.js';
import type { YamlPath } from './locator.js';
import type { RawFramework } from './raw.js';
import { checkColumns, checkTimeZone } from './check-columns.js';

export function checkSettings(raw: RawFramework, ctx: LoadContext): void {
  checkIds(raw, ctx);
  checkTimeZone(raw.timezone, ['timezone'], ctx);
  checkColumns(raw, ctx);
  checkPeriod(raw, ctx);
}

function checkIds(raw: RawFramework, ctx: LoadContext): void {
  const stages = raw.stages.map((stage, s) => ({ id: stage.id, path: ['stages', s, 'id'] }));
  const kpis = raw.stages.flatMap((stage, s) => stage.kpis.map((kpi, k) => ({ id: kpi.id, path: ['stages', s, 'kpis', k, 'id'] })));
  reportDuplicates('stage', stages, ctx);
  // KPI ids are global: formulas name other KPIs by id alone.
  reportDuplicates('KPI', kpis, ctx);
  for (const { id, path } of kpis) {
    if (isReserved(id)) report(ctx, 'framework/reserved-id', `KPI id '${id}' is a keyword of the formula language, so formulas could not refer to it: rename the KPI`, path);
  }
}

function reportDuplicates(kind: string, ids: readonly { id: string; path: YamlPath }[], ctx: LoadContext): void {
  const first = new Map<string, YamlPath>();
  for (const { id, path } of ids) {
    const earlier = first.get(id);
    if (!earlier) first.set(id, path);
    else report(ctx, 'framework/duplicate-id', `${kind} id '${id}' is already used at line ${ctx.locator.at(earlier).line}: ${kind} ids must be unique`, path);
  }
}

function checkPeriod(raw: RawFramework, ctx: LoadContext): void {
  if (raw.period === undefined) return;
  const timezone = raw.timezone !== undefined && isValidTimeZone(raw.timezone) ? raw.timezone : 'UTC';
  try {
    resolvePeriod({ period: String(raw.period) }, timezone);
  } catch (problem) {
    if (!(problem instanceof UserError)) throw problem;
    for (const diagnostic of problem.diagnostics) report(ctx, 'framework/period', diagnostic.message, ['period']);
  }
}
