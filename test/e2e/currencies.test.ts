/**
 * The built binary on test/fixtures/e2e/currencies (framework currency USD).
 *
 * orders.csv, 8 rows: #8 (30 June, GBP) is outside July. #4 says USD but its
 * total is written €30.00 (conflict, rejected); #6's currency 'US Dollar' is no
 * code (rejected). Kept: #1 USD 100, #2 USD $50, #3 'eur' → EUR 20 (its own
 * 'EUR' agrees), #5 no currency but €40 → EUR 40, #7 USD 70.
 *   USD: 3 rows, 220; EUR: 2 rows, 60. usd_aov = 220 / 3.
 *   revenue = sum over both: mixed. largest = max over both: mixed (level off).
 *   both = usd_revenue + eur_revenue: USD + EUR, mixed through KPI references (level warn).
 * eur-orders.csv (via --source): EUR only, 1.200,00 is not an amount with decimal
 *   points → rejected; 120 kept → revenue 120 in EUR, shown as USD: a warning.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const FRAMEWORK = 'test/fixtures/e2e/currencies/journey.yaml';
const MIXED_SUM =
  "sum(orders.total) adds amounts in 2 currencies (USD: 3 rows, EUR: 2 rows): add where currency = 'USD' to it, or compute it per currency from a view per currency";
const MIXED_REFS = 'usd_revenue + eur_revenue combines amounts in USD and EUR: keep to one currency, e.g. with a where on the currency column';

interface JsonKpi {
  id: string;
  value: number | null;
  status: string;
  reason: string;
  problems: { code: string; severity: string; message: string; file: string; line: number; column: number }[];
}

async function kpisOf(args: readonly string[]): Promise<Record<string, JsonKpi>> {
  const result = await runCli(['report', FRAMEWORK, '--format', 'json', ...args]);
  expect(result.code).toBe(0);
  const document = JSON.parse(result.stdout) as { stages: { kpis: JsonKpi[] }[] };
  return Object.fromEntries(document.stages.flatMap((stage) => stage.kpis).map((kpi) => [kpi.id, kpi]));
}

describe('money in several currencies, end to end', () => {
  it('computes one-currency amounts and refuses mixed ones with the reason and an error', async () => {
    const kpis = await kpisOf([]);
    const values = Object.fromEntries(Object.values(kpis).map((kpi) => [kpi.id, kpi.value]));
    expect(values).toEqual({ orders: 5, revenue: null, usd_revenue: 220, usd_aov: 220 / 3, eur_revenue: 60, both: null, largest: null });
    expect(kpis['revenue']?.reason).toBe(MIXED_SUM);
    expect(kpis['revenue']?.problems).toEqual([
      { code: 'kpi/mixed-currencies', severity: 'error', message: `KPI 'revenue': ${MIXED_SUM}`, file: FRAMEWORK, line: 23, column: 15 },
    ]);
    expect(kpis['both']?.reason).toBe(MIXED_REFS);
    expect(kpis['largest']?.reason).toMatch(/^max\(orders\.total\) compares amounts in 2 currencies \(USD: 3 rows, EUR: 2 rows\)/);
    expect(kpis['usd_revenue']?.problems).toEqual([]);
    expect(kpis['eur_revenue']?.problems.map((problem) => [problem.code, problem.severity])).toEqual([['kpi/foreign-currency', 'warning']]);
  });

  it('check fails on a mix whatever the level but off, and names the rows it rejected', async () => {
    const result = await runCli(['check', FRAMEWORK]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      '✗ FAIL  2 of 6 KPIs failed  Two Currencies, 2026-07 (2026-07-01 to 2026-07-31)\n' +
        `  ✗ no data  purchase.revenue  Revenue: ${MIXED_SUM}\n` +
        `  ✗ no data  purchase.both  Both: ${MIXED_REFS}\n`,
    );
    const data = 'test/fixtures/e2e/currencies/data/orders.csv';
    expect(result.stderr.split('\n').slice(0, 3)).toEqual([
      `${data}:5:25  warning  row/currency-conflict  column 'total' (field 4): '€30.00' is an amount in EUR, but its currency column 'currency' says USD: correct one of them. The row was left out.`,
      `${data}:7:21  warning  row/invalid-currency  column 'currency' (field 3): 'US Dollar' is not an ISO 4217 currency code: write a three-letter code such as USD or EUR. The row was left out.`,
      `${FRAMEWORK}:23:15  error  kpi/mixed-currencies  KPI 'revenue': ${MIXED_SUM}`,
    ]);
    expect(result.stderr).toContain(`${FRAMEWORK}:28:15  error  kpi/mixed-currencies  KPI 'largest': max(orders.total) compares`);
  });

  it('a where that keeps one currency passes check', async () => {
    const result = await runCli(['check', FRAMEWORK, '--kpi', 'usd_aov']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✓ PASS {2}1 KPI checked: none failed/);
    expect(result.stderr).not.toContain('kpi/');
  });

  it('a single currency other than the framework\'s is computed, with a warning that says so', async () => {
    const result = await runCli(['check', FRAMEWORK, '--kpi', 'revenue', '--source', 'orders=test/fixtures/e2e/currencies/data/eur-orders.csv']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✓ PASS/);
    expect(result.stderr).toContain(
      `${FRAMEWORK}:23:15  warning  kpi/foreign-currency  KPI 'revenue': its amounts are in EUR, but the framework's currency is USD, so they are shown as USD: ` +
        'set currency: EUR in the framework, or keep to USD rows with a where on the currency column\n',
    );
    const kpis = await kpisOf(['--kpi', 'revenue', '--source', 'orders=test/fixtures/e2e/currencies/data/eur-orders.csv']);
    expect(kpis['revenue']?.value).toBe(120);
  });
});
