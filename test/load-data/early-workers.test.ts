/**
 * The workers start before the framework is read when the command line
 * names a CSV file large enough to be read in pieces (early-workers.ts).
 * The pool is one per process, so the files that must not start it come
 * first. Workers run the built code: these tests use it too.
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { tempDir } from './helpers.js';

interface Split {
  readonly workers: number;
  readonly pieceBytes: number;
  readonly minBytes: number;
  readonly minBytesWhileRunning: number;
}

const { startWorkersFor } = (await import(new URL('../../dist/src/load/data/early-workers.js', import.meta.url).href)) as {
  startWorkersFor: (paths: readonly string[], split: Split) => Promise<void>;
};
const { poolRunning } = (await import(new URL('../../dist/src/load/data/piece-pool.js', import.meta.url).href)) as {
  poolRunning: (size: number) => boolean;
};

/** Files of 1 KiB or more are read in pieces. */
const SPLIT: Split = { workers: 1, pieceBytes: 512, minBytes: 1024, minBytesWhileRunning: 256 };
const BIG = `a,b\n${'1,2\n'.repeat(300)}`;

describe('startWorkersFor', () => {
  test('no worker for a small CSV, a large .gz or JSON file, a missing file, or with one thread', async () => {
    const dir = await tempDir({ 'small.csv': 'a,b\n1,2\n', 'big.csv.gz': BIG, 'big.json': BIG, 'big.csv': BIG });
    await startWorkersFor(['small.csv', 'big.csv.gz', 'big.json', 'missing.csv'].map((name) => join(dir, name)), SPLIT);
    await startWorkersFor([join(dir, 'big.csv')], { ...SPLIT, workers: 0 });
    expect(poolRunning(1)).toBe(false);
  });

  test('the workers start for a CSV or TSV file of the size read in pieces', async () => {
    const dir = await tempDir({ 'big.tsv': BIG.replaceAll(',', '\t') });
    await startWorkersFor([join(dir, 'big.tsv')], SPLIT);
    expect(poolRunning(1)).toBe(true);
  });
});
