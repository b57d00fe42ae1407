/**
 * A long trend (a quarter by day) goes on over lines of at most 31 bars in the table, not off the screen;
 * one too long to read as lines (a year by day) stays on one, which the table lays out quickly.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('a trend by day over a quarter, in the table', () => {
  it('shows its 92 bars as lines of 31, 31 and 30, in the trend column', async () => {
    const result = await runCli(['report', 'examples/ecommerce/journey.yaml', '--kpi', 'sessions', '--trend', 'day']);
    expect(result.code).toBe(0);
    const overTime = result.stdout.slice(result.stdout.indexOf('Over time'));
    const rows = overTime.slice(0, overTime.indexOf('└')).split('\n').filter((line) => line.startsWith('│ Sessions') || /^│ +│ +│ [▁▂▃▄▅▆▇█·]/.test(line));
    const bars = rows.map((line) => (line.split('│')[3] ?? '').trim());
    expect(bars.map((line) => [...line].length)).toEqual([31, 31, 30]);
    expect(bars.join('')).toMatch(/^[▁▂▃▄▅▆▇█·]{92}$/);
  });

  it('a year by day stays on one line of 365 bars', async () => {
    const result = await runCli(['report', 'examples/ecommerce/journey.yaml', '--kpi', 'sessions', '--period', '2026', '--trend', 'day']);
    expect(result.code).toBe(0);
    const overTime = result.stdout.slice(result.stdout.indexOf('Over time'));
    const row = overTime.split('\n').find((line) => line.startsWith('│ Sessions')) ?? '';
    expect([...(row.split('│')[3] ?? '').trim()].length).toBe(365);
  });

  it('one bucket is one day, not one days', async () => {
    const result = await runCli(['report', 'examples/ecommerce/journey.yaml', '--kpi', 'sessions', '--from', '2026-07-01', '--to', '2026-07-01', '--trend', 'day']);
    expect(result.stdout).toContain('Over time: by day from 2026-07-01 (1 day, · no value)');
  });
});
