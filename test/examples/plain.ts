/**
 * Plain helpers for the second computations of the examples' KPIs: they
 * share no code with src/, so that a test comparing the two catches
 * mistakes in either.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export type CsvRecord = Record<string, string>;

/** A period as local calendar days, `from` included and `to` excluded: for exports that write wall-clock times. */
export interface LocalDays {
  readonly from: string;
  readonly to: string;
}

export const Q2_DAYS: LocalDays = { from: '2026-04-01', to: '2026-07-01' };
export const Q3_DAYS: LocalDays = { from: '2026-07-01', to: '2026-10-01' };

/** The quarter before a quarter of 2026: what churn and retention compare a quarter with. */
export function previousQuarter(days: LocalDays): LocalDays {
  const month = Number(days.from.slice(5, 7)) - 3;
  if (month < 1) throw new Error(`no quarter before ${days.from} in 2026`);
  return { from: `2026-${String(month).padStart(2, '0')}-01`, to: days.from };
}

/** Of the entities with an amount in the previous period, their amounts now and then: what NRR, expansion and churn read. */
export interface Cohorts {
  readonly previous: ReadonlyMap<string, number>;
  readonly current: ReadonlyMap<string, number>;
}

/** Amounts per entity of the rows each period holds. */
export function cohorts<T>(rows: readonly T[], entity: (r: T) => string, amount: (r: T) => number, inPrevious: (r: T) => boolean, inCurrent: (r: T) => boolean): Cohorts {
  const totals = (test: (r: T) => boolean) => {
    const byEntity = new Map<string, number>();
    for (const row of rows.filter(test)) byEntity.set(entity(row), (byEntity.get(entity(row)) ?? 0) + amount(row));
    return byEntity;
  };
  return { previous: totals(inPrevious), current: totals(inCurrent) };
}

/** Share of the previous period's entities without a row in this one. */
export function churn({ previous, current }: Cohorts): number | null {
  return ratio([...previous.keys()].filter((entity) => !current.has(entity)).length, previous.size);
}

/** This period's amounts of the previous period's entities over their previous amounts. */
export function netRevenueRetention({ previous, current }: Cohorts): number | null {
  return ratio(sum([...previous.keys()].map((entity) => current.get(entity) ?? 0)), sum([...previous.values()]));
}

/** The growth of the previous period's entities, each where it grew, over all their previous amounts. */
export function expansion({ previous, current }: Cohorts): number | null {
  return ratio(sum([...previous].map(([entity, before]) => Math.max(0, (current.get(entity) ?? 0) - before))), sum([...previous.values()]));
}

/** A wall-clock time `YYYY-MM-DD[ HH:mm…]` within the days, compared as text. */
export function onDays(localTime: string, days: LocalDays): boolean {
  return localTime >= days.from && localTime < days.to;
}

/** Records keyed by header; `skipLines` drops a preamble above the header. */
export function readCsv(path: string, skipLines = 0, delimiter = ','): CsvRecord[] {
  const text = readFileSync(path, 'utf8').split('\n').slice(skipLines).join('\n');
  return parse(text, { columns: true, bom: true, skip_empty_lines: true, delimiter }) as CsvRecord[];
}

/** Records as arrays of cells, for exports with blank or repeated headers; `headerRows` are dropped. */
export function readCsvRows(path: string, headerRows: number): string[][] {
  return (parse(readFileSync(path, 'utf8'), { bom: true, skip_empty_lines: true }) as string[][]).slice(headerRows);
}

export function field(record: CsvRecord, column: string): string {
  const value = record[column];
  if (value === undefined) throw new Error(`column '${column}' is missing`);
  return value.trim();
}

export function distinct(values: readonly string[]): number {
  return new Set(values.filter((v) => v !== '')).size;
}

export function groupCount<T>(records: readonly T[], key: (r: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records) counts.set(key(record), (counts.get(key(record)) ?? 0) + 1);
  return counts;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function mean(values: readonly number[]): number | null {
  return ratio(sum(values), values.length);
}

/** The middle value, or the mean of the two middle ones. */
export function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return null;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Non-blank answers as numbers. */
export function numbers(cells: readonly string[]): number[] {
  return cells.filter((text) => text !== '').map(Number);
}
