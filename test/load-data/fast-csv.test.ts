/**
 * The byte tokenizer against csv-parse: the same bytes, cut into the same
 * chunks (whole, 64 KiB, or 1-7 bytes so that chunk ends fall inside quoted
 * values and between CR and LF), must give the same rows, stats, rejections
 * with their locations, or the same thrown diagnostics.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chooseParser, ByteReader } from '../../src/load/data/csv-head.js';
import { readWith, random } from './fast-csv-helpers.js';
import { col, FIXTURES, source } from './helpers.js';

const SIZES: readonly [string, (next: () => number) => () => number][] = [
  ['whole', () => () => 1 << 30],
  ['64 KiB', () => () => 1 << 16],
  ['1-7 bytes', (next) => () => 1 + Math.floor(next() * 7)],
];

async function expectSame(bytes: Buffer, def: Parameters<typeof readWith>[2], seed = 1): Promise<void> {
  for (const [, sizer] of SIZES) {
    const expected = await readWith('csv-parse', bytes, def, sizer(random(seed)));
    expect(await readWith('fast', bytes, def, sizer(random(seed)))).toEqual(expected);
  }
}

describe('every CSV fixture reads the same with either parser', async () => {
  const names = (await readdir(FIXTURES, { recursive: true })).filter((name) => /\.(csv|tsv|txt)$/.test(name));
  test.each(names)('%s', async (name) => {
    const bytes = await readFile(join(FIXTURES, name));
    // By position, so any header works; a number column brings rejections with locations.
    await expectSame(bytes, source(name, [col('a', 'string', { from: 1 }), col('b', 'number', { from: 2 }), col('c', 'string', { from: 3 })]));
    await expectSame(bytes, source(name, [col('a', 'string', { from: 1 })], { headerRows: 2 }));
  });
});

describe('the parser chosen per file', () => {
  async function chosen(text: string | Buffer, delimiter = ','): Promise<string> {
    async function* one(): AsyncGenerator<Buffer> {
      yield Buffer.isBuffer(text) ? text : Buffer.from(text);
    }
    const reader = new ByteReader(one());
    await reader.more();
    return chooseParser(reader, 0, delimiter);
  }

  test('the tokenizer for UTF-8 with LF or CRLF records and a one-byte delimiter', async () => {
    expect(await chosen('a,b\n1,2\n')).toBe('fast');
    expect(await chosen('a,"b\r\nc"\r\n1,2\r')).toBe('fast');
    expect(await chosen('a;b', ';')).toBe('fast');
  });

  test('csv-parse for UTF-16, lone-CR records and other delimiters', async () => {
    expect(await chosen(Buffer.from([0xff, 0xfe, 0x61, 0]))).toBe('csv-parse');
    expect(await chosen('a,b\r1,2\r')).toBe('csv-parse');
    // \r\r\n is \r\n once CRLF is LF: csv-parse would take CRLF as its record delimiter.
    expect(await chosen('a,b\r\r\n1,2\n')).toBe('csv-parse');
    expect(await chosen('a,b\r')).toBe('csv-parse');
    expect(await chosen('a::b\n', '::')).toBe('csv-parse');
    expect(await chosen('a§b\n', '§')).toBe('csv-parse');
  });

  test('old Mac files (CR records) read as before', async () => {
    const bytes = Buffer.from('id,total\r1,2\r2,x\r');
    const def = source('in.csv', [col('id', 'string'), col('total', 'number')]);
    expect(await readWith(undefined, bytes, def, () => 3)).toEqual(await readWith('csv-parse', bytes, def, () => 3));
  });

  test('an old Mac file with a # preamble, as Excel for Mac saves a GA4 export: the preamble lines end in CR too', async () => {
    const def = source('in.csv', [col('id', 'string'), col('total', 'number')]);
    const outcome = await readWith(undefined, Buffer.from('# Report\r# exported today\r\rid,total\r1,2\r2,3\r'), def, () => 4);
    expect(outcome).toMatchObject({ rows: [['1', 2], ['2', 3]], stats: { rowsRead: 2, rowsRejected: 0 } });
  });

  test('a quoted value spanning many chunks is read whole', async () => {
    const long = 'x""y\r\n'.repeat(40_000);
    const bytes = Buffer.from(`id,note\n1,"${long}"\n2,b\n`);
    const def = source('in.csv', [col('id', 'string'), col('note', 'string')]);
    const outcome = await readWith('fast', bytes, def, () => 1000);
    expect(outcome).toMatchObject({ rows: [['1', 'x"y\n'.repeat(40_000)], ['2', 'b']] });
  });
});
