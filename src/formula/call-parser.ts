/** Aggregate calls: `fn(source[.column | expression][, options] [where …] [having …])`. */
import type { AggregateCall, AggregateFn, Condition, RowExpr } from './ast.js';
import { parseDisjunction } from './condition-parser.js';
import type { Cursor, IdentToken } from './cursor.js';
import { functionNamed, type FunctionInfo } from './functions.js';
import { rowColumnsOf } from './references.js';
import { parseRowSum } from './row-parser.js';
import { rowExprText } from './row-text.js';
import { parseBy, parseDaily, parseStep, parseWindow } from './step-parser.js';
import { parseNumber, parseSurveyOptions, type SurveyOptions } from './survey-options.js';

type Input = Pick<AggregateCall, 'source' | 'column' | 'value'>;

/** `name` is the function's token; the cursor stands on it. */
export function parseCall(c: Cursor, name: IdentToken): AggregateCall {
  const info = functionNamed(name.name) as FunctionInfo;
  if (info.input === 'aggregate') return parseDaily(c, name, parseCall);
  const fn = info.name as AggregateFn;
  c.advance();
  c.expectPunct('(', `expected '(' after ${fn}`);
  const input = parseInput(c, info);
  const param = parseParam(c, info, input);
  const survey: SurveyOptions = info.options ? parseSurveyOptions(c, info) : {};
  const by = info.input === 'amount-by' ? parseBy(c, info, input.value ? rowExprText(input.value) : `${input.source}.${input.column}`) : undefined;
  const where = c.takeKeyword('where') ? parseDisjunction(c, {}) : undefined;
  const having = parseHaving(c, fn, input.column);
  const then = info.input === 'steps' ? parseStep(c, info, `${input.source}.${input.column}`) : undefined;
  const window = then ? parseWindow(c, info) : undefined;
  const close = c.expectPunct(')', `expected ')' to close ${fn}( opened at ${c.position(name.span.start)}`);
  const cutOff = param ?? survey.satisfied;
  return {
    kind: 'aggregate',
    fn,
    ...input,
    ...(cutOff !== undefined && { param: cutOff }),
    ...(survey.scale && { scale: survey.scale }),
    ...(survey.promoters !== undefined && { promoters: survey.promoters }),
    ...(survey.detractors !== undefined && { detractors: survey.detractors }),
    ...(where && { where }),
    ...(having && { having }),
    ...(by !== undefined && { by }),
    ...(then && { then }),
    ...(window && { window }),
    span: { start: name.span.start, end: close.span.end },
  };
}

/** A lone column keeps the plain shape `{ source, column }`; arithmetic becomes `value`. */
function parseInput(c: Cursor, info: FunctionInfo): Input {
  const fn = info.name;
  if (info.input === 'rows') {
    const source = c.expectName(`a source name in ${fn}(, e.g. ${fn}(orders)`).name;
    if (c.isPunct('.')) {
      c.fail(`count counts rows and takes no column: write count(${source}), or count_distinct(${source}.column) for distinct values`);
    }
    return { source };
  }
  const expr = parseRowSum(c, { kind: 'qualified', fn });
  if (expr.kind === 'column') return { source: expr.source ?? '', column: expr.name };
  if (info.input !== 'expression' && info.input !== 'amount-by') {
    c.fail(`${fn} reads one column as it is, not a computed value: write ${fn}(source.column)`, expr.span);
  }
  return { source: sourceOf(c, fn, expr), value: expr };
}

/** The aggregate's source is its first column's; the loader checks the others read the same one. */
function sourceOf(c: Cursor, fn: string, expr: RowExpr): string {
  const first = rowColumnsOf(expr)[0];
  if (!first?.source) return c.fail(`${fn} needs a column of a source to read rows from, e.g. ${fn}(orders.price * orders.quantity)`, expr.span);
  return first.source;
}

function parseParam(c: Cursor, info: FunctionInfo, input: Input): number | undefined {
  if (info.name === 'percentile') {
    const written = input.column === undefined ? 'value' : `${input.source}.${input.column}`;
    c.expectPunct(',', `percentile needs p: write percentile(${written}, 0.9)`);
    const p = parseNumber(c, 'p, a number between 0 and 1');
    if (p.value < 0 || p.value > 1) c.fail(`percentile needs p between 0 and 1, e.g. 0.9 for the 90th percentile; found ${p.value}`, p.span);
    return p.value;
  }
  if (!info.options && c.isPunct(',')) c.fail(`${info.name} takes no second argument`);
  return undefined;
}

function parseHaving(c: Cursor, fn: AggregateFn, column?: string): Condition | undefined {
  if (!c.isKeyword('having')) return undefined;
  if (fn !== 'count_distinct' || column === undefined) {
    c.fail('having is only allowed in count_distinct, e.g. count_distinct(orders.customer_id having count() >= 2)');
  }
  c.advance();
  return parseDisjunction(c, { havingColumn: column });
}
