/**
 * Which files a source reads, and how: the framework's path (relative to
 * its folder) or a --source override (relative to the working directory),
 * glob expanded, each with its format from the extension unless declared.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { error, UserError, type SourceLocation } from '../../core/diagnostics.js';
import type { DataFormat, FileSourceDef } from '../../core/framework.js';
import { didYouMean } from '../../core/suggest.js';
import { expandPattern, hasWildcard } from './glob.js';
import { notTextByExtension, notTextMessage } from './not-text.js';

export interface DataFile {
  readonly path: string;
  /** Relative to the working directory, with forward slashes: how the user would type it. */
  readonly shown: string;
  readonly format: DataFormat;
  readonly gzip: boolean;
}

const EXTENSIONS: Readonly<Record<string, DataFormat>> = {
  csv: 'csv',
  txt: 'csv',
  tsv: 'tsv',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

function shownPath(path: string): string {
  return (relative(process.cwd(), path) || path).split(sep).join('/');
}

/** Where a source's path was written, which decides what a message about it advises and points at. */
interface PathOrigin {
  readonly written: string;
  readonly fix: string;
  readonly location: SourceLocation | undefined;
}

function originOf(def: FileSourceDef, overridePath: string | undefined): PathOrigin {
  if (overridePath === undefined) {
    return { written: def.file, fix: `Fix the path in the framework, or pass --source ${def.name}=PATH.`, location: def.location };
  }
  const fix = `Fix the path given to --source ${def.name}=…: it is relative to the working directory, not to the framework.`;
  return { written: overridePath, fix, location: undefined };
}

export async function findFiles(def: FileSourceDef, baseDir: string, overridePath?: string): Promise<DataFile[]> {
  const pattern = overridePath === undefined ? resolve(baseDir, def.file) : resolve(overridePath);
  const origin = originOf(def, overridePath);
  const paths = hasWildcard(pattern) ? await expandPattern(pattern) : [pattern];
  if (paths.length === 0) {
    const message = `no file matches '${origin.written}' (source '${def.name}', looked in ${shownPath(dirname(pattern))}). ${origin.fix}`;
    throw new UserError(error('data/no-match', message, origin.location));
  }
  if (paths.length === 1 && paths[0] === pattern) await checkExists(pattern, def, origin);
  return paths.map((path) => ({ path, shown: shownPath(path), ...formatOf(path, def, origin) }));
}

async function checkExists(path: string, def: FileSourceDef, origin: PathOrigin): Promise<void> {
  const found = await stat(path).catch(() => null);
  if (found?.isFile()) return;
  const what = found ? 'is not a file' : 'does not exist';
  const siblings = await readdir(dirname(path)).catch((): string[] => []);
  const others = siblings.filter((name) => name !== basename(path));
  const message = `${shownPath(path)} (the file of source '${def.name}', written '${origin.written}') ${what}.${didYouMean(basename(path), others)} ${origin.fix}`;
  throw new UserError(error('data/file-not-found', message, origin.location));
}

/** What a file's name says of it: its extension (before any .gz, lower case), the format that extension means, and whether it is compressed. */
export function namedFormat(path: string): { extension: string; format: DataFormat | undefined; gzip: boolean } {
  const gzip = /\.gz$/i.test(path);
  const extension = /\.([^./\\]+)$/.exec(gzip ? path.slice(0, -3) : path)?.[1]?.toLowerCase() ?? '';
  return { extension, format: Object.hasOwn(EXTENSIONS, extension) ? EXTENSIONS[extension] : undefined, gzip };
}

/** Uncompressed CSV or TSV: the only files workers read in pieces (a .gz cannot be reached at an offset). */
export function readableInPieces(file: { readonly format: DataFormat | undefined; readonly gzip: boolean }): boolean {
  return !file.gzip && (file.format === 'csv' || file.format === 'tsv');
}

function formatOf(path: string, def: FileSourceDef, origin: PathOrigin): { format: DataFormat; gzip: boolean } {
  const { extension, format: named, gzip } = namedFormat(path);
  const notText = def.format === undefined ? notTextByExtension(extension) : null;
  if (notText) throw new UserError(error('data/not-text', notTextMessage(shownPath(path), notText), origin.location ?? { file: shownPath(path) }));
  const format = def.format ?? named;
  if (format === undefined) {
    throw new UserError(
      error(
        'data/unknown-format',
        `${shownPath(path)} has ${extension === '' ? 'no extension' : `the extension '.${extension}'`}, which does not tell its format. ` +
          `Add format: csv, tsv, json or jsonl to source '${def.name}'.`,
        origin.location,
      ),
    );
  }
  return { format, gzip };
}
