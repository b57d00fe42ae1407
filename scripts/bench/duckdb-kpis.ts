/**
 * The benchmark's DuckDB side, run as its own process:
 *   node dist/scripts/bench/duckdb-kpis.js THREADS TRAFFIC.csv ORDERS.csv SURVEY.csv
 * Opens an in-memory DuckDB, runs the one SQL script computing the
 * e-commerce KPIs and prints `{"duckdb": version, "values": {...}}`.
 */
import { open } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { KPI_QUERY } from './sql-kpis.js';
import { MACROS } from './sql-cells.js';
import { ordersTable, surveyTable, trafficSessionsTable, type CsvInput } from './sql-sources.js';

const PREAMBLE_PEEK_BYTES = 64 * 1024;

/**
 * Leading blank and `#` comment lines, the preamble the framework skips. A
 * `#` followed by the delimiter is a header cell (Typeform's `#,Question`).
 */
async function preambleLines(path: string): Promise<number> {
  const file = await open(path);
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(PREAMBLE_PEEK_BYTES), 0, PREAMBLE_PEEK_BYTES, 0);
    const lines = buffer.subarray(0, bytesRead).toString('utf8').split('\n');
    const header = lines.findIndex((line) => line.trim() !== '' && !(line.startsWith('#') && !line.startsWith('#,')));
    return Math.max(header, 0);
  } finally {
    await file.close();
  }
}

async function input(path: string): Promise<CsvInput> {
  return { path, skip: await preambleLines(path) };
}

async function main(): Promise<void> {
  const [threads, traffic, orders, survey] = process.argv.slice(2);
  if (threads === undefined || traffic === undefined || orders === undefined || survey === undefined) {
    throw new Error('usage: duckdb-kpis.js THREADS TRAFFIC.csv ORDERS.csv SURVEY.csv');
  }
  const script = [MACROS, trafficSessionsTable(await input(traffic)), ordersTable(await input(orders)), surveyTable(await input(survey)), KPI_QUERY];
  const instance = await DuckDBInstance.create(':memory:', { threads });
  const connection = await instance.connect();
  const [row] = (await connection.runAndReadAll(script.join('\n'))).getRowObjects();
  const [versionRow] = (await connection.runAndReadAll('SELECT version() AS v')).getRowObjects();
  const values = Object.fromEntries(Object.entries(row ?? {}).map(([key, value]) => [key, value === null ? null : Number(value)]));
  process.stdout.write(JSON.stringify({ duckdb: String(versionRow?.['v']), values }) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`duckdb-kpis: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
