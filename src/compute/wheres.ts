/** The wheres an aggregate's rows must pass (its own and its views'), compiled into one test of a row. */
import type { Row } from '../core/values.js';
import type { Condition } from '../formula/ast.js';
import { isTemporal, type LocateColumn } from './accumulator.js';
import { compileCondition, type Test } from './condition.js';
import { compileRowExpr } from './row-value.js';

/** null: no where, every row passes. `source` names the source in the message of a planning bug. */
export function compileWheres(wheres: readonly Condition[], locate: LocateColumn, timezone: string, source: string): Test<Row> | null {
  const tests = wheres.map((where) =>
    compileCondition<Row>(where, (operand) => {
      if (operand.kind === 'group') throw new Error(`group aggregate ${operand.fn}() in a where of '${source}'`);
      if (operand.kind === 'computed') return { read: compileRowExpr(operand.expr, locate), temporal: false };
      const { index, type } = locate(operand.name);
      return { read: (row) => row[index] ?? null, temporal: isTemporal(type) };
    }, timezone),
  );
  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0] as Test<Row>;
  // A view's where and the aggregate's where must all be true (and of the lot).
  return (row) => {
    for (let t = 0; t < tests.length; t++) if ((tests[t] as Test<Row>)(row) !== true) return false;
    return true;
  };
}
