/** The CI verdict: one line saying pass or fail, then each KPI that failed or warned, and why. */
import type { ChalkInstance } from 'chalk';
import type { KpiResult, Report } from '../core/report.js';
import type { GateResult } from '../evaluate/gate.js';
import { palette, STATUS_LABELS, type RenderOptions } from './style.js';

export function renderCheck(report: Report, gate: GateResult, options: RenderOptions): string {
  const chalk = palette(options);
  const context = `${report.journey}, ${report.period.label} (${report.period.firstDay} to ${report.period.lastDay})`;
  const lines = [gate.passed ? passLine(gate, context, chalk) : failLine(gate, context, chalk)];
  lines.push(...gate.failures.map((kpi) => kpiLine('✗', kpi, chalk.red)));
  lines.push(...gate.warnings.map((kpi) => kpiLine('!', kpi, chalk.yellow, ' (level warn: does not fail)')));
  return `${lines.join('\n')}\n`;
}

function passLine(gate: GateResult, context: string, chalk: ChalkInstance): string {
  return chalk.green(`✓ PASS  ${gate.checked} KPI${gate.checked === 1 ? '' : 's'} checked: none failed  ${context}`);
}

function failLine(gate: GateResult, context: string, chalk: ChalkInstance): string {
  return chalk.red(`✗ FAIL  ${gate.failures.length} of ${gate.checked} KPIs failed  ${context}`);
}

function kpiLine(mark: string, kpi: KpiResult, colour: ChalkInstance, suffix = ''): string {
  const status = STATUS_LABELS[kpi.status].padEnd(7);
  return `  ${colour(`${mark} ${status}`)}  ${kpi.stageId}.${kpi.id}  ${kpi.name}: ${kpi.reason}${suffix}`;
}
