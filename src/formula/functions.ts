/**
 * The formula language's functions, described once: the parsers decide from
 * this table what each function takes, the loader and the engine read the
 * survey defaults from it, and `journey-kpi kpis` prints it, so the listing
 * cannot drift from the language.
 */
import type { AggregateFn, AnswerScale, BucketFn, RowFn } from './ast.js';

/** What goes before the first comma or `where`. */
export type FunctionInput =
  /** count: a source. */
  | 'rows'
  /** One column of a source: count_distinct and the survey scores. */
  | 'column'
  /** A column, or arithmetic and row functions over one source's columns. */
  | 'expression'
  /** days_between, hours_between: two datetime or date columns of the same row. */
  | 'two-times'
  /** net_revenue_retention, expansion: an amount, `by` the column naming whose it is. */
  | 'amount-by'
  /** conversion, median_days_to: a first step `->` a second, optionally within or after a time. */
  | 'steps'
  /** daily_avg: another aggregate, computed per day. */
  | 'aggregate';

export type SurveyOption = 'scale' | 'satisfied' | 'promoters' | 'detractors';

export interface FunctionInfo {
  readonly name: AggregateFn | RowFn | BucketFn;
  readonly input: FunctionInput;
  readonly usage: string;
  readonly description: string;
  readonly example: string;
  /** Named options after the column, `scale 1..5`, and their defaults. */
  readonly options?: readonly SurveyOption[];
  /** The value is a fraction of a whole (a share, a ratio of amounts), shown as a percent. */
  readonly share?: true;
}

/** Defaults of the survey scores: the usual scales and cut-offs. */
export const SURVEY_DEFAULTS = {
  nps: { scale: { min: 0, max: 10 }, promoters: 9, detractors: 6 },
  csat: { scale: { min: 1, max: 5 }, satisfied: 4 },
  ces: { scale: { min: 1, max: 7 } },
} as const satisfies Record<string, { readonly scale: AnswerScale; readonly [cutOff: string]: unknown }>;
export type SurveyFn = keyof typeof SURVEY_DEFAULTS;

export function isSurveyFn(fn: string): fn is SurveyFn {
  return Object.hasOwn(SURVEY_DEFAULTS, fn);
}

