/**
 * A summary for a pull-request comment or $GITHUB_STEP_SUMMARY: a verdict
 * line, the run's context, then one table with the failing KPIs first.
 * Without a gate (report --format markdown), the heading is the journey and
 * the KPIs keep framework order.
 */
import type { KpiResult, Report } from '../core/report.js';
import { failuresFirst, gateOutcome, type GateOutcome, type GateResult } from '../evaluate/gate.js';
import { changeText, kpiRef, storedRunLine, targetText, valueText } from './cells.js';
import { runContext, verdict } from './check.js';
import { palette, statusBadge } from './style.js';
import { summaryLine } from './summary.js';
import { printable } from './text.js';

const PLAIN = palette({ color: false });
const HEAD = ['KPI', 'Value', 'Target', 'Baseline', 'vs baseline', 'Status', 'Why'];
const ALIGN = [':--', '--:', '--:', '--:', '--:', ':--', ':--'];
const CHECK_CELLS: Record<GateOutcome, string> = { failed: '**✗ fails**', warned: '! warns (level warn)', passed: '✓ passes', off: 'not checked' };

export function renderMarkdown(report: Report, gate?: GateResult): string {
  const heading = gate === undefined ? `### ${markdownText(report.journey)}` : `### ${verdict(gate).replace('  ', ' ')}`;
  const stored = storedRunLine(report);
  const context = [markdownText(runContext(report)), ...(stored === null ? [] : [markdownText(stored)]), ...(gate ? [`fails on: ${failOnText(gate)}`] : []), summaryLine(report, PLAIN)];
  const kpis = gate === undefined ? report.stages.flatMap((stage) => stage.kpis) : failuresFirst(report, gate);
  const rows = kpis.map((kpi) => [...(gate ? [checkCell(gate, kpi)] : []), ...cells(kpi, report.currency)]);
  const table = [gate ? ['Check', ...HEAD] : HEAD, gate ? [':--', ...ALIGN] : ALIGN, ...rows].map((row) => `| ${row.join(' | ')} |`);
  return [heading, '', context.join(' · '), '', ...table, ''].join('\n');
}

function cells(kpi: KpiResult, currency: string | null): string[] {
  const others = [
    valueText(kpi, kpi.value, currency),
    targetText(kpi, currency),
    valueText(kpi, kpi.baseline, currency),
    changeText(kpi, currency),
    statusBadge(kpi.status, PLAIN),
    kpi.status === 'met' ? '' : kpi.reason,
  ];
  return [`${markdownText(kpi.name)} \`${kpiRef(kpi)}\``, ...others.map(markdownText)];
}

/** With `--fail-on none` nothing is gated: a missed KPI did not pass, it was not checked. */
function checkCell(gate: GateResult, kpi: KpiResult): string {
  return CHECK_CELLS[gate.failOn.length === 0 ? 'off' : gateOutcome(gate, kpi)];
}

function failOnText(gate: GateResult): string {
  return gate.failOn.length === 0 ? 'none (report only)' : gate.failOn.join(', ');
}

/**
 * User text inside a table cell: control characters (line breaks too) as
 * `\uXXXX`, and every character Markdown gives meaning to escaped with a
 * backslash (CommonMark allows it before any ASCII punctuation), so a name
 * such as `a|b` or `` `x` `` stays text and stays in its cell.
 */
export function markdownText(text: string): string {
  return printable(text).replace(/[\\`*_[\]<>|&$~]/g, (char) => `\\${char}`);
}
