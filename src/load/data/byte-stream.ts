/**
 * A data file as a stream of byte chunks, gunzipped when it is a .gz. The
 * CSV reader tokenizes these bytes directly; text-stream.ts decodes them for
 * the readers that need text.
 */
import { createReadStream } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { notTextKind, NotTextError } from './not-text.js';

/** Large reads for the CSV tokenizer: per-chunk costs (a stream turn, a carried partial record) vanish at 1 MiB. */
export const CSV_CHUNK_BYTES = 1 << 20;

/** `onChunk` hears each chunk's length (uncompressed for a .gz) as it is read: the hook for a progress display. */
export async function* readBytes(path: string, gzip: boolean, chunkBytes: number, onChunk?: (bytes: number) => void): AsyncGenerator<Buffer> {
  const file = createReadStream(path, { highWaterMark: chunkBytes });
  // pipeline() destroys the gunzip stream with the file's error, so iteration sees it.
  const bytes: Readable = gzip ? pipeline(file, createGunzip({ chunkSize: Math.max(chunkBytes, 64) }), () => {}) : file;
  let first = true;
  for await (const chunk of bytes) {
    if (first) {
      const kind = notTextKind(chunk as Buffer);
      if (kind !== null) throw new NotTextError(kind);
      first = false;
    }
    onChunk?.((chunk as Buffer).length);
    yield chunk as Buffer;
  }
}

/** A UTF-16 (little-endian) byte-order mark: Excel's "Unicode text" export. */
export function isUtf16(buffer: Buffer): boolean {
  return buffer[0] === 0xff && buffer[1] === 0xfe;
}
