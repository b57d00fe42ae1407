/**
 * Conditions (view wheres, aggregate wheres and havings) must read declared
 * columns and compare each with a literal of a fitting kind: the engine never
 * guesses that '42' meant 42.
 */
import type { ColumnDef, ColumnType, FileSourceDef } from '../../core/framework.js';
import { didYouMean } from '../../core/suggest.js';
import type { Condition, Literal, Operand, Span } from '../../formula/ast.js';
import { DATE_LITERAL_HINT, parseDateLiteral } from '../../formula/date-literal.js';
import { columnsOf, comparisonsOf, type Comparison } from '../../formula/references.js';
import { checkRowTypes } from './check-row-values.js';
import { requireColumnType } from './column-types.js';
import { reportInFormula, type FormulaText, type LoadContext } from './context.js';

interface LiteralRule {
  readonly accepts: (literal: Exclude<Literal, null>) => boolean;
  readonly advice: string;
}

const NUMBER: LiteralRule = { accepts: (literal) => typeof literal === 'number', advice: 'write a number without quotes' };

/** Which literals each column type may be compared with. */
const LITERAL_RULES = {
  string: { accepts: (literal) => typeof literal === 'string', advice: "quote the value, e.g. '42'" },
  number: NUMBER,
  integer: NUMBER,
  money: NUMBER,
  percent: { ...NUMBER, advice: 'write the fraction without quotes (0.25 for 25%)' },
  duration: { ...NUMBER, advice: 'write the number of seconds without quotes' },
  boolean: { accepts: (literal) => typeof literal === 'boolean', advice: 'write true or false without quotes' },
  datetime: { accepts: isDateOrNumber, advice: DATE_LITERAL_HINT },
  date: { accepts: isDateOrNumber, advice: DATE_LITERAL_HINT },
} as const satisfies Record<ColumnType, LiteralRule>;

function isDateOrNumber(literal: Exclude<Literal, null>): boolean {
  // The zone does not matter here: only whether the text names a date at all.
  return typeof literal === 'number' || (typeof literal === 'string' && parseDateLiteral(literal, 'UTC') !== null);
}

/** `source` is the name as written (a view or file source); `root` the file source whose columns it has. */
export function checkCondition(ctx: LoadContext, condition: Condition, source: string, root: FileSourceDef, written: FormulaText): void {
  const known = new Map(root.columns.map((column) => [column.name, column]));
  for (const { name, span } of columnsOf(condition)) {
    if (!known.has(name)) reportUnknownColumn(ctx, name, source, root, written, span);
  }
  for (const leaf of comparisonsOf(condition)) {
    if (leaf.kind === 'compare') {
      checkLiteral(ctx, leaf.left, leaf.right, known, written);
      checkLiteral(ctx, leaf.right, leaf.left, known, written);
    }
    if (leaf.kind === 'in') {
      for (const value of leaf.values) checkLiteral(ctx, leaf.operand, { kind: 'literal', value, span: leaf.span }, known, written);
    }
    for (const operand of operandsOf(leaf)) {
      if (operand.kind === 'computed') checkRowTypes(ctx, operand.expr, root, written);
      if (operand.kind !== 'group' || operand.column === undefined) continue;
      const column = known.get(operand.column);
      if (column) requireColumnType(ctx, operand.fn, column, source, written, operand.span);
    }
  }
  for (const leaf of requiredLeavesOf(condition)) checkCanMatch(ctx, leaf, known, written);
}

/**
 * A comparison that every row must pass (one not under `or` or `not`) and
 * that no cell can pass makes the whole condition false for every row: a
 * typo against the column's enum, or case its `lowercase` (or a currency
 * column's upper-casing) takes away. A
 * defensive `or` branch or list value that cannot match is left alone.
 */
