/**
 * A data file as a stream of text chunks, with memory bounded by the chunk
 * size: gunzipped when it is a .gz, decoded (UTF-8, or UTF-16 when it has
 * that byte-order mark), BOM dropped, and every CRLF turned into LF so that
 * mixed line endings never leave a `\r` in a value.
 */
import { StringDecoder } from 'node:string_decoder';
import { isUtf16, readBytes } from './byte-stream.js';

const CHUNK_BYTES = 1 << 16;

export function readText(path: string, gzip: boolean, onChunk?: (bytes: number) => void): AsyncGenerator<string> {
  return decodeText(readBytes(path, gzip, CHUNK_BYTES, onChunk));
}

/** The text of a file's bytes, however they are cut into chunks. */
export async function* decodeText(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let decoder: StringDecoder | undefined;
  let pendingCr = false;
  let started = false;
  for await (const buffer of bytes) {
    decoder ??= new StringDecoder(isUtf16(buffer) ? 'utf16le' : 'utf8');
    let text = decoder.write(buffer);
    if (pendingCr) text = `\r${text}`;
    if (!started && text !== '') {
      started = true;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    // A CR at the end of a chunk may be half of a CRLF: hold it until the next one.
    pendingCr = text.endsWith('\r');
    if (pendingCr) text = text.slice(0, -1);
    if (text !== '') yield text.replace(/\r\n/g, '\n');
  }
  const rest = (pendingCr ? '\r' : '') + (decoder?.end() ?? '');
  if (rest !== '') yield rest.replace(/\r\n/g, '\n');
}

export function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
