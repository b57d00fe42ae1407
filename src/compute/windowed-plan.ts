/**
 * Planning of the aggregates that read time windows: churn, retention,
 * net_revenue_retention, expansion (the period and the one before), conversion
 * and median_days_to (a first step in the period, a second in a window after
 * it), and daily_avg (the days of the period). Each is attached to the feeds
 * it reads; what the plan keeps of it is what gives its value.
 */
import { PERIOD_OVER_PERIOD_FUNCTIONS, STEP_FUNCTIONS, type AggregateCall, type Condition, type StepWindow } from '../formula/ast.js';
import type { Accumulator, Finishing } from './accumulator.js';
import { columnOf, createAccumulator, valueOf } from './accumulators.js';
import { CurrencyTally } from './currencies.js';
import { DailyDistinct, PerDayAverage } from './daily.js';
import { EntityPresence, RevenueRetention } from './period-over-period.js';
import type { SourceFeed } from './source-feed.js';
import { StepJourney, type StepRule } from './steps.js';
import { DAY_MS, HOUR_MS, PeriodDays, type ReportWindows } from './windows.js';

/** A source as an aggregate reads it: its file source's feed, and the wheres of its views and its own. */
export interface FeedRead {
  readonly feed: SourceFeed;
  readonly wheres: readonly Condition[];
  /** The wheres' identity, so identical ones share a filter. */
  readonly key: string;
}

export interface WindowedContext {
  readonly windows: ReportWindows | undefined;
  readonly timezone: string;
  /** How a source (or view) with these extra wheres is read. */
  readonly read: (source: string, where: Condition | undefined) => FeedRead;
  /** `first` must be read before `second` for a conversion to follow its entities exactly. */
  readonly readBefore: (first: SourceFeed, second: SourceFeed) => void;
}

export function isWindowed(call: AggregateCall): boolean {
  const fns: readonly string[] = [...PERIOD_OVER_PERIOD_FUNCTIONS, ...STEP_FUNCTIONS];
  return call.per !== undefined || fns.includes(call.fn);
}

/** Attaches the aggregate's parts to their feeds and returns what gives its value. */
export function planWindowed(call: AggregateCall, from: FeedRead, ctx: WindowedContext): Finishing {
  const windows = ctx.windows;
  if (!windows) throw new Error(`${call.fn}(${call.source}) needs the report period: pass it to createEngine`);
  const { feed } = from;
  const label = `${call.source}.${call.column ?? ''}`;
  if (call.per === 'day') {
    const accumulator = daily(call, feed, new PeriodDays(windows.period), ctx.timezone);
    feed.attach(accumulator, from.wheres, from.key);
    return accumulator;
  }
  switch (call.fn) {
    case 'churn':
    case 'retention': {
      const presence = new EntityPresence(feed.locate(columnOf(call)).index, windows, call.fn, label);
      feed.attachTimed(presence, from.wheres, from.key);
      return presence;
    }
    case 'net_revenue_retention':
    case 'expansion': {
      const revenue = revenueOf(call, call.fn, feed, windows);
      feed.attachTimed(revenue, from.wheres, from.key);
      return revenue;
    }
    case 'conversion':
    case 'median_days_to':
      return journeyOf(call, call.fn, from, ctx, windows);
    default:
      throw new Error(`${call.fn} reads no window`);
  }
}

function daily(call: AggregateCall, feed: SourceFeed, days: PeriodDays, timezone: string): Accumulator {
  if (call.fn === 'count_distinct') return new DailyDistinct(feed.locate(columnOf(call)).index, feed.timeColumn(), days);
  return new PerDayAverage(createAccumulator(call, feed.locate, timezone), days);
}

function revenueOf(call: AggregateCall, fn: 'net_revenue_retention' | 'expansion', feed: SourceFeed, windows: ReportWindows): RevenueRetention {
  if (call.by === undefined) throw new Error(`${fn} has no by column`);
  const { read, label } = valueOf(call, feed.locate);
  const amount = call.value ? undefined : feed.locate(columnOf(call));
  const tally = amount?.currency && new CurrencyTally(amount.index, amount.currency, 'sum', `${fn}(${label} by ${call.by})`);
  return new RevenueRetention(read, feed.locate(call.by).index, windows, fn, label, tally);
}

function journeyOf(call: AggregateCall, fn: 'conversion' | 'median_days_to', from: FeedRead, ctx: WindowedContext, windows: ReportWindows): StepJourney {
  const then = call.then;
  if (!then) throw new Error(`${fn} has no second step`);
  const to = ctx.read(then.source, then.where);
  const columns = { first: from.feed.locate(columnOf(call)).index, second: to.feed.locate(then.column).index };
  const labels = { first: `${call.source}.${call.column ?? ''}`, second: `${then.source}.${then.column}` };
  const journey = new StepJourney(columns, windows, ruleOf(call.window), fn, labels);
  from.feed.attachTimed(journey.firstStep, from.wheres, from.key);
  to.feed.attachTimed(journey.secondStep, to.wheres, to.key);
  if (to.feed !== from.feed) ctx.readBefore(from.feed, to.feed);
  return journey;
}

function ruleOf(window: StepWindow | undefined): StepRule {
  if (!window) return { kind: 'any' };
  return { kind: window.kind, ms: window.amount * (window.unit === 'days' ? DAY_MS : HOUR_MS) };
}
