import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { col, read, readFailure, source, tempDir, where } from './helpers.js';

const orderColumns = [col('id', 'integer'), col('total', 'number')];
const shown = (path: string) => relative(process.cwd(), path).split('\\').join('/');

describe('gzip', () => {
  test('a .csv.gz and a .jsonl.gz are streamed through gunzip', async () => {
    const baseDir = await tempDir({
      'orders.csv.gz': gzipSync('\uFEFFid,total\r\n1,"1,204.50"\r\n2,3\r\n'),
      'events.jsonl.gz': gzipSync('{"id":1,"total":2.5}\n'),
    });
    const csv = await read(source('orders.csv.gz', orderColumns), { baseDir });
    expect(csv.rows).toEqual([
      [1, 1204.5],
      [2, 3],
    ]);
    expect(csv.stats.files).toEqual([shown(join(baseDir, 'orders.csv.gz'))]);
    expect((await read(source('events.jsonl.gz', orderColumns), { baseDir })).rows).toEqual([[1, 2.5]]);
  });

  test('a corrupt gzip is a file-level error', async () => {
    const baseDir = await tempDir({ 'orders.csv.gz': 'id,total\n1,2\n', 'cut.csv.gz': gzipSync('id,total\n1,2\n').subarray(0, 15) });
    const [corrupt] = await readFailure(source('orders.csv.gz', orderColumns), { baseDir });
    expect(corrupt?.code).toBe('data/gzip');
    expect(corrupt?.location?.file).toBe(shown(join(baseDir, 'orders.csv.gz')));
    expect((await readFailure(source('cut.csv.gz', orderColumns), { baseDir }))[0]?.code).toBe('data/gzip');
  });
});

describe('which files', () => {
  test('a glob reads every match in name order as one source', async () => {
    const { rows, stats } = await read(source('parts/orders-*.csv', orderColumns));
    expect(rows).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    expect(stats.files).toEqual(['test/fixtures/data/parts/orders-1.csv', 'test/fixtures/data/parts/orders-2.csv']);
    expect(stats.rowsRead).toBe(3);
  });

  test('wildcards in a folder segment and ?', async () => {
    const { stats } = await read(source('p*/orders-?.csv', orderColumns));
    expect(stats.files).toEqual(['test/fixtures/data/parts/orders-1.csv', 'test/fixtures/data/parts/orders-2.csv']);
  });

  test('no match is a file-level error at the source declaration', async () => {
    const [diagnostic] = await readFailure(source('parts/refunds-*.csv', orderColumns));
    expect(where(diagnostic!)).toEqual({ code: 'data/no-match', line: 3, column: 5 });
    expect(diagnostic?.message).toContain("no file matches 'parts/refunds-*.csv'");
  });

  test('a missing file suggests the closest name in its folder', async () => {
    const [diagnostic] = await readFailure(source('parts/orders-3.csv', orderColumns));
    expect(diagnostic?.code).toBe('data/file-not-found');
    expect(diagnostic?.message).toContain("Did you mean 'orders-1.csv'?");
  });

  test('--source overrides the path, relative to the working directory', async () => {
    const { stats } = await read(source('nowhere.csv', orderColumns), { overridePath: 'test/fixtures/data/parts/other.csv' });
    expect(stats.files).toEqual(['test/fixtures/data/parts/other.csv']);
  });

  test('an unknown extension needs format; a declared format wins over the extension', async () => {
    const baseDir = await tempDir({ 'orders.dat': 'id;total\n1;2\n' });
    expect((await readFailure(source('orders.dat', orderColumns), { baseDir }))[0]?.code).toBe('data/unknown-format');
    expect((await read(source('orders.dat', orderColumns, { format: 'csv' }), { baseDir })).rows).toEqual([[1, 2]]);
  });

  test('UTF-16 exports with a byte-order mark are decoded', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\ttotal\r\n1\t2,5\r\n', 'utf16le')]);
    const baseDir = await tempDir({ 'excel.txt': utf16 });
    const { rows } = await read(source('excel.txt', [col('id', 'integer'), col('total', 'number', { decimal: ',' })]), { baseDir });
    expect(rows).toEqual([[1, 2.5]]);
  });
});
