/** The CI verdict: one line saying pass or fail, then each KPI that failed or warned, and why. */
import type { ChalkInstance } from 'chalk';
import type { KpiResult, Report } from '../core/report.js';
import { gateOutcome, notMet, type GateResult } from '../evaluate/gate.js';
import { kpiRef } from './cells.js';
import { palette, STATUS_LABELS, type RenderOptions } from './style.js';
import { printable } from './text.js';

/** The verdict, then each gated KPI that is not met: the failing ones, then those whose status or level does not fail. */
export function renderCheck(report: Report, gate: GateResult, options: RenderOptions): string {
  const chalk = palette(options);
  const lines = notMet(report, gate).map((kpi) =>
    gateOutcome(gate, kpi) === 'failed' ? kpiLine('✗', kpi, chalk.red) : kpiLine('!', kpi, chalk.yellow, ` (${passingNote(kpi)})`),
  );
  return `${[verdictLine(report, gate, chalk), ...lines].join('\n')}\n`;
}

/** Why a KPI that is not met passes the gate: its level, or a status --fail-on leaves out. */
export function passingNote(kpi: KpiResult): string {
  return kpi.level === 'warn' ? 'level warn: does not fail' : 'does not fail';
}

/** `✗ FAIL  2 of 13 KPIs failed  Tiny Shop, 2026-07 (2026-07-01 to 2026-07-31)`. */
export function verdictLine(report: Report, gate: GateResult, chalk: ChalkInstance): string {
  const line = `${verdict(gate)}  ${printable(runContext(report))}`;
  return gate.passed ? chalk.green(line) : chalk.red(line);
}

/** `✗ FAIL  2 of 13 KPIs failed`, `✓ PASS  13 KPIs checked: none failed`, or `✓ PASS  nothing checked (--fail-on none)`. */
export function verdict(gate: GateResult): string {
  if (!gate.passed) return `✗ FAIL  ${gate.failures.length} of ${gate.checked} KPIs failed`;
  if (gate.failOn.length === 0) return '✓ PASS  nothing checked (--fail-on none)';
  return `✓ PASS  ${gate.checked} KPI${gate.checked === 1 ? '' : 's'} checked: none failed`;
}

/** `Tiny Shop, 2026-07 (2026-07-01 to 2026-07-31)`. */
export function runContext(report: Report): string {
  return `${report.journey}, ${report.period.label} (${report.period.firstDay} to ${report.period.lastDay})`;
}

function kpiLine(mark: string, kpi: KpiResult, colour: ChalkInstance, suffix = ''): string {
  const status = STATUS_LABELS[kpi.status].padEnd(7);
  return `  ${colour(`${mark} ${status}`)}  ${kpiRef(kpi)}  ${printable(`${kpi.name}: ${kpi.reason}`)}${suffix}`;
}
