/** readBytes() reads a plain file in two buffers taken in turn: every byte comes once, in order, from any offset. */
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../src/load/data/byte-stream.js';
import { tempDir } from './helpers.js';
import { join } from 'node:path';

async function copies(chunks: AsyncIterable<Buffer>, stopAfter = Infinity): Promise<{ bytes: Buffer; sizes: number[] }> {
  const kept: Buffer[] = [];
  for await (const chunk of chunks) {
    // A chunk is valid until the next is asked for: keep a copy.
    kept.push(Buffer.from(chunk));
    if (kept.length === stopAfter) break;
  }
  return { bytes: Buffer.concat(kept), sizes: kept.map((chunk) => chunk.length) };
}

describe('readBytes', () => {
  const text = Array.from({ length: 500 }, (_, i) => `${i},row ${i}\n`).join('');

  it('yields the whole file, chunk by chunk, and from an offset the rest of it', async () => {
    const dir = await tempDir({ 'a.csv': text });
    const whole = await copies(readBytes(join(dir, 'a.csv'), false, 64));
    expect(whole.bytes.toString()).toBe(text);
    expect(whole.sizes.slice(0, -1).every((size) => size === 64)).toBe(true);
    expect((await copies(readBytes(join(dir, 'a.csv'), false, 100, undefined, 1234))).bytes.toString()).toBe(text.slice(1234));
  });

  it('stops cleanly when the reader stops early, its read under way settled before the file is closed', async () => {
    const dir = await tempDir({ 'a.csv': text });
    const first = await copies(readBytes(join(dir, 'a.csv'), false, 64), 3);
    expect(first.bytes.toString()).toBe(text.slice(0, 192));
  });
});
