/** KPIs may build on each other (aov = revenue / orders) but never in a circle. */
import { kpiReferencesOf } from '../../formula/references.js';
import { report, type LoadContext } from './context.js';
import type { KpiFormula } from './stages.js';

type Mark = 'visiting' | 'done';

export function checkKpiCycles(formulas: readonly KpiFormula[], ctx: LoadContext): void {
  const byId = new Map(formulas.map((formula) => [formula.id, formula]));
  const marks = new Map<string, Mark>();
  const path: string[] = [];
  const visit = (id: string): void => {
    const formula = byId.get(id);
    if (!formula || marks.get(id) === 'done') return;
    if (marks.get(id) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(id)), id];
      report(ctx, 'framework/kpi-cycle', `KPIs refer to each other in a cycle: ${cycle.join(' -> ')}. Remove one of these references`, formula.written.path);
      return;
    }
    marks.set(id, 'visiting');
    path.push(id);
    for (const reference of kpiReferencesOf(formula.expr)) visit(reference.id);
    path.pop();
    marks.set(id, 'done');
  };
  for (const formula of formulas) visit(formula.id);
}
