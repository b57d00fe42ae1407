/** Picks the accumulator for an aggregate call, with its columns located in the root source. */
import type { AggregateCall } from '../formula/ast.js';
import { SURVEY_DEFAULTS } from '../formula/functions.js';
import { rowExprText } from '../formula/row-text.js';
import type { Accumulator, LocateColumn } from './accumulator.js';
import { Extreme, RowCounter, SatisfactionRate, Summer } from './basic.js';
import { CurrencyGuard, CurrencyTally } from './currencies.js';
import { DistinctCounter, DistinctCounterHaving } from './distinct.js';
import { NetPromoterScore, Percentile } from './distribution.js';
import { columnNumber, compileRowExpr, type NumberReader } from './row-value.js';

export function createAccumulator(call: AggregateCall, locate: LocateColumn, timezone: string): Accumulator {
  if (call.fn === 'count') return new RowCounter();
  if (call.fn === 'count_distinct') {
    const column = locate(columnOf(call));
    return call.having ? new DistinctCounterHaving(column, call.having, locate, timezone, call.source) : new DistinctCounter(column.index);
  }
  const accumulator = valueAccumulator(call, locate);
  // Scores (nps, csat, ces) are not amounts; an expression's columns are checked at load, not tallied.
  const column = call.value || call.fn === 'nps' || call.fn === 'csat' || call.fn === 'ces' ? undefined : locate(columnOf(call));
  if (!column?.currency) return accumulator;
  return new CurrencyGuard(accumulator, new CurrencyTally(column.index, column.currency, call.fn, `${call.fn}(${call.source}.${call.column})`));
}

function valueAccumulator(call: AggregateCall, locate: LocateColumn): Accumulator {
  const { read, label } = valueOf(call, locate);
  switch (call.fn) {
    case 'sum':
    case 'avg':
    case 'ces':
      return new Summer(read, label, call.fn !== 'sum');
    case 'min':
    case 'max':
      return new Extreme(read, label, call.fn === 'max');
    case 'median':
      return new Percentile(read, label, 0.5);
    case 'percentile':
      return new Percentile(read, label, call.param ?? 0.5);
    case 'nps': {
      const { promoters, detractors } = SURVEY_DEFAULTS.nps;
      return new NetPromoterScore(read, label, { promoters: call.promoters ?? promoters, detractors: call.detractors ?? detractors });
    }
    case 'csat':
      return new SatisfactionRate(read, label, call.param ?? SURVEY_DEFAULTS.csat.satisfied);
    case 'count':
    case 'count_distinct':
      throw new Error(`${call.fn} reads no value per row`);
    default:
      throw new Error(`${call.fn} reads rows around the period: plan it with planWindowed`);
  }
}

/** What the aggregate reads from each row: a column, or an expression over the row's columns. */
export function valueOf(call: AggregateCall, locate: LocateColumn): { read: NumberReader; label: string } {
  if (call.value) return { read: compileRowExpr(call.value, locate), label: rowExprText(call.value) };
  const name = columnOf(call);
  const column = locate(name);
  if (column.type === 'string') throw new Error(`${call.fn}(${call.source}.${name}) needs a numeric column, but '${name}' holds strings`);
  return { read: columnNumber(column.index), label: `${call.source}.${name}` };
}

export function columnOf(call: AggregateCall): string {
  if (call.column === undefined) throw new Error(`${call.fn}(${call.source}) has no column`);
  return call.column;
}
