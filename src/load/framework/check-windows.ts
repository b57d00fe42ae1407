/**
 * The windowed aggregates' own parts: the `by` column of an amount, the
 * second step of a conversion (its source, column and where), and the time
 * column that places every source they read in a period.
 */
import { didYouMean } from '../../core/suggest.js';
import type { FileSourceDef } from '../../core/framework.js';
import { PERIOD_OVER_PERIOD_FUNCTIONS, STEP_FUNCTIONS, type AggregateCall, type Span, type Step } from '../../formula/ast.js';
import { checkCondition, reportUnknownColumn } from './check-conditions.js';
import type { SourceIndex } from './check-sources.js';
import { reportInFormula, type FormulaText, type LoadContext } from './context.js';

/** `root` is the first source's file source; the call's source, column and where are checked as any aggregate's. */
export function checkWindowParts(ctx: LoadContext, call: AggregateCall, root: FileSourceDef, sources: SourceIndex, written: FormulaText): void {
  const windowed = call.per !== undefined || ([...PERIOD_OVER_PERIOD_FUNCTIONS, ...STEP_FUNCTIONS] as readonly string[]).includes(call.fn);
  if (!windowed) return;
  requireTime(ctx, call, call.source, root, written);
  if (call.by !== undefined && !root.columns.some((column) => column.name === call.by)) {
    reportUnknownColumn(ctx, call.by, call.source, root, written, bySpan(written.text, call));
  }
  if (call.then) checkStep(ctx, call, call.then, sources, written);
}

function checkStep(ctx: LoadContext, call: AggregateCall, step: Step, sources: SourceIndex, written: FormulaText): void {
  const sourceSpan = { start: step.span.start, end: step.span.start + step.source.length };
  if (!sources.names.includes(step.source)) {
    const hint = didYouMean(step.source, sources.names) || ` Sources: ${sources.names.join(', ')}.`;
    reportInFormula(ctx, 'framework/unknown-source', `'${step.source}' is not a source.${hint}`, written, sourceSpan);
    return;
  }
  const root = sources.rootOf(step.source);
  if (!root) return;
  requireTime(ctx, call, step.source, root, written);
  if (!root.columns.some((column) => column.name === step.column)) {
    const columnStart = sourceSpan.end + 1;
    reportUnknownColumn(ctx, step.column, step.source, root, written, { start: columnStart, end: columnStart + step.column.length });
  }
  if (step.where) checkCondition(ctx, step.where, step.source, root, written);
}

/** The column after `by` (the syntax tree keeps no span for it): the last `by name` inside the call. */
function bySpan(text: string, call: AggregateCall): Span {
  const inner = text.slice(call.span.start, call.span.end);
  const match = [...inner.matchAll(/\bby\s+([A-Za-z_]\w*)/dg)].at(-1);
  const at = match?.indices?.[1];
  return at ? { start: call.span.start + at[0], end: call.span.start + at[1] } : call.span;
}

/** Windows place rows in time: a source without a time column has none to place. */
function requireTime(ctx: LoadContext, call: AggregateCall, source: string, root: FileSourceDef, written: FormulaText): void {
  if (root.time !== undefined) return;
  const fn = call.per === 'day' ? 'daily_avg' : call.fn;
  const message =
    `${fn} places each row of '${source}' in time (days, periods, windows), but source '${root.name}' has no time column: ` +
    `add time: <its datetime or date column> to sources.${root.name}`;
  reportInFormula(ctx, 'framework/no-time', message, written, call.span);
}
