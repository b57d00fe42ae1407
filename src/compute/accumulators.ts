/** Picks the accumulator for an aggregate call, with its columns located in the root source. */
import type { AggregateCall } from '../formula/ast.js';
import type { Accumulator, LocateColumn } from './accumulator.js';
import { Extreme, RowCounter, SatisfactionRate, Summer } from './basic.js';
import { CurrencyGuard, CurrencyTally } from './currencies.js';
import { DistinctCounter, DistinctCounterHaving } from './distinct.js';
import { NetPromoterScore, Percentile } from './distribution.js';

const DEFAULT_CSAT_CUT_OFF = 4;

export function createAccumulator(call: AggregateCall, locate: LocateColumn, timezone: string): Accumulator {
  if (call.fn === 'count') return new RowCounter();
  if (call.column === undefined) throw new Error(`${call.fn}(${call.source}) has no column`);
  const label = `${call.source}.${call.column}`;
  const column = locate(call.column);
  if (call.fn === 'count_distinct') {
    return call.having ? new DistinctCounterHaving(column, call.having, locate, timezone, call.source) : new DistinctCounter(column.index);
  }
  if (column.type === 'string') throw new Error(`${call.fn}(${label}) needs a numeric column, but '${call.column}' holds strings`);
  const accumulator = numericAccumulator(call, column.index, label);
  // nps and csat read scores, not amounts.
  const amounts = call.fn !== 'nps' && call.fn !== 'csat';
  if (!column.currency || !amounts) return accumulator;
  return new CurrencyGuard(accumulator, new CurrencyTally(column.index, column.currency, call.fn, `${call.fn}(${label})`));
}

function numericAccumulator(call: AggregateCall, column: number, label: string): Accumulator {
  switch (call.fn) {
    case 'sum':
    case 'avg':
      return new Summer(column, label, call.fn === 'avg');
    case 'min':
    case 'max':
      return new Extreme(column, label, call.fn === 'max');
    case 'median':
      return new Percentile(column, label, 0.5);
    case 'percentile':
      return new Percentile(column, label, call.param ?? 0.5);
    case 'nps':
      return new NetPromoterScore(column, label);
    case 'csat':
      return new SatisfactionRate(column, label, call.param ?? DEFAULT_CSAT_CUT_OFF);
    case 'count':
    case 'count_distinct':
      throw new Error(`${call.fn} is not a numeric aggregate`);
  }
}
