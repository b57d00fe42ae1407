/** What a KPI's currencies tell beyond its status: a mix is an error, a currency other than the framework's a warning. */
import { error, warning, type Diagnostic } from '../core/diagnostics.js';
import type { KpiDef } from '../core/framework.js';
import type { ComputedKpi } from '../core/report.js';

export function currencyProblems(def: KpiDef, computed: ComputedKpi, currency: string | null | undefined): Diagnostic[] {
  const at = `KPI '${def.id}'`;
  if (computed.mixedCurrencies) {
    return [error('kpi/mixed-currencies', `${at}: ${computed.reason ?? 'amounts in different currencies'}`, def.location)];
  }
  if (computed.currency === undefined || !currency || computed.currency === currency) return [];
  const message =
    `${at}: its amounts are in ${computed.currency}, but the framework's currency is ${currency}, so they are shown as ${currency}: ` +
    `set currency: ${computed.currency} in the framework, or keep to ${currency} rows with a where on the currency column`;
  return [warning('kpi/foreign-currency', message, def.location)];
}
