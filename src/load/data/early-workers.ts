/**
 * A worker thread takes a tenth of a second to start (Node's own start, then
 * our code), which a run otherwise spends reading alone. When the command line
 * names a CSV file large enough to be read in pieces, the workers start at once,
 * before the framework is read: by the time the file is, they are ready.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { namedFormat, readableInPieces } from './files.js';
import { pieceBytesFor, type SplitOptions } from './parallel-csv.js';
import { piecePool } from './piece-pool.js';
import { defaultSplit } from './read-source.js';

/**
 * Starts the workers when one of `paths` (relative to the working directory) is such a file. Only a head start:
 * the read decides as ever, so a guess that misses (a source that declares another format) costs an idle thread.
 */
export async function startWorkersFor(paths: readonly string[], split: SplitOptions = defaultSplit()): Promise<void> {
  const inPieces = paths.map((path) => resolve(path)).filter((path) => readableInPieces(namedFormat(path)));
  // A file that cannot be read is the read's to report, with its diagnostic.
  const sizes = await Promise.all(inPieces.map((path) => stat(path).then((found) => found.size, () => 0)));
  if (sizes.some((size) => pieceBytesFor(split, size, false) !== undefined)) piecePool(split.workers);
}
