/** A row expression written back as text, for the reasons a value is missing ("no values of orders.price * orders.quantity"). */
import type { RowExpr } from './ast.js';

export function rowExprText(expr: RowExpr): string {
  switch (expr.kind) {
    case 'number':
      return String(expr.value);
    case 'column':
      return expr.source === undefined ? expr.name : `${expr.source}.${expr.name}`;
    case 'negate':
      return `-${grouped(expr.operand)}`;
    case 'binary':
      return `${grouped(expr.left)} ${expr.op} ${grouped(expr.right)}`;
    case 'between':
      return `${expr.fn}(${rowExprText(expr.from)}, ${rowExprText(expr.to)})`;
  }
}

function grouped(expr: RowExpr): string {
  return expr.kind === 'binary' ? `(${rowExprText(expr)})` : rowExprText(expr);
}
