/**
 * The built binary on test/fixtures/e2e/keys: exports that repeat records.
 *
 * orders (key order_id), two files read as one source, 13 rows:
 *   1003 is in June (outside), 1006's first row has 'abc' as its total (rejected);
 *   11 in the period. Repeats: 1001 once, 1004 twice in file 1 and once in file 2,
 *   1005 once → 5 dropped; the gift card has no order id → kept, counted.
 *   Kept: 1001 $120, 1002 $45.50, 1004 $80, 1005 $200, gift card $15, 1006 $30
 *   → 6 orders, 5 order ids, $490.50 (summing every line would give $1,050.50),
 *   aov 490.5 / 6 = 81.75.
 * events (key insert_id, JSON Lines), 6 events: e1 and e3 delivered twice → 2 dropped,
 *   one page view without $insert_id kept → purchases e1, e3 = 2, revenue 25 + 40 = 65.
 * lines (key [order_id, line]), 8 rows: (A1, 1) twice → 1 dropped; a row without
 *   an order id kept; (A1, 21) and (A12, 1) differ → quantities 2+1+5+3+7+4+6 = 28.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const FRAMEWORK = 'test/fixtures/e2e/keys/journey.yaml';

describe('record keys, end to end', () => {
  it('report counts each record once and says what it dropped, per source', async () => {
    const result = await runCli(['report', FRAMEWORK]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      [
        'Data',
        '  orders: 13 rows read, 11 in the period, 1 outside it, 1 rejected, 5 duplicates dropped (key order_id), 1 row without a key kept',
        '  events: 6 rows read, 6 in the period, 0 rejected, 2 duplicates dropped (key insert_id), 1 row without a key kept',
        '  lines: 8 rows read, 8 in the period, 0 rejected, 1 duplicate dropped (key order_id, line), 1 row without a key kept',
      ].join('\n'),
    );
    expect(result.stderr).toContain('woo-orders-2.csv:6:23  warning  row/invalid-number');
  });

  it('--format json has the values and a key object per source (null without a key)', async () => {
    const result = await runCli(['report', FRAMEWORK, '--format', 'json']);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as {
      sources: { name: string; rows_in_period: number; key: unknown }[];
      stages: { kpis: { id: string; value: number | null }[] }[];
    };
    const values = Object.fromEntries(document.stages.flatMap((stage) => stage.kpis).map((kpi) => [kpi.id, kpi.value]));
    expect(values).toEqual({ orders: 6, order_ids: 5, revenue: 490.5, aov: 81.75, purchases: 2, event_revenue: 65, units: 28 });
    expect(document.sources.map(({ name, rows_in_period, key }) => ({ name, rows_in_period, key }))).toEqual([
      { name: 'orders', rows_in_period: 11, key: { columns: ['order_id'], duplicates_dropped: 5, rows_without_key: 1 } },
      { name: 'events', rows_in_period: 6, key: { columns: ['insert_id'], duplicates_dropped: 2, rows_without_key: 1 } },
      { name: 'lines', rows_in_period: 8, key: { columns: ['order_id', 'line'], duplicates_dropped: 1, rows_without_key: 1 } },
    ]);
  });

  it('a source without a key has key: null in JSON and nothing more in the Data line', async () => {
    const result = await runCli(['report', 'test/fixtures/e2e/shop/journey.yaml', '--format', 'json', '--kpi', 'sessions']);
    const document = JSON.parse(result.stdout) as { sources: { key: unknown }[] };
    expect(document.sources.map((source) => source.key)).toEqual([null]);
  });

  it('validate counts the same duplicates over every period, and they are no problem', async () => {
    const result = await runCli(['validate', FRAMEWORK]);
    // The one rejected row (1006's 'abc') makes validate fail, not the duplicates.
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(
      `✗ ${FRAMEWORK}: framework valid; 1 of 27 rows rejected\n` +
        '  orders: 5 duplicates dropped (key order_id), 1 row without a key kept\n' +
        '  events: 2 duplicates dropped (key insert_id), 1 row without a key kept\n' +
        '  lines: 1 duplicate dropped (key order_id, line), 1 row without a key kept\n',
    );
  });

  it('validate passes when duplicates are all there is', async () => {
    // File 1 alone: 1001 repeated once, 1004 twice → 3 dropped; 7 + 6 + 8 = 21 rows.
    const result = await runCli(['validate', FRAMEWORK, '--source', 'orders=test/fixtures/e2e/keys/data/woo-orders-1.csv']);
    expect(result).toEqual({
      code: 0,
      stdout:
        `✓ ${FRAMEWORK}: framework valid; 3 source file(s), 21 rows, none rejected\n` +
        '  orders: 3 duplicates dropped (key order_id)\n' +
        '  events: 2 duplicates dropped (key insert_id), 1 row without a key kept\n' +
        '  lines: 1 duplicate dropped (key order_id, line), 1 row without a key kept\n',
      stderr: '',
    });
  });
});
