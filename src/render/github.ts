/**
 * GitHub Actions workflow commands: an `::error` annotation on the framework
 * file's line of each KPI that fails the gate, a `::warning` for each other
 * checked KPI that is not met (level warn, or a status --fail-on leaves out),
 * then the plain verdict line. Escaping follows GitHub's toolkit: in the
 * message % \r \n; in properties also : and ,.
 */
import type { KpiResult, Report } from '../core/report.js';
import { gateOutcome, notMet, type GateResult } from '../evaluate/gate.js';
import { kpiRef } from './cells.js';
import { passingNote, verdictLine } from './check.js';
import { factsText } from './kpi-facts.js';
import { palette, STATUS_LABELS } from './style.js';
import { printable } from './text.js';

const PLAIN = palette({ color: false });

export function renderGithub(report: Report, gate: GateResult): string {
  const lines = notMet(report, gate).map((kpi) => annotation(kpi, report, gateOutcome(gate, kpi) === 'failed'));
  return [...lines, verdictLine(report, gate, PLAIN), ''].join('\n');
}

function annotation(kpi: KpiResult, report: Report, failed: boolean): string {
  const note = failed ? '' : ` (${passingNote(kpi)})`;
  const properties = [
    ['file', report.framework],
    ...(kpi.line === null ? [] : [['line', String(kpi.line)]]),
    ...(kpi.line === null || kpi.column === null ? [] : [['col', String(kpi.column)]]),
    ['title', `KPI ${kpiRef(kpi)} ${STATUS_LABELS[kpi.status]}${note}`],
  ];
  const message = `${printable(kpi.name)}: ${printable(kpi.reason)} (${factsText(kpi, report.currency)})`;
  const written = properties.map(([key, value]) => `${key}=${escapeProperty(value ?? '')}`).join(',');
  return `::${failed ? 'error' : 'warning'} ${written}::${escapeData(message)}`;
}

function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
