/** A long trend (a quarter by day) goes on over lines of at most 31 bars in the table, not off the screen. */
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
});