function checkCanMatch(ctx: LoadContext, leaf: Comparison, known: ReadonlyMap<string, ColumnDef>, written: FormulaText): void {
  const equalsLiteral = leaf.kind === 'compare' && leaf.op === '=';
  const inList = leaf.kind === 'in' && !leaf.negated;
  if (!equalsLiteral && !inList) return;
  const [operand, values, span] =
    leaf.kind === 'compare'
      ? leaf.left.kind === 'column'
        ? [leaf.left, [literalOf(leaf.right)], leaf.right.span]
        : [leaf.right, [literalOf(leaf.left)], leaf.left.span]
      : [leaf.operand, leaf.values, leaf.span];
  const column = operand.kind === 'column' ? known.get(operand.name) : undefined;
  if (!column) return;
  const amount = [...known.values()].find((candidate) => candidate.currencyColumn === column.name);
  const reasons = values.map((value) => (value === undefined || value === null ? undefined : impossibleValue(column, value, amount)));
  if (reasons.length === 0 || reasons.some((reason) => reason === undefined)) return;
  reportInFormula(ctx, 'framework/never-matches', `no row can pass this condition: ${reasons.join('; ')}`, written, span);
}

function literalOf(operand: Operand): Literal | undefined {
  return operand.kind === 'literal' ? operand.value : undefined;
}

export function reportUnknownColumn(ctx: LoadContext, name: string, source: string, root: FileSourceDef, written: FormulaText, span: Span): void {
  const names = root.columns.map((column) => column.name);
  const hint = didYouMean(name, names) || (names.length > 0 ? ` Its columns: ${names.join(', ')}.` : '');
  const via = root.name === source ? '' : ` (a view has the columns of '${root.name}')`;
  const message = `source '${source}'${via} has no column '${name}'.${hint} Declare it under sources.${root.name}.columns`;
  reportInFormula(ctx, 'framework/unknown-column', message, written, span);
}

function checkLiteral(ctx: LoadContext, side: Operand, other: Operand, known: ReadonlyMap<string, ColumnDef>, written: FormulaText): void {
  if (other.kind !== 'literal' || other.value === null) return;
  if (side.kind === 'computed' && typeof other.value !== 'number') {
    const shown = written.text.slice(side.span.start, side.span.end);
    reportInFormula(ctx, 'framework/type', `${shown} is a number, but is compared with ${shownLiteral(other.value)}: write a number without quotes`, written, other.span);
  }
  const column = side.kind === 'column' ? known.get(side.name) : undefined;
  if (!column) return;
  const rule: LiteralRule = LITERAL_RULES[column.type];
  if (rule.accepts(other.value)) return;
  reportInFormula(ctx, 'framework/type', `'${column.name}' is a ${column.type} column, but is compared with ${shownLiteral(other.value)}: ${rule.advice}`, written, other.span);
}

function shownLiteral(value: Exclude<Literal, null>): string {
  return typeof value === 'string' ? `the text '${value}'` : `the ${typeof value} ${String(value)}`;
}

/** Why no cell of the column can equal the value (outside its enum, case it lower-cases away or a currency code never has), if none can. */
function impossibleValue(column: ColumnDef, value: Exclude<Literal, null>, amount?: ColumnDef): string | undefined {
  if (typeof value === 'string' && amount && value !== value.trim().toUpperCase()) {
    return `'${column.name}' is the currency_column of '${amount.name}', read as upper-case codes, so it never holds '${value}' (write '${value.trim().toUpperCase()}')`;
  }
  if (typeof value === 'string' && column.lowercase && value !== value.toLowerCase()) {
    return `'${column.name}' is read lower-cased (lowercase: true), so it never holds '${value}' (write '${value.toLowerCase()}')`;
  }
  if (typeof value === 'string' && column.trim && value !== value.trim()) {
    return `'${column.name}' is read trimmed (trim: true), so it never holds '${value}' (write '${value.trim()}')`;
  }
  if (column.enum === undefined || column.enum.includes(value as string | number)) return undefined;
  const allowed = column.enum.map((item) => (typeof item === 'string' ? `'${item}'` : String(item)));
  const hint = typeof value === 'string' ? didYouMean(value, column.enum.map(String)) : '';
  return `'${String(value)}' is not one of the values of '${column.name}' (${allowed.join(', ')}).${hint}`;
}

/** The comparisons every passing row must satisfy: the leaves joined by `and` alone. */
function requiredLeavesOf(condition: Condition): Comparison[] {
  switch (condition.kind) {
    case 'and':
      return [...requiredLeavesOf(condition.left), ...requiredLeavesOf(condition.right)];
    case 'or':
    case 'not':
      return [];
    default:
      return [condition];
  }
}

function operandsOf(leaf: Comparison): Operand[] {
  return leaf.kind === 'compare' ? [leaf.left, leaf.right] : [leaf.operand];
}
