/** What a formula points at, for the loader's meaning checks and the engine's planning. */
import type { AggregateCall, Condition, Expr, Operand, RowColumn, RowExpr, Span } from './ast.js';

export interface NameAt {
  readonly name: string;
  readonly span: Span;
}

export function aggregatesOf(expr: Expr): AggregateCall[] {
  switch (expr.kind) {
    case 'aggregate':
      return [expr];
    case 'binary':
      return [...aggregatesOf(expr.left), ...aggregatesOf(expr.right)];
    case 'negate':
      return aggregatesOf(expr.operand);
    case 'number':
    case 'kpi':
      return [];
  }
}

export function kpiReferencesOf(expr: Expr): { id: string; span: Span }[] {
  switch (expr.kind) {
    case 'kpi':
      return [{ id: expr.id, span: expr.span }];
    case 'binary':
      return [...kpiReferencesOf(expr.left), ...kpiReferencesOf(expr.right)];
    case 'negate':
      return kpiReferencesOf(expr.operand);
    case 'number':
    case 'aggregate':
      return [];
  }
}

/** A condition's leaves: the comparisons `and`, `or` and `not` combine. */
export type Comparison = Extract<Condition, { kind: 'compare' | 'in' | 'is_null' }>;

export function comparisonsOf(condition: Condition): Comparison[] {
  switch (condition.kind) {
    case 'and':
    case 'or':
      return [...comparisonsOf(condition.left), ...comparisonsOf(condition.right)];
    case 'not':
      return comparisonsOf(condition.operand);
    default:
      return [condition];
  }
}

/** Columns a condition reads, including those inside having's group aggregates (`sum(total)`). */
export function columnsOf(condition: Condition): NameAt[] {
  return comparisonsOf(condition).flatMap((leaf) =>
    leaf.kind === 'compare' ? [...operandColumns(leaf.left), ...operandColumns(leaf.right)] : operandColumns(leaf.operand),
  );
}

function operandColumns(operand: Operand): NameAt[] {
  if (operand.kind === 'column') return [{ name: operand.name, span: operand.span }];
  if (operand.kind === 'computed') return rowColumnsOf(operand.expr);
  if (operand.kind === 'group' && operand.column !== undefined) return [{ name: operand.column, span: operand.span }];
  return [];
}

/** The columns a row expression reads, in the order written. */
export function rowColumnsOf(expr: RowExpr): RowColumn[] {
  switch (expr.kind) {
    case 'column':
      return [expr];
    case 'binary':
      return [...rowColumnsOf(expr.left), ...rowColumnsOf(expr.right)];
    case 'negate':
      return rowColumnsOf(expr.operand);
    case 'between':
      return [expr.from, expr.to];
    case 'number':
      return [];
  }
}
