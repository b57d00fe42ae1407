/** KPI formulas must aggregate known sources and columns of fitting types, and refer to KPIs that exist. */
import { didYouMean } from '../../core/suggest.js';
import { AGGREGATE_FUNCTIONS, type AggregateCall, type Span } from '../../formula/ast.js';
import { aggregatesOf, kpiReferencesOf, rowColumnsOf } from '../../formula/references.js';
import { checkCondition, reportUnknownColumn } from './check-conditions.js';
import { checkAggregateValue } from './check-row-values.js';
import { checkWindowParts } from './check-windows.js';
import type { SourceIndex } from './check-sources.js';
import { refuseTimeValue, requireColumnType } from './column-types.js';
import { reportInFormula, type FormulaText, type LoadContext } from './context.js';
import type { KpiFormula } from './stages.js';

export function checkFormulas(formulas: readonly KpiFormula[], kpiIds: readonly string[], sources: SourceIndex, ctx: LoadContext): void {
  for (const { written, expr } of formulas) {
    for (const call of aggregatesOf(expr)) checkAggregate(call, written, sources, ctx);
    for (const { id, span } of kpiReferencesOf(expr)) {
      if (kpiIds.includes(id)) continue;
      const hint = isAggregateFunction(id) ? ` '${id}' is a function: write ${id}(source.column)` : didYouMean(id, [...kpiIds, ...sources.names]);
      reportInFormula(ctx, 'framework/unknown-kpi', `'${id}' is not a KPI id.${hint} A formula names another KPI by its id, and a source inside an aggregate such as count(${id})`, written, span);
    }
  }
}

function checkAggregate(call: AggregateCall, written: FormulaText, sources: SourceIndex, ctx: LoadContext): void {
  const at = call.value ? { source: rowColumnsOf(call.value)[0]?.span ?? call.span, column: call.span } : namesIn(written.text, call);
  if (!sources.names.includes(call.source)) {
    const hint = didYouMean(call.source, sources.names) || ` Sources: ${sources.names.join(', ')}.`;
    reportInFormula(ctx, 'framework/unknown-source', `'${call.source}' is not a source.${hint}`, written, at.source);
    return;
  }
  const root = sources.rootOf(call.source);
  if (!root) return;
  if (call.column !== undefined) {
    const column = root.columns.find((candidate) => candidate.name === call.column);
    if (column) {
      if (!refuseTimeValue(ctx, call, column, root, written, at.column)) requireColumnType(ctx, call.fn, column, call.source, written, at.column);
    }
    else reportUnknownColumn(ctx, call.column, call.source, root, written, at.column);
  }
  if (call.value) checkAggregateValue(ctx, { ...call, value: call.value }, root, sources, written);
  if (call.where) checkCondition(ctx, call.where, call.source, root, written);
  if (call.having) checkCondition(ctx, call.having, call.source, root, written);
  checkWindowParts(ctx, call, root, sources, written);
}

/**
 * Spans of `source` and `.column` inside a call such as `sum(orders.total where …)`;
 * the AST keeps only the call's span, and a caret on the name is clearer.
 */
function namesIn(text: string, call: AggregateCall): { source: Span; column: Span } {
  const inner = /\(\s*([A-Za-z_]\w*)(?:\s*\.\s*([A-Za-z_]\w*))?/dy;
  inner.lastIndex = text.indexOf('(', call.span.start);
  const match = inner.exec(text);
  const toSpan = (indices: [number, number] | undefined): Span => (indices ? { start: indices[0], end: indices[1] } : call.span);
  return { source: toSpan(match?.indices?.[1]), column: toSpan(match?.indices?.[2]) };
}

function isAggregateFunction(name: string): boolean {
  return (AGGREGATE_FUNCTIONS as readonly string[]).includes(name.toLowerCase());
}