export const FUNCTIONS: readonly FunctionInfo[] = [
  { name: 'count', input: 'rows', usage: 'count(src [where c])', description: 'rows', example: "count(tickets where priority = 'high')" },
  {
    name: 'count_distinct',
    input: 'column',
    usage: 'count_distinct(src.col [where c] [having h])',
    description: 'distinct non-null values of one column',
    example: 'count_distinct(orders.customer_id having count() >= 2)',
  },
  { name: 'sum', input: 'expression', usage: 'sum(src.x [where c])', description: 'sum (0 when no row matches; no value when rows match but none has a value)', example: 'sum(orders.price * orders.quantity)' },
  { name: 'avg', input: 'expression', usage: 'avg(src.x [where c])', description: 'mean of the non-null values', example: "avg(deals.amount / 1000 where stage = 'won')" },
  { name: 'min', input: 'expression', usage: 'min(src.x [where c])', description: 'smallest value (of a datetime or date column only inside having)', example: 'min(orders.total)' },
  { name: 'max', input: 'expression', usage: 'max(src.x [where c])', description: 'largest value (of a datetime or date column only inside having)', example: 'max(orders.total)' },
  {
    name: 'median',
    input: 'expression',
    usage: 'median(src.x [where c])',
    description: 'the 50th percentile',
    example: "median(days_between(deals.created_at, deals.closed_at) where stage = 'won')",
  },
  {
    name: 'percentile',
    input: 'expression',
    usage: 'percentile(src.x, p [where c])',
    description: 'continuous percentile, p from 0 to 1, interpolated between the closest ranks',
    example: 'percentile(tickets.handle_time, 0.9)',
  },
  {
    name: 'nps',
    input: 'column',
    usage: 'nps(src.col [, promoters >= 9, detractors <= 6, scale 0..10] [where c])',
    description: 'Net Promoter Score: % promoters minus % detractors, -100 to 100',
    example: 'nps(survey.recommend)',
    options: ['promoters', 'detractors', 'scale'],
  },
  {
    name: 'csat',
    share: true,
    input: 'column',
    usage: 'csat(src.col [, satisfied >= 4, scale 1..5] [where c])',
    description: 'share of answers at or above the satisfied cut-off, a fraction',
    example: 'csat(survey.satisfaction, satisfied >= 4, scale 1..5)',
    options: ['satisfied', 'scale'],
  },
  {
    name: 'ces',
    input: 'column',
    usage: 'ces(src.col [, scale 1..7] [where c])',
    description: 'Customer Effort Score: mean answer on the scale (CES 2.0: 7 = very easy)',
    example: 'ces(survey.effort)',
    options: ['scale'],
  },
  {
    name: 'churn',
    share: true,
    input: 'column',
    usage: 'churn(src.col [where c])',
    description: 'share of the values with a row in the previous period that have none in this one',
    example: 'churn(subscriptions.account_id)',
  },
  {
    name: 'retention',
    share: true,
    input: 'column',
    usage: 'retention(src.col [where c])',
    description: 'share of the values with a row in the previous period that have one in this one too (1 - churn)',
    example: "retention(events.user_id where name = 'login')",
  },
  {
    name: 'net_revenue_retention',
    share: true,
    input: 'amount-by',
    usage: 'net_revenue_retention(src.x by col [where c])',
    description: "this period's amounts of the values that had amounts in the previous period / their previous amounts",
    example: 'net_revenue_retention(payments.amount by account_id)',
  },
  {
    name: 'expansion',
    share: true,
    input: 'amount-by',
    usage: 'expansion(src.x by col [where c])',
    description: 'growth of the values that had amounts in the previous period and more in this one / all previous amounts',
    example: 'expansion(payments.amount by account_id)',
  },
  {
    name: 'conversion',
    share: true,
    input: 'steps',
    usage: 'conversion(src.col [where c] -> src2.col [where c] [within|after N days|hours])',
    description: 'share of the values with a first step in the period whose second step follows in the window',
    example: "conversion(signups.user_id -> events.user_id where name = 'key_action' within 7 days)",
  },
  {
    name: 'median_days_to',
    input: 'steps',
    usage: 'median_days_to(src.col [where c] -> src2.col [where c] [within N days|hours])',
    description: 'median days from the first step in the period to the first second step after it',
    example: "median_days_to(signups.user_id -> events.user_id where name = 'key_action')",
  },
  {
    name: 'daily_avg',
    input: 'aggregate',
    usage: 'daily_avg(count_distinct(src.col …) | count(src …) | sum(src.x …))',
    description: 'the aggregate per day of the period (in the framework timezone), averaged over its days',
    example: 'daily_avg(count_distinct(app.user_id)) / count_distinct(app.user_id)',
  },
  {
    name: 'days_between',
    input: 'two-times',
    usage: 'days_between(a, b)',
    description: 'elapsed days from a to b in one row, fractional, negative when b is earlier',
    example: 'avg(days_between(deals.created_at, deals.closed_at))',
  },
  {
    name: 'hours_between',
    input: 'two-times',
    usage: 'hours_between(a, b)',
    description: 'elapsed hours from a to b in one row, fractional, negative when b is earlier',
    example: 'count(tickets where hours_between(created_at, first_response_at) <= 4)',
  },
];

const BY_NAME: ReadonlyMap<string, FunctionInfo> = new Map(FUNCTIONS.map((info) => [info.name, info]));

/** The function a name (any case) calls, if any. */
export function functionNamed(name: string): FunctionInfo | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export function functionNames(input?: (input: FunctionInput) => boolean): string[] {
  return FUNCTIONS.filter((info) => input === undefined || input(info.input)).map((info) => info.name);
}
