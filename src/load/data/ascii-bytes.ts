/**
 * A short text as bytes, for the readers that work on a file's bytes where
 * they lie (iso-fast.ts, numbers.ts) and read texts too (JSON values, cells
 * csv-parse found): one reader per shape, whatever holds the characters.
 */

/** Copies `text`'s character codes into `into`: its length, or -1 when it does not fit or holds a character beyond ASCII (no byte stands for it). */
export function asciiBytes(text: string, into: Uint8Array): number {
  if (text.length > into.length) return -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return -1;
    into[i] = code;
  }
  return text.length;
}
