/**
 * Conditions compiled once into closures, then run per row (or per group for
 * having). SQL's three-valued logic: a comparison with null is unknown (null),
 * `not unknown` is unknown, and a where keeps a row only when its condition
 * is true. `col = null` is therefore never true: `is null` is the test.
 */
import type { Value } from '../core/values.js';
import type { CompareOp, Condition, Literal, Operand } from '../formula/ast.js';
import { DATE_LITERAL_HINT, parseDateLiteral } from '../formula/date-literal.js';

export type Truth = boolean | null;
export type Test<T> = (input: T) => Truth;

/** How to read a column or group operand from an input, and whether it holds epoch ms. */
export interface OperandReader<T> {
  readonly read: (input: T) => Value;
  readonly temporal: boolean;
}
export type ResolveOperand<T> = (operand: Exclude<Operand, { kind: 'literal' }>) => OperandReader<T>;

type Order = (a: number, b: number) => boolean;
const ORDERS: Record<CompareOp, Order> = {
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

export function compileCondition<T>(condition: Condition, resolve: ResolveOperand<T>, timezone: string): Test<T> {
  const compile = (inner: Condition) => compileCondition(inner, resolve, timezone);
  switch (condition.kind) {
    case 'and':
      return both(compile(condition.left), compile(condition.right));
    case 'or':
      return either(compile(condition.left), compile(condition.right));
    case 'not': {
      const operand = compile(condition.operand);
      return (input) => negate(operand(input));
    }
    case 'is_null': {
      const { read } = reader(condition.operand, resolve, false, timezone);
      return (input) => (read(input) === null) !== condition.negated;
    }
    case 'in':
      return membership(reader(condition.operand, resolve, false, timezone), condition.values, condition.negated, timezone);
    case 'compare':
      return comparison(condition, resolve, timezone);
  }
}

function both<T>(left: Test<T>, right: Test<T>): Test<T> {
  return (input) => {
    const l = left(input);
    if (l === false) return false;
    const r = right(input);
    if (r === false) return false;
    return l === null || r === null ? null : true;
  };
}

function either<T>(left: Test<T>, right: Test<T>): Test<T> {
  return (input) => {
    const l = left(input);
    if (l === true) return true;
    const r = right(input);
    if (r === true) return true;
    return l === null || r === null ? null : false;
  };
}

function negate(truth: Truth): Truth {
  return truth === null ? null : !truth;
}

function comparison<T>(condition: Extract<Condition, { kind: 'compare' }>, resolve: ResolveOperand<T>, timezone: string): Test<T> {
  const resolved = (operand: Operand) => (operand.kind === 'literal' ? undefined : resolve(operand));
  const leftColumn = resolved(condition.left);
  const rightColumn = resolved(condition.right);
  const left = (leftColumn ?? reader(condition.left, resolve, rightColumn?.temporal ?? false, timezone)).read;
  const right = (rightColumn ?? reader(condition.right, resolve, leftColumn?.temporal ?? false, timezone)).read;
  const order = ORDERS[condition.op];
  const op = condition.op;
  return (input) => {
    const a = left(input);
    const b = right(input);
    if (a === null || b === null) return null;
    // Values of different types are never equal ('1' is not 1) and have no order.
    if (typeof a !== typeof b) return op === '=' ? false : op === '!=' ? true : null;
    // Same-typed strings and booleans order as JavaScript does (code units; false < true).
    return order(a as number, b as number);
  };
}

function membership<T>(operand: OperandReader<T>, values: readonly Literal[], negated: boolean, timezone: string): Test<T> {
  const listed = new Set(values.filter((v) => v !== null).map((v) => (operand.temporal ? asEpoch(v, timezone) : v)));
  // SQL: `x in (1, null)` is unknown, not false, when x is not 1.
  const hasNull = values.includes(null);
  return (input) => {
    const value = operand.read(input);
    if (value === null) return null;
    if (listed.has(value)) return !negated;
    return hasNull ? null : negated;
  };
}

/** A literal facing a datetime/date operand is read as a date in the framework's zone. */
function reader<T>(operand: Operand, resolve: ResolveOperand<T>, facesTemporal: boolean, timezone: string): OperandReader<T> {
  if (operand.kind !== 'literal') return resolve(operand);
  const value = facesTemporal ? asEpoch(operand.value, timezone) : operand.value;
  return { read: () => value, temporal: false };
}

function asEpoch(value: Literal, timezone: string): Value {
  if (typeof value !== 'string') return value;
  const epoch = parseDateLiteral(value, timezone);
  if (epoch === null) throw new Error(`'${value}' is compared with a date column but is not a date: ${DATE_LITERAL_HINT}`);
  return epoch;
}
