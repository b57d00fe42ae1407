/**
 * The formula language's syntax tree. Formulas are parsed once, never
 * evaluated as code: the engine walks these nodes.
 */

/** Offsets into the formula text, 0-based, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export const AGGREGATE_FUNCTIONS = [
  'count',
  'count_distinct',
  'sum',
  'avg',
  'min',
  'max',
  'median',
  'percentile',
  'nps',
  'csat',
  'ces',
  'churn',
  'retention',
  'net_revenue_retention',
  'expansion',
  'conversion',
  'median_days_to',
] as const;
export type AggregateFn = (typeof AGGREGATE_FUNCTIONS)[number];

/** Aggregates that compare the period with the one before it, per entity. */
export const PERIOD_OVER_PERIOD_FUNCTIONS = ['churn', 'retention', 'net_revenue_retention', 'expansion'] as const;
/** Aggregates that follow an entity from a first step to a second one. */
export const STEP_FUNCTIONS = ['conversion', 'median_days_to'] as const;

/** Wrappers that compute an aggregate per day of the period: `daily_avg(count_distinct(app.user_id))`. */
export const BUCKET_FUNCTIONS = ['daily_avg'] as const;
export type BucketFn = (typeof BUCKET_FUNCTIONS)[number];

/** Aggregates allowed inside `having`, computed over one distinct value's rows. */
export const GROUP_FUNCTIONS = ['count', 'sum', 'avg', 'min', 'max'] as const;
export type GroupFn = (typeof GROUP_FUNCTIONS)[number];

/** Functions of one row's values, usable inside an aggregate and in a where. */
export const ROW_FUNCTIONS = ['days_between', 'hours_between'] as const;
export type RowFn = (typeof ROW_FUNCTIONS)[number];

export type Literal = string | number | boolean | null;

/** A column read inside a row expression: `orders.total` in an aggregate (source set), `total` in a where. */
export interface RowColumn {
  readonly kind: 'column';
  readonly source?: string;
  readonly name: string;
  /** The whole reference, `orders.total`; the name is its last characters. */
  readonly span: Span;
}

/**
 * A number computed from one row: `orders.price * orders.quantity`,
 * `days_between(deals.created_at, deals.closed_at)`. Null when an operand is
 * null or a division is by zero, so the row is skipped as a null cell is.
 */
export type RowExpr =
  | RowColumn
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/'; readonly left: RowExpr; readonly right: RowExpr; readonly span: Span }
  | { readonly kind: 'negate'; readonly operand: RowExpr; readonly span: Span }
  | { readonly kind: 'between'; readonly fn: RowFn; readonly from: RowColumn; readonly to: RowColumn; readonly span: Span };

/** The answers a survey question allows, both ends included: `scale 1..5`. */
export interface AnswerScale {
  readonly min: number;
  readonly max: number;
}

export type Operand =
  | { readonly kind: 'column'; readonly name: string; readonly span: Span }
  | { readonly kind: 'literal'; readonly value: Literal; readonly span: Span }
  /** Only inside `having`: `count()`, `sum(amount)`. */
  | { readonly kind: 'group'; readonly fn: GroupFn; readonly column?: string; readonly span: Span }
  /** Only in a where: arithmetic or a row function over the row's columns, `hours_between(created_at, first_response_at)`. */
  | { readonly kind: 'computed'; readonly expr: RowExpr; readonly span: Span };

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Condition =
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: Operand; readonly right: Operand; readonly span: Span }
  | { readonly kind: 'in'; readonly negated: boolean; readonly operand: Operand; readonly values: readonly Literal[]; readonly span: Span }
  | { readonly kind: 'is_null'; readonly negated: boolean; readonly operand: Operand; readonly span: Span }
  | { readonly kind: 'and' | 'or'; readonly left: Condition; readonly right: Condition; readonly span: Span }
  | { readonly kind: 'not'; readonly operand: Condition; readonly span: Span };

/** The second step of a conversion: `events.user_id where name = 'key_action'`. */
export interface Step {
  readonly source: string;
  readonly column: string;
  readonly where?: Condition;
  readonly span: Span;
}

/**
 * When the second step counts, measured from the first: `within 7 days` (at
 * most that long after), `after 7 days` (at least that long after).
 */
export interface StepWindow {
  readonly kind: 'within' | 'after';
  readonly amount: number;
  readonly unit: 'days' | 'hours';
  readonly span: Span;
}

export interface AggregateCall {
  readonly kind: 'aggregate';
  readonly fn: AggregateFn;
  /** A file source or a view, as written. */
  readonly source: string;
  /** Absent for `count(src)` and when `value` is an expression. */
  readonly column?: string;
  /** sum, avg, min, max, median, percentile of an expression over one row's columns (not a lone column). */
  readonly value?: RowExpr;
  /** percentile's p (0..1) or csat's cut-off. */
  readonly param?: number;
  /** nps, csat, ces: the answer scale, when written. */
  readonly scale?: AnswerScale;
  /** nps: the lowest promoter answer and the highest detractor answer, when written. */
  readonly promoters?: number;
  readonly detractors?: number;
  readonly where?: Condition;
  /** Only for count_distinct. */
  readonly having?: Condition;
  /** net_revenue_retention, expansion: the column that names whose amount a row is (`by account_id`). */
  readonly by?: string;
  /** conversion, median_days_to: the second step; source, column and where are the first. */
  readonly then?: Step;
  /** conversion, median_days_to: when the second step counts; absent: any time at or after the first. */
  readonly window?: StepWindow;
  /** Set by daily_avg(…): the aggregate is computed per day of the period and averaged over its days. */
  readonly per?: 'day';
  readonly span: Span;
}

export type Expr =
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'kpi'; readonly id: string; readonly span: Span }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/'; readonly left: Expr; readonly right: Expr; readonly span: Span }
  | { readonly kind: 'negate'; readonly operand: Expr; readonly span: Span }
  | AggregateCall;
