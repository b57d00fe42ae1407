/**
 * A --source CSV large enough to be read in pieces starts the worker
 * threads before the framework is read (early-workers.ts). A run that
 * then stops early, or never reads that file, must still end by itself,
 * with the same output and exit code as without them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from './run-cli.js';

const SHOP = join(REPO, 'test/fixtures/e2e/shop');
const folder = mkdtempSync(join(tmpdir(), 'journey-kpi-early-workers-'));
/** 33 MiB of traffic rows: above the 32 MiB from which a CSV file is read in pieces. */
const big = join(folder, 'traffic.csv');
const row = '2026-07-01T10:00:00Z,s-1,page_view,12\n';
writeFileSync(big, `event_time,session_id,event_name,engagement_sec\n${row.repeat(Math.ceil((33 << 20) / row.length))}`);
const shop = readFileSync(join(SHOP, 'journey.yaml'), 'utf8').replaceAll('file: data/', `file: ${SHOP}/data/`);
/** Longer than any of these runs takes, far shorter than a process kept alive. */
const ENDS_WITHIN = { timeoutMs: 20_000 };

describe('workers started early for a large --source file', () => {
  it('a framework error: reported, exit 2, and the process ends', async () => {
    const broken = join(folder, 'broken.yaml');
    writeFileSync(broken, shop.replace('currency: USD', 'currenncy: USD'));
    const result = await runCli(['report', broken, '--source', `traffic=${big}`], ENDS_WITHIN);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("unknown key 'currenncy' in the framework. Did you mean 'currency'?");
  });

  it('a run that never reads the file: the report, exit 0, and the process ends', async () => {
    const framework = join(folder, 'journey.yaml');
    writeFileSync(framework, shop);
    const result = await runCli(['report', framework, '--source', `traffic=${big}`, '--kpi', 'aov', '--format', 'json'], ENDS_WITHIN);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).sources.map((source: { name: string }) => source.name)).toEqual(['orders']);
  });
});
