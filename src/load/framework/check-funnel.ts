/** A funnel lists count KPIs of the framework: the findings divide each step's count by the one before. */
import { didYouMean } from '../../core/suggest.js';
import { report, type LoadContext } from './context.js';
import type { RawFramework } from './raw.js';

export function checkFunnel(raw: RawFramework, ctx: LoadContext): void {
  const kpis = new Map(raw.stages.flatMap((stage) => stage.kpis.map((kpi) => [kpi.id, kpi] as const)));
  (raw.funnel ?? []).forEach((id, index) => {
    const kpi = kpis.get(id);
    const path = ['funnel', index];
    if (kpi === undefined) {
      report(ctx, 'framework/funnel', `funnel step '${id}' is not a KPI of this framework.${didYouMean(id, kpis.keys())} A funnel lists KPI ids`, path);
    } else if (kpi.unit !== 'count') {
      report(ctx, 'framework/funnel', `funnel step '${id}' is a ${kpi.unit} KPI: a funnel lists count KPIs (sessions, carts, orders), whose step-to-step ratios say how many go on`, path);
    }
  });
}
