/** The table view of --compare and --trend (one "over time" table) and of --by (a small table per KPI). */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { Breakdown, BreakdownKpi, KpiResult, Report, SliceValue } from '../core/report.js';
import { deltaText, valueText } from './cells.js';
import { rows } from './counts.js';
import { printable } from './text.js';

const BARS = '▁▂▃▄▅▆▇█';
/** Segments a breakdown table shows at most: a --by on an id or a timestamp would print one per row. */
export const MAX_SEGMENTS = 20;
/** An empty bucket: no value, which is not a zero. */
export const GAP = '·';

/** The over-time and breakdown blocks the report asks for, in that order. */
export function sliceBlocks(report: Report, chalk: ChalkInstance): string[] {
  const kpis = report.stages.flatMap((stage) => stage.kpis);
  const overTime = report.comparison || report.trend ? [overTimeBlock(report, kpis, chalk)] : [];
  return [...overTime, ...(report.breakdowns ?? []).map((breakdown) => breakdownBlock(breakdown, kpis, report.currency, chalk))];
}

function overTimeBlock(report: Report, kpis: readonly KpiResult[], chalk: ChalkInstance): string {
  const { comparison, trend } = report;
  const head = ['KPI', report.period.label, ...(comparison ? [comparison.period.label, 'Change'] : []), ...(trend ? [`by ${trend.unit}`] : [])];
  const colAligns = head.map((_, index) => (index === 0 || (trend && index === head.length - 1) ? 'left' : 'right'));
  const table = new Table({ head, colAligns, style: { head: [], border: [] } });
  for (const kpi of kpis) {
    const compared = kpi.comparison
      ? [valueText(kpi, kpi.comparison.value, report.currency), deltaText(kpi, kpi.comparison.change, kpi.comparison.changeRelative, report.currency)]
      : [];
    table.push([printable(kpi.name), valueText(kpi, kpi.value, report.currency), ...compared, ...(kpi.trend ? [linesOf(sparkline(kpi.trend))] : [])]);
  }
  const titles = [
    ...(comparison ? [`compared with ${comparison.period.label} (${comparison.kind.replace('_', ' ')})`] : []),
    ...(trend ? [`by ${trend.unit} from ${trend.buckets[0]?.firstDay} (${trend.buckets.length} ${trend.unit}${trend.buckets.length === 1 ? '' : 's'}, ${GAP} no value)`] : []),
  ];
  return [chalk.bold(`Over time: ${titles.join('; ')}`), table.toString(), ...untimedNote(report)].join('\n');
}

/** Sources the windows cannot place in time: the same rows in each, which the table would not say. */
function untimedNote({ comparison, trend, period }: Report): string[] {
  const sources = (comparison ?? trend)?.sourcesWithoutTime ?? [];
  if (sources.length === 0) return [];
  const quoted = sources.map((source) => `'${source}'`);
  const named = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
  const have = sources.length === 1 ? 'has no time column: all its rows count' : 'have no time column: all their rows count';
  const windows = [...(comparison ? [comparison.period.label] : []), ...(trend ? [`every ${trend.unit}`] : [])].join(' and ');
  return [printable(`${named} ${have} in ${windows}, as in ${period.label}.`)];
}

/** Bars a line of the table holds: a month of days; a quarter by day goes on over three lines, not off the screen. */
const BARS_PER_LINE = 31;
/**
 * Up to four lines: the table lays out a cell of many lines slowly (a year by day, twelve lines a KPI,
 * took seconds), and a longer trend is read in the JSON anyway. Beyond this it stays on one line.
 */
const MOST_WRAPPED = 4 * BARS_PER_LINE;

function linesOf(bars: string): string {
  const chars = [...bars];
  if (chars.length > MOST_WRAPPED) return bars;
  const lines: string[] = [];
  for (let at = 0; at < chars.length; at += BARS_PER_LINE) lines.push(chars.slice(at, at + BARS_PER_LINE).join(''));
  return lines.join('\n');
}

/** One bar per bucket, from the lowest value (▁) to the highest (█); a bucket without a value is a gap. */
export function sparkline(values: readonly SliceValue[]): string {
  const known = values.flatMap((slice) => (slice.value === null ? [] : [slice.value]));
  const low = Math.min(...known);
  const high = Math.max(...known);
  const bar = (value: number) => BARS[high === low ? 3 : Math.round(((value - low) / (high - low)) * (BARS.length - 1))];
  return values.map((slice) => (slice.value === null ? GAP : bar(slice.value))).join('');
}

function breakdownBlock(breakdown: Breakdown, kpis: readonly KpiResult[], currency: string | null, chalk: ChalkInstance): string {
  const blocks = breakdown.kpis.map((split) => {
    const kpi = kpis.find((candidate) => candidate.id === split.id && candidate.stageId === split.stageId);
    if (!kpi) throw new Error(`breakdown of KPI '${split.id}' that the report does not show`);
    return splitBlock(kpi, split, breakdown.column, currency);
  });
  return [chalk.bold(printable(`By ${breakdown.column}`)), ...blocks].join('\n');
}

function splitBlock(kpi: KpiResult, split: BreakdownKpi, column: string, currency: string | null): string {
  if (split.unsplit !== null) return printable(`${kpi.name}: not split (${split.unsplit})`);
  const table = new Table({ head: [printable(column), printable(kpi.name), 'Rows', 'Note'], colAligns: ['left', 'right', 'right', 'left'], style: { head: [], border: [] } });
  const shown = largest(split.segments);
  for (const segment of shown) {
    table.push([printable(segment.segment ?? '(empty)'), valueText(kpi, segment.value, currency), segment.sample === null ? '' : rows(segment.sample), printable(segment.reason ?? '')]);
  }
  const more = split.segments.length - shown.length;
  return more === 0 ? table.toString() : `${table.toString()}\n… ${more} more segment${more === 1 ? '' : 's'} (the ${shown.length} with the most rows are shown; use --format json for all)`;
}

/** The MAX_SEGMENTS segments with the most rows, in the breakdown's order. */
function largest<T extends { readonly sample: number | null }>(segments: readonly T[]): readonly T[] {
  if (segments.length <= MAX_SEGMENTS) return segments;
  const kept = new Set([...segments].sort((a, b) => (b.sample ?? 0) - (a.sample ?? 0)).slice(0, MAX_SEGMENTS));
  return segments.filter((segment) => kept.has(segment));
}
