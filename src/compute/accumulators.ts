/** Picks the accumulator for an aggregate call, with its columns located in the root source. */
import type { AggregateCall } from '../formula/ast.js';
import type { Accumulator, LocateColumn } from './accumulator.js';
import { Extreme, RowCounter, SatisfactionRate, Summer } from './basic.js';
import { DistinctCounter, DistinctCounterHaving } from './distinct.js';
import { NetPromoterScore, Percentile } from './distribution.js';

const DEFAULT_CSAT_CUT_OFF = 4;

export function createAccumulator(call: AggregateCall, locate: LocateColumn, timezone: string): Accumulator {
  if (call.fn === 'count') return new RowCounter();
  if (call.column === undefined) throw new Error(`${call.fn}(${call.source}) has no column`);
  const label = `${call.source}.${call.column}`;
  const column = locate(call.column);
  if (call.fn === 'count_distinct') {
    return call.having ? new DistinctCounterHaving(column, call.having, locate, timezone) : new DistinctCounter(column.index);
  }
  if (column.type === 'string') throw new Error(`${call.fn}(${label}) needs a numeric column, but '${call.column}' holds strings`);
  switch (call.fn) {
    case 'sum':
    case 'avg':
      return new Summer(column.index, label, call.fn === 'avg');
    case 'min':
    case 'max':
      return new Extreme(column.index, label, call.fn === 'max');
    case 'median':
      return new Percentile(column.index, label, 0.5);
    case 'percentile':
      return new Percentile(column.index, label, call.param ?? 0.5);
    case 'nps':
      return new NetPromoterScore(column.index, label);
    case 'csat':
      return new SatisfactionRate(column.index, label, call.param ?? DEFAULT_CSAT_CUT_OFF);
  }
}
