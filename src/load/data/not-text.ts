/**
 * A file that is no text export at all: a workbook, an archive, a PDF, or
 * text in UTF-16 without its byte-order mark. Read as CSV it would show its
 * header as garbage and every row as rejected; it is named for what it is
 * instead, from its first bytes.
 */

/** Thrown by byte-stream.ts on a file's first chunk; read-source.ts says it with the file's name. */
export class NotTextError extends Error {
  constructor(readonly looksLike: NotText) {
    super(`not a text file: it looks like ${looksLike.kind}`);
  }
}

/** What the file looks like, and what to do about it. */
export interface NotText {
  readonly kind: string;
  readonly advice: string;
}

const EXPORT_AGAIN = 'Export the data as CSV (UTF-8) or JSON and point the source at that file';
const SAVE_SHEET = 'Save the sheet as CSV UTF-8 (File > Save As) and point the source at that file';

const ZIP: NotText = { kind: 'a ZIP archive (an Excel .xlsx workbook is one)', advice: SAVE_SHEET };
const XLS: NotText = { kind: 'an Excel .xls workbook', advice: SAVE_SHEET };
const PDF: NotText = { kind: 'a PDF document', advice: EXPORT_AGAIN };
const PARQUET: NotText = { kind: 'a Parquet file', advice: EXPORT_AGAIN };

const SIGNATURES: readonly (readonly [readonly number[], NotText])[] = [
  [[0x50, 0x4b, 0x03, 0x04], ZIP],
  [[0xd0, 0xcf, 0x11, 0xe0], XLS],
  [[0x1f, 0x8b], { kind: 'a gzip file', advice: 'Give it a name ending in .gz (orders.csv.gz), so that it is decompressed as it is read' }],
  [[0x25, 0x50, 0x44, 0x46], PDF],
  [[0x50, 0x41, 0x52, 0x31], PARQUET],
  [[0xfe, 0xff], { kind: 'UTF-16 big-endian text', advice: 'Save it as UTF-8 (or UTF-16 little-endian) and point the source at that file' }],
];
const UTF16_UNMARKED: NotText = { kind: 'UTF-16 text without its byte-order mark', advice: 'Save it as UTF-8 and point the source at that file' };
const UTF16_BE_UNMARKED: NotText = { kind: 'UTF-16 big-endian text without its byte-order mark', advice: 'Save it as UTF-8 and point the source at that file' };
const BINARY: NotText = { kind: 'binary data: it holds NUL bytes, which no CSV or JSON export writes', advice: EXPORT_AGAIN };

/** Files named for what they are, refused before they are opened. */
const EXTENSIONS: Readonly<Record<string, NotText>> = {
  xlsx: { kind: 'an Excel workbook', advice: SAVE_SHEET },
  xlsm: { kind: 'an Excel workbook', advice: SAVE_SHEET },
  xls: XLS,
  ods: { kind: 'an OpenDocument spreadsheet', advice: SAVE_SHEET },
  numbers: { kind: 'a Numbers spreadsheet', advice: 'Export it as CSV (File > Export To > CSV) and point the source at that file' },
  zip: { kind: 'a ZIP archive', advice: 'Unzip it and point the source at the CSV or JSON file inside (a glob such as data/*.csv takes several)' },
  pdf: PDF,
  parquet: PARQUET,
};

/** What a file named with `extension` (lower case, no dot) is when it is no text export; null otherwise. */
export function notTextByExtension(extension: string): NotText | null {
  return Object.hasOwn(EXTENSIONS, extension) ? (EXTENSIONS[extension] as NotText) : null;
}

/** The message for a file that is no text export, named as messages show it. */
export function notTextMessage(file: string, { kind, advice }: NotText): string {
  return `${file} cannot be read as a CSV or JSON export: it looks like ${kind}. ${advice}.`;
}

/** Bytes looked at for NULs: enough to judge, little to scan. */
const SAMPLE = 4096;

/** What `first`, a file's first chunk, looks like when it is no text; null when it may be text. UTF-16 little-endian with its mark is text. */
export function notTextKind(first: Uint8Array): NotText | null {
  for (const [signature, kind] of SIGNATURES) if (signature.every((byte, i) => first[i] === byte)) return kind;
  if (first[0] === 0xff && first[1] === 0xfe) return null;
  const sample = first.subarray(0, SAMPLE);
  // A stray NUL in an export is a bad cell, rejected with its row; binary data holds many.
  let nuls = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) nuls++;
  if (nuls < Math.max(2, sample.length / 256)) return null;
  // ASCII written as UTF-16: every other byte is NUL, the second of each pair in little-endian order, the first in big-endian.
  if (nulsEveryOther(sample, 1)) return UTF16_UNMARKED;
  return nulsEveryOther(sample, 0) ? UTF16_BE_UNMARKED : BINARY;
}

/** Whether nine in ten of the bytes at `first`, `first` + 2, … are NUL. */
function nulsEveryOther(sample: Uint8Array, first: number): boolean {
  let nuls = 0;
  for (let i = first; i < sample.length; i += 2) if (sample[i] === 0) nuls++;
  return nuls * 2 >= sample.length * 0.9;
}
