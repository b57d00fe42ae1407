/** The benchmark's results as plain text: the machine, then one table line per tool and scale. */
import { cpus, totalmem } from 'node:os';
import type { Dataset } from './dataset.js';
import { METER, type Measured } from './measure.js';
import { defaultSplit } from '../../src/load/data/read-source.js';

export interface Pair {
  readonly journeyKpi: Measured;
  readonly duckdb: Measured;
}

export interface ScaleResult {
  readonly scale: number;
  readonly dataset: Dataset;
  /** Traffic, order and survey rows read (the same for both tools, or the values differ). */
  readonly rows: number;
  /** Runs in pairs, journey-kpi then DuckDB. */
  readonly pairs: readonly Pair[];
  /** Values the tools disagree on, over every pair of runs. */
  readonly differences: readonly string[];
  /** Why a run failed; the pairs before it are still shown. */
  readonly failure?: string;
  /** As DuckDB reports it; '' when no DuckDB run finished. */
  readonly duckdbVersion: string;
}

export interface Setup {
  readonly framework: string;
  readonly runs: number;
  readonly duckdbThreads: number;
}

const MB = 1_000_000;
const HEADER = ['scale', 'tool', 'rows', 'input MB', 'wall s: median (min-max)', 'peak MB', 'rows/s', 'MB/s', 'time ×DuckDB', 'memory ×DuckDB', 'same values'];

function workersLine(workers: number): string {
  return `the main thread, which computes and reads CSV pieces, and ${workers} worker${workers === 1 ? '' : 's'} reading pieces`;
}

export function benchmarkReport(setup: Setup, results: readonly ScaleResult[]): string {
  const cores = cpus();
  const duckdb = results.find((result) => result.duckdbVersion !== '')?.duckdbVersion ?? '(no run finished)';
  const lines = [
    `machine: ${cores[0]?.model ?? 'unknown cpu'}, ${cores.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
    `node ${process.version}; DuckDB ${duckdb} with ${setup.duckdbThreads} threads (this machine has ${cores.length} cores); journey-kpi with its default threads (${workersLine(defaultSplit().workers)})`,
    `framework: ${setup.framework}; ${setup.runs} paired run(s) per scale, fresh processes, files page-cached`,
    `peak memory: ${METER}; MB = 10^6 bytes; rows = traffic + order + survey rows read`,
    '',
    resultTable(results),
  ];
  for (const result of results) {
    lines.push('');
    if (result.failure !== undefined) lines.push(`${result.scale}× failed after ${result.pairs.length} pair(s): ${result.failure}`);
    if (result.pairs.length > 0) lines.push(`same values at ${result.scale}×: ${result.differences.length === 0 ? 'yes' : 'no'}`);
    for (const difference of result.differences) lines.push(`  ${difference} (journey-kpi vs DuckDB)`);
  }
  return lines.join('\n');
}

function resultTable(results: readonly ScaleResult[]): string {
  const lines = results.flatMap((result) =>
    result.pairs.length === 0 ? [[`${result.scale}×`, 'failed (see below)']] : [toolLine(result, 'journeyKpi'), toolLine(result, 'duckdb')],
  );
  return alignColumns([HEADER, ...lines]);
}

function toolLine(result: ScaleResult, tool: keyof Pair): string[] {
  const runs = result.pairs.map((pair) => pair[tool]);
  const walls = runs.map((run) => run.wallMs / 1000);
  const wall = median(walls);
  const isDuckdb = tool === 'duckdb';
  // The median of the per-pair ratios: each pair ran back to back, under the same conditions.
  const ratio = (of: (run: Measured) => number) => median(result.pairs.map((pair) => of(pair.journeyKpi) / of(pair.duckdb)));
  return [
    `${result.scale}×`,
    isDuckdb ? 'DuckDB' : 'journey-kpi',
    grouped(result.rows),
    (result.dataset.bytes / MB).toFixed(0),
    `${wall.toFixed(2)} (${Math.min(...walls).toFixed(2)}-${Math.max(...walls).toFixed(2)})`,
    (Math.max(...runs.map((run) => run.peakKb)) * 1024 / MB).toFixed(0),
    grouped(result.rows / wall),
    (result.dataset.bytes / MB / wall).toFixed(1),
    isDuckdb ? '1' : ratio((run) => run.wallMs).toFixed(2),
    isDuckdb ? '1' : ratio((run) => run.peakKb).toFixed(2),
    result.differences.length === 0 ? 'yes' : 'no',
  ];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

function grouped(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Text left-aligned, everything after the tool column right-aligned. */
function alignColumns(rows: readonly string[][]): string {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row) => row.map((cell, column) => (column <= 1 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  '))
    .join('\n');
}
