/**
 * Gives each row to every window whose time range holds it. A trend by day
 * over a year has some 365 windows: checking each for every row would cost
 * more than the windows' own work, so the ranges are indexed on a fixed
 * grid over all of them, and a row is checked only against the windows
 * that overlap its cell (a window or two of a trend, and those spanning it).
 */
import type { TimeRange } from '../core/period.js';
import type { Row } from '../core/values.js';

export interface RoutedWindow extends TimeRange {
  readonly sink: (row: Row) => void;
}

/** Cells of the grid: with windows of a day over a year, about a third of a day each. */
const CELLS = 1024;

/** A router for `windows`, each given the rows at times in its [start, end), in the order listed. */
export function timeRouter(windows: readonly RoutedWindow[]): (row: Row, time: number) => void {
  const start = Math.min(...windows.map((window) => window.start));
  const end = Math.max(...windows.map((window) => window.end));
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return (row, time) => route(windows, row, time);
  const width = (end - start) / CELLS;
  // floor() keeps the cells in the order of the times, so a window's times fall in the cells from its start's to its end's.
  const cellOf = (time: number) => Math.min(CELLS - 1, Math.max(0, Math.floor((time - start) / width)));
  const cells = Array.from({ length: CELLS }, (): RoutedWindow[] => []);
  for (const window of windows) {
    for (let cell = cellOf(window.start); cell <= cellOf(window.end); cell++) (cells[cell] as RoutedWindow[]).push(window);
  }
  return (row, time) => {
    if (time >= start && time < end) route(cells[cellOf(time)] as RoutedWindow[], row, time);
  };
}

function route(windows: readonly RoutedWindow[], row: Row, time: number): void {
  for (let w = 0; w < windows.length; w++) {
    const window = windows[w] as RoutedWindow;
    if (time >= window.start && time < window.end) window.sink(row);
  }
}
