/** A workbook, archive or UTF-16 file given as a CSV or JSON source is named for what it is, not read as garbage rows. */
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { notTextByExtension, notTextKind } from '../../src/load/data/not-text.js';
import { col, readFailure, source, tempDir } from './helpers.js';

const CSV = 'day,total\n2026-07-01,12.50\n';
const bytes = (...values: number[]) => Uint8Array.from(values);

describe('notTextKind', () => {
  it('knows workbooks, archives and documents by their first bytes', () => {
    expect(notTextKind(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0))?.kind).toBe('a ZIP archive (an Excel .xlsx workbook is one)');
    expect(notTextKind(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1))?.kind).toBe('an Excel .xls workbook');
    expect(notTextKind(gzipSync(CSV))?.kind).toBe('a gzip file');
    expect(notTextKind(Buffer.from('%PDF-1.7\n'))?.kind).toBe('a PDF document');
    expect(notTextKind(Buffer.from('PAR1\x15\x04'))?.kind).toBe('a Parquet file');
  });

  it('tells UTF-16 without its mark from other binary data, and takes UTF-16 with its little-endian mark as text', () => {
    expect(notTextKind(Buffer.from(CSV, 'utf16le'))?.kind).toBe('UTF-16 text without its byte-order mark');
    expect(notTextKind(Buffer.from(CSV, 'utf16le').swap16())?.kind).toBe('UTF-16 big-endian text without its byte-order mark');
    expect(notTextKind(Buffer.from(`\uFEFF${CSV}`, 'utf16le'))).toBeNull();
    expect(notTextKind(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(CSV, 'utf16le').swap16()]))?.kind).toBe('UTF-16 big-endian text');
    expect(notTextKind(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0))?.kind).toBe('binary data: it holds NUL bytes, which no CSV or JSON export writes');
  });

  it('takes a stray NUL in an export as a bad cell, left to its row, not as a binary file', () => {
    const csv = Buffer.from(CSV.repeat(100));
    csv[40] = 0;
    expect(notTextKind(csv)).toBeNull();
    csv[90] = 0;
    csv[140] = 0;
    expect(notTextKind(csv.subarray(0, 300))?.kind).toBe('binary data: it holds NUL bytes, which no CSV or JSON export writes');
  });

  it('takes text as text, whatever its language', () => {
    expect(notTextKind(Buffer.from(CSV))).toBeNull();
    expect(notTextKind(Buffer.from(`\uFEFFjour;total\n2026-07-01;12,50 €\n`))).toBeNull();
    expect(notTextKind(Buffer.from('[{"day":"2026-07-01"}]'))).toBeNull();
  });
});

describe('notTextByExtension', () => {
  it('names workbooks, archives and documents by their extension, and nothing else', () => {
    expect(notTextByExtension('xlsx')).toEqual({ kind: 'an Excel workbook', advice: 'Save the sheet as CSV UTF-8 (File > Save As) and point the source at that file' });
    expect(notTextByExtension('zip')?.kind).toBe('a ZIP archive');
    expect(notTextByExtension('pdf')?.kind).toBe('a PDF document');
    for (const extension of ['csv', 'json', 'txt', 'dat', '', 'constructor']) expect(notTextByExtension(extension), extension).toBeNull();
  });
});

describe('a source file that is not text', () => {
  it('fails the read with data/not-text at its first byte, saying what it looks like and what to do', async () => {
    const dir = await tempDir({ 'orders.csv': gzipSync(CSV), 'orders.json': Buffer.from('[{"day": 1}]', 'utf16le') });
    const columns = [col('day', 'date'), col('total', 'money')];
    // Files are named as the user would reach them from the working directory.
    const shown = (name: string) => relative(process.cwd(), join(dir, name));
    const [csv] = await readFailure(source('orders.csv', columns), { baseDir: dir });
    expect(csv).toMatchObject({ code: 'data/not-text', severity: 'error', location: { file: shown('orders.csv'), line: 1, column: 1 } });
    expect(csv?.message).toBe(
      `${shown('orders.csv')} cannot be read as a CSV or JSON export: it looks like a gzip file. Give it a name ending in .gz (orders.csv.gz), so that it is decompressed as it is read.`,
    );
    const [json] = await readFailure(source('orders.json', columns), { baseDir: dir });
    expect(json?.message).toBe(
      `${shown('orders.json')} cannot be read as a CSV or JSON export: it looks like UTF-16 text without its byte-order mark. Save it as UTF-8 and point the source at that file.`,
    );
  });

  it('refuses a workbook named .xlsx before opening it, at the --source that named it', async () => {
    const dir = await tempDir({ 'book.xlsx': Buffer.from([0x50, 0x4b, 0x03, 0x04]) });
    const shown = relative(process.cwd(), join(dir, 'book.xlsx'));
    const [problem] = await readFailure(source('orders.csv', [col('day', 'date')]), { overridePath: join(dir, 'book.xlsx') });
    expect(problem).toMatchObject({ code: 'data/not-text', location: { file: shown } });
    expect(problem?.message).toBe(`${shown} cannot be read as a CSV or JSON export: it looks like an Excel workbook. Save the sheet as CSV UTF-8 (File > Save As) and point the source at that file.`);
  });
});
