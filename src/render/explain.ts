/** journey-kpi explain for an analyst at a terminal: one KPI's formula, the numbers behind it, its sources and rows, its status. */
import type { ChalkInstance } from 'chalk';
import type { Explanation, FormulaTerm, SourceTrail } from '../core/explanation.js';
import { formatValue } from '../core/format.js';
import { rows } from './counts.js';
import { renderDiagnostics } from './diagnostics.js';
import { statusBlock } from './explain-status.js';
import { palette, type RenderOptions } from './style.js';
import { periodText, sourceLine } from './table.js';
import { printable } from './text.js';

export function renderExplain(explanation: Explanation, options: RenderOptions): string {
  const chalk = palette(options);
  const blocks = [
    heading(explanation, chalk),
    formulaBlock(explanation, chalk),
    sourcesBlock(explanation, chalk),
    dataBlock(explanation, chalk, options),
    statusBlock(explanation, chalk),
  ];
  return `${blocks.join('\n\n')}\n`;
}

function heading({ kpi, stageName, journey, period }: Explanation, chalk: ChalkInstance): string {
  return [chalk.bold(printable(`${kpi.name} (${kpi.id}), stage ${stageName}`)), printable(`${journey}, period ${periodText(period)}`)].join('\n');
}

/**
 * The formula as written, each term on its own line with its value and rows,
 * then the terms' values put in the formula:
 *   A = count_distinct(traffic.session_id)  5  (12 rows)
 *   A / B = 1 / 5 = 20.00%, from 12 rows
 */
function formulaBlock(explanation: Explanation, chalk: ChalkInstance): string {
  const { terms } = explanation;
  const named = terms.map((term) => `${term.label} = ${term.kind === 'kpi' ? `KPI ${term.name}` : term.text}`);
  const width = Math.max(0, ...named.map((text) => text.length));
  const shown = terms.map((term) => termValue(term, explanation.currency));
  const valueWidth = Math.max(0, ...terms.map((term, index) => (term.value === null ? 0 : (shown[index] ?? '').length)));
  const lines = terms.map((term, index) => {
    const value = term.value === null ? `no value: ${term.reason}` : `${(shown[index] ?? '').padStart(valueWidth)}  (${rows(term.sample ?? 0)})`;
    return `  ${(named[index] ?? '').padEnd(width)}  ${value}`;
  });
  return [chalk.bold('Formula'), ...[`  ${explanation.formula}`, ...lines, `  ${resultLine(explanation, shown)}`].map((line) => printable(line))].join('\n');
}

function termValue(term: FormulaTerm, currency: string | null): string {
  return term.value === null ? '—' : formatValue(term.value, term.unit, term.currency ?? currency);
}

/** `A / B = 1 / 5 = 20.00%, from 12 rows`, or why there is no value. */
function resultLine({ outline, terms, kpi, currency }: Explanation, shown: readonly string[]): string {
  const values = new Map(terms.map((term, index) => [term.label, shown[index] ?? '—']));
  const substituted = outline.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (name) => values.get(name) ?? name);
  const from = kpi.sample === null ? '' : `, from ${rows(kpi.sample)}`;
  if (kpi.value === null) return `${outline} = ${substituted} → no value: ${kpi.reason}`;
  return `${outline} = ${substituted} = ${formatValue(kpi.value, kpi.unit, currency)}${from}`;
}

function sourcesBlock({ sources, data }: Explanation, chalk: ChalkInstance): string {
  const width = Math.max(0, ...sources.map((source) => source.name.length));
  const lines = sources.flatMap((source) => {
    const files = data.find((stats) => stats.name === source.name)?.files ?? [];
    const head = `  ${source.name.padEnd(width)}  ${trailText(source)}`;
    return files.length === 0 ? [head] : [head, `  ${''.padEnd(width)}  read from ${files.join(', ')}`];
  });
  return [chalk.bold('Sources'), ...lines.map((line) => printable(line))].join('\n');
}

function trailText(source: SourceTrail): string {
  if (source.kind === 'view') return `view of ${source.from} where ${source.where}`;
  const file = source.override === null ? `file ${source.file}` : `file ${source.override} (--source, instead of ${source.file})`;
  const time = source.time === null ? 'no time column (every row counts)' : `time ${source.time}`;
  const key = source.key === null ? '' : `, key ${source.key.join(' + ')}`;
  return `${file}, ${time}${key}; columns ${source.columnsRead.join(', ')}`;
}

/** Each file source's rows, with the first rejected rows and why. */
function dataBlock({ data }: Explanation, chalk: ChalkInstance, options: RenderOptions): string {
  const lines = data.flatMap((source) => {
    const rejections = renderDiagnostics(source.rejections, options).trimEnd();
    const first = source.rejections.length === 0 ? [] : rejections.split('\n').map((line) => `    ${line}`);
    return [`  ${sourceLine(source, chalk)}`, ...first];
  });
  return [chalk.bold('Data'), ...lines].join('\n');
}
