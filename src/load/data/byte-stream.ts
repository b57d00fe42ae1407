/**
 * A data file as a stream of byte chunks, gunzipped when it is a .gz. The
 * CSV reader tokenizes these bytes directly; text-stream.ts decodes them for
 * the readers that need text.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { notTextKind, NotTextError } from './not-text.js';

/** Large reads for the CSV tokenizer: per-chunk costs (a stream turn, a carried partial record) vanish at 1 MiB. */
export const CSV_CHUNK_BYTES = 1 << 20;

/**
 * The file's bytes from `start`, in chunks; `onChunk` hears each chunk's
 * length (uncompressed for a .gz) as it is read: the hook for a progress
 * display. A chunk is only valid until the next one is asked for: a plain
 * file is read into the same two buffers over and over (fresh memory for
 * every chunk would cost a page fault per 4 KiB), so whoever keeps bytes
 * keeps a copy.
 */
export async function* readBytes(path: string, gzip: boolean, chunkBytes: number, onChunk?: (bytes: number) => void, start = 0): AsyncGenerator<Buffer> {
  let first = start === 0;
  for await (const chunk of gzip ? gunzipped(path, chunkBytes) : fileChunks(path, chunkBytes, start)) {
    if (first) {
      const kind = notTextKind(chunk);
      if (kind !== null) throw new NotTextError(kind);
      first = false;
    }
    onChunk?.(chunk.length);
    yield chunk;
  }
}

async function* gunzipped(path: string, chunkBytes: number): AsyncGenerator<Buffer> {
  // pipeline() destroys the gunzip stream with the file's error, so iteration sees it.
  yield* pipeline(createReadStream(path, { highWaterMark: chunkBytes }), createGunzip({ chunkSize: Math.max(chunkBytes, 64) }), () => {});
}

/**
 * Read buffers of files done with, for the next file or piece this thread
 * reads: a large file is read in hundreds of pieces, and memory the
 * collector has yet to free would pile up with them.
 */
const spareBuffers: Buffer[] = [];
const MOST_SPARE = 4;

function bufferOf(bytes: number): Buffer {
  const spare = spareBuffers.findIndex((buffer) => buffer.length === bytes);
  return spare < 0 ? Buffer.allocUnsafe(bytes) : (spareBuffers.splice(spare, 1)[0] as Buffer);
}

/** Two buffers in turn: the next chunk is read into one while the caller scans the other. */
async function* fileChunks(path: string, chunkBytes: number, start: number): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  const buffers = [bufferOf(chunkBytes), bufferOf(chunkBytes)];
  let reading = handle.read(buffers[0] as Buffer, 0, chunkBytes, start);
  try {
    for (let position = start, turn = 1; ; turn++) {
      const { bytesRead, buffer } = await reading;
      if (bytesRead === 0) return;
      position += bytesRead;
      reading = handle.read(buffers[turn % 2] as Buffer, 0, chunkBytes, position);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    // A read still under way must end before its file is closed; its outcome no longer matters.
    await reading.catch(() => undefined);
    await handle.close();
    // The last chunk is done with too: it was valid only until the next was asked for.
    spareBuffers.push(...buffers.slice(0, MOST_SPARE - spareBuffers.length));
  }
}

/** A UTF-16 (little-endian) byte-order mark: Excel's "Unicode text" export. */
export function isUtf16(buffer: Buffer): boolean {
  return buffer[0] === 0xff && buffer[1] === 0xfe;
}
