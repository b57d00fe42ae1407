/** The formula language's functions for `journey-kpi kpis`: plain text for people, JSON for tools. */
import type { FunctionInfo } from '../formula/functions.js';

const INDENT = '  ';

/** Per function: its usage, what it gives and an example under it, grouped as aggregates and row functions. */
export function renderFunctionsText(functions: readonly FunctionInfo[]): string {
  const block = (info: FunctionInfo) => `${INDENT}${info.usage}\n${INDENT.repeat(3)}${info.description}\n${INDENT.repeat(3)}e.g. ${info.example}`;
  const aggregates = functions.filter((info) => !isRowFunction(info)).map(block);
  const rowFunctions = functions.filter(isRowFunction).map(block);
  return [
    'Aggregates: over the rows of one source (or view) that pass the where',
    ...aggregates,
    '',
    'Row functions: one row\'s values, inside sum, avg, min, max, median, percentile and in a where',
    ...rowFunctions,
    '',
    'Inside sum, avg, min, max, median and percentile, + - * / and ( ) combine one source\'s number columns;',
    'a row whose value is null or divides by zero is skipped, as a null cell is.',
    '',
  ].join('\n');
}

export function renderFunctionsJson(functions: readonly FunctionInfo[]): string {
  const listed = functions.map((info) => ({
    name: info.name,
    kind: isRowFunction(info) ? 'row' : 'aggregate',
    takes: info.input,
    usage: info.usage,
    description: info.description,
    example: info.example,
    ...(info.options && { options: info.options }),
  }));
  return `${JSON.stringify({ functions: listed }, null, 2)}\n`;
}

function isRowFunction(info: FunctionInfo): boolean {
  return info.input === 'two-times';
}
