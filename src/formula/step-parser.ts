/**
 * The parts of the windowed aggregates: `by account_id` after an amount, the
 * second step of a conversion (`-> events.user_id where …`), its window
 * (`within 7 days`, `after 30 days`), and daily_avg around another aggregate.
 */
import type { AggregateCall, Step, StepWindow } from './ast.js';
import { parseDisjunction } from './condition-parser.js';
import { describe, type Cursor, type IdentToken } from './cursor.js';
import type { FunctionInfo } from './functions.js';
import { parseRowColumn } from './row-parser.js';
import { parseNumber } from './survey-options.js';

/** `by column`, which amount-by functions require. */
export function parseBy(c: Cursor, info: FunctionInfo, amount: string): string {
  if (!c.takeKeyword('by')) {
    c.fail(`${info.name} adds amounts per account, customer or user: name the column that says whose each amount is, e.g. ${info.name}(${amount} by account_id)`);
  }
  return c.expectName(`the column that names whose each amount is, after 'by'`).name;
}

/** `-> src.col [where c]`: a conversion's second step. */
export function parseStep(c: Cursor, info: FunctionInfo, first: string): Step {
  if (!c.isPunct('->')) c.fail(`${info.name} follows a first step to a second: write ${info.name}(${first} -> source.column), e.g. ${info.example}`);
  c.advance();
  const column = parseRowColumn(c, { kind: 'qualified', fn: info.name });
  const where = c.takeKeyword('where') ? parseDisjunction(c, {}) : undefined;
  return {
    source: column.source ?? '',
    column: column.name,
    ...(where && { where }),
    span: { start: column.span.start, end: where?.span.end ?? column.span.end },
  };
}

const UNITS: Readonly<Record<string, StepWindow['unit']>> = { day: 'days', days: 'days', hour: 'hours', hours: 'hours' };

/** `within N days|hours` or `after N days|hours` (not for a time to the second step), when written. */
export function parseWindow(c: Cursor, info: FunctionInfo): StepWindow | undefined {
  const start = c.current.span.start;
  const kind = c.takeKeyword('within') ? 'within' : c.takeKeyword('after') ? 'after' : undefined;
  if (kind === undefined) return undefined;
  if (kind === 'after' && info.name === 'median_days_to') {
    c.fail(`median_days_to measures the time to the first second step: bound it with within, e.g. within 30 days`, { start, end: c.current.span.start });
  }
  const amount = parseNumber(c, `a number of days or hours after ${kind}, e.g. ${kind} 7 days`);
  if (amount.value < 0) c.fail(`${kind} takes a time of 0 or more, e.g. ${kind} 7 days`, amount.span);
  const token = c.current;
  const unit = token.kind === 'ident' ? UNITS[token.name.toLowerCase()] : undefined;
  if (unit === undefined) c.fail(`expected days or hours after ${kind} ${amount.value}, found ${describe(token, c.text)}`);
  c.advance();
  return { kind, amount: amount.value, unit, span: { start, end: token.span.end } };
}

const DAILY_INNER = ['count', 'count_distinct', 'sum'];

/** `daily_avg(inner)`: the inner aggregate, marked to be computed per day. */
export function parseDaily(c: Cursor, name: IdentToken, parseInner: (c: Cursor, name: IdentToken) => AggregateCall): AggregateCall {
  c.advance();
  const open = c.expectPunct('(', `expected '(' after ${name.name}`);
  const inner = c.current;
  const fn = inner.kind === 'ident' && c.isPunct('(', 1) ? inner.name.toLowerCase() : undefined;
  if (inner.kind !== 'ident' || fn === undefined || !DAILY_INNER.includes(fn)) {
    c.fail(`daily_avg averages a daily count_distinct, count or sum: write e.g. daily_avg(count_distinct(app.user_id)), found ${describe(inner, c.text)}`);
  }
  const call = parseInner(c, inner);
  if (call.having) c.fail('daily_avg counts the distinct values of each day; having is not available inside it', call.having.span);
  const close = c.expectPunct(')', `expected ')' to close daily_avg( opened at ${c.position(open.span.start)}`);
  return { ...call, per: 'day', span: { start: name.span.start, end: close.span.end } };
}
