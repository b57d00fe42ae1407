/** Data files -> typed row streams, one source at a time. */
export { readSource, type ReadOptions } from './read-source.js';
