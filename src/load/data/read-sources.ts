/**
 * The sources of a run read one after another, each as readSource reads it,
 * the workers reading the next file's pieces ahead (read-ahead.ts).
 */
import type { FileSourceDef } from '../../core/framework.js';
import type { SourceStats } from '../../core/report.js';
import { CSV_CHUNK_BYTES, readBytes } from './byte-stream.js';
import { csvInPieces } from './csv-reader.js';
import { findFiles, type DataFile } from './files.js';
import { readAheadOf } from './parallel-csv.js';
import { UpcomingFile, type ReadAhead } from './read-ahead.js';
import { readSource, splitFile, type ReadOptions } from './read-source.js';
import { SourceRows } from './source-rows.js';

/** One source of a run: its definition and how to read it. */
export interface SourceRead {
  readonly def: FileSourceDef;
  readonly options: ReadOptions;
}

/**
 * The workers reading a large file's pieces go on to the next file's as the
 * current one's run out: the next source starts with every thread busy.
 */
export async function readSources(reads: readonly SourceRead[]): Promise<SourceStats[]> {
  const found = await Promise.all(reads.map(({ def, options }) => options.files ?? findFiles(def, options.baseDir, options.overridePath)));
  const sources = reads.map(({ def, options }, index) => ({ def, options: { ...options, files: found[index] as readonly DataFile[] } }));
  const upcoming = upcomingFiles(sources.flatMap(({ def, options }) => options.files.map((file) => ({ file, def, options }))));
  try {
    const stats: SourceStats[] = [];
    for (const { def, options } of sources) stats.push(await readSource(def, options, upcoming));
    return stats;
  } finally {
    // Stopped by an error: the pieces read ahead for the files after it are not wanted.
    for (const file of upcoming.values()) void file.cancel();
  }
}

/** Each file of a run, knowing the files read after it. */
function upcomingFiles(files: readonly { readonly file: DataFile; readonly def: FileSourceDef; readonly options: ReadOptions }[]): ReadonlyMap<DataFile, UpcomingFile> {
  const upcoming = new Map<DataFile, UpcomingFile>();
  let after: UpcomingFile | undefined;
  for (const { file, def, options } of [...files].reverse()) {
    after = new UpcomingFile((following) => readAheadOfFile(file, def, options, following), after);
    upcoming.set(file, after);
  }
  return upcoming;
}

/** The pieces of `file`, its header read before its turn; undefined when it is read whole. */
async function readAheadOfFile(file: DataFile, def: FileSourceDef, options: ReadOptions, following: UpcomingFile | undefined): Promise<ReadAhead | undefined> {
  const split = await splitFile(file, options);
  if (!split) return undefined;
  // Rows for the header only: its turn reads the header again into the source's rows.
  const inPieces = await csvInPieces(readBytes(file.path, false, CSV_CHUNK_BYTES), file.shown, def, file.format === 'tsv', new SourceRows(def, options), split);
  return inPieces && readAheadOf(inPieces, following);
}
