/** Data files -> typed row streams, one source at a time. */
export { formatProblem } from './datetime-format.js';
export { textAsRead } from './convert.js';
export { defaultSplit, readSource, type ReadOptions, type ReadProgress } from './read-source.js';
export { readSources } from './read-sources.js';
export { startWorkersFor } from './early-workers.js';
export { findFiles, type DataFile } from './files.js';
