/** The analyst's view: a heading, one table per stage, the reasons behind misses, a summary. */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { Period } from '../core/period.js';
import type { KpiResult, Report, SourceStats, StageResult } from '../core/report.js';
import { changeText, storedRunLine, targetText, valueText } from './cells.js';
import { count, keyNote, rows } from './counts.js';
import { findingsBlock } from './findings.js';
import { palette, statusBadge, type RenderOptions } from './style.js';
import { sliceBlocks } from './slices-table.js';
import { summaryLine } from './summary.js';
import { printable } from './text.js';

export function renderTable(report: Report, options: RenderOptions): string {
  const chalk = palette(options);
  const blocks = [
    heading(report, chalk),
    ...report.stages.map((stage) => stageBlock(stage, report.currency, chalk)),
    ...sliceBlocks(report, chalk),
    ...(report.findings ? [findingsBlock(report.findings, report.currency, chalk)] : []),
    sourcesBlock(report.sources, chalk),
    summaryLine(report, chalk),
  ];
  return `${blocks.join('\n\n')}\n`;
}

function heading(report: Report, chalk: ChalkInstance): string {
  const stored = storedRunLine(report);
  return [chalk.bold(printable(report.journey)), `Period ${periodText(report.period)}`, ...(stored === null ? [] : [stored])].join('\n');
}

/** `2026-Q3: 2026-07-01 to 2026-09-30 (America/New_York)`. */
export function periodText(period: Period): string {
  return `${period.label}: ${period.firstDay} to ${period.lastDay} (${period.timezone})`;
}

function stageBlock(stage: StageResult, currency: string | null, chalk: ChalkInstance): string {
  const table = new Table({
    head: ['KPI', 'Value', 'Baseline', 'Target', 'vs baseline', 'Status'],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'left'],
    style: { head: [], border: [] },
  });
  for (const kpi of stage.kpis) table.push(kpiRow(kpi, currency, chalk));
  const title = stage.touchpoints.length > 0 ? `${stage.name} (${stage.touchpoints.join(', ')})` : stage.name;
  const notes = stage.kpis.filter((kpi) => kpi.status !== 'met').map((kpi) => `  ${kpi.id}: ${printable(kpi.reason)}`);
  return [chalk.bold(printable(title)), table.toString(), ...notes].join('\n');
}

function kpiRow(kpi: KpiResult, currency: string | null, chalk: ChalkInstance): string[] {
  return [
    printable(kpi.name),
    valueText(kpi, kpi.value, currency),
    valueText(kpi, kpi.baseline, currency),
    targetText(kpi, currency),
    changeText(kpi, currency),
    statusBadge(kpi.status, chalk),
  ];
}

function sourcesBlock(sources: readonly SourceStats[], chalk: ChalkInstance): string {
  return [chalk.bold('Data'), ...sources.map((source) => `  ${sourceLine(source, chalk)}`)].join('\n');
}

/** `traffic: 5,000 rows read, 2,749 in the period, 2,251 outside it, 0 rejected`, and the duplicates a key dropped. */
export function sourceLine(source: SourceStats, chalk: ChalkInstance): string {
  const rejected = source.rowsRejected > 0 ? chalk.yellow(`${count(source.rowsRejected)} rejected`) : '0 rejected';
  const outside = source.rowsOutsidePeriod > 0 ? `, ${count(source.rowsOutsidePeriod)} outside it${usedNote(source)}` : '';
  return `${source.name}: ${rows(source.rowsRead)} read, ${count(source.rowsInPeriod)} in the period${outside}, ${rejected}${source.key ? `, ${keyNote(source.key)}` : ''}`;
}

/** ` (312 used for the previous period)`: rows outside the period that a KPI reads around it. */
function usedNote(source: SourceStats): string {
  return source.rowsUsedOutside === undefined || source.usedFor === undefined ? '' : ` (${count(source.rowsUsedOutside)} used for ${source.usedFor})`;
}

