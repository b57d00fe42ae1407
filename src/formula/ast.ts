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
] as const;
export type AggregateFn = (typeof AGGREGATE_FUNCTIONS)[number];

/** Aggregates allowed inside `having`, computed over one distinct value's rows. */
export const GROUP_FUNCTIONS = ['count', 'sum', 'avg', 'min', 'max'] as const;
export type GroupFn = (typeof GROUP_FUNCTIONS)[number];

export type Literal = string | number | boolean | null;

export type Operand =
  | { readonly kind: 'column'; readonly name: string; readonly span: Span }
  | { readonly kind: 'literal'; readonly value: Literal; readonly span: Span }
  /** Only inside `having`: `count()`, `sum(amount)`. */
  | { readonly kind: 'group'; readonly fn: GroupFn; readonly column?: string; readonly span: Span };

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Condition =
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: Operand; readonly right: Operand; readonly span: Span }
  | { readonly kind: 'in'; readonly negated: boolean; readonly operand: Operand; readonly values: readonly Literal[]; readonly span: Span }
  | { readonly kind: 'is_null'; readonly negated: boolean; readonly operand: Operand; readonly span: Span }
  | { readonly kind: 'and' | 'or'; readonly left: Condition; readonly right: Condition; readonly span: Span }
  | { readonly kind: 'not'; readonly operand: Condition; readonly span: Span };

export interface AggregateCall {
  readonly kind: 'aggregate';
  readonly fn: AggregateFn;
  /** A file source or a view, as written. */
  readonly source: string;
  /** Absent only for `count(src)`. */
  readonly column?: string;
  /** percentile's p (0..1) or csat's cut-off. */
  readonly param?: number;
  readonly where?: Condition;
  /** Only for count_distinct. */
  readonly having?: Condition;
  readonly span: Span;
}

export type Expr =
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'kpi'; readonly id: string; readonly span: Span }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/'; readonly left: Expr; readonly right: Expr; readonly span: Span }
  | { readonly kind: 'negate'; readonly operand: Expr; readonly span: Span }
  | AggregateCall;
