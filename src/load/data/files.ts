/**
 * Which files a source reads, and how: the framework's path (relative to
 * its folder) or a --source override (relative to the working directory),
 * glob expanded, each with its format from the extension unless declared.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { error, UserError } from '../../core/diagnostics.js';
import type { DataFormat, FileSourceDef } from '../../core/framework.js';
import { didYouMean } from '../../core/suggest.js';
import { expandPattern, hasWildcard } from './glob.js';

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

export async function findFiles(def: FileSourceDef, baseDir: string, overridePath?: string): Promise<DataFile[]> {
  const pattern = overridePath === undefined ? resolve(baseDir, def.file) : resolve(overridePath);
  const written = overridePath ?? def.file;
  const paths = hasWildcard(pattern) ? await expandPattern(pattern) : [pattern];
  if (paths.length === 0) {
    throw new UserError(
      error(
        'data/no-match',
        `no file matches '${written}' (source '${def.name}', looked in ${shownPath(dirname(pattern))}). ` +
          `Check the pattern, or pass --source ${def.name}=PATH.`,
        def.location,
      ),
    );
  }
  if (paths.length === 1 && paths[0] === pattern) await checkExists(pattern, written, def);
  return paths.map((path) => ({ path, shown: shownPath(path), ...formatOf(path, def) }));
}

async function checkExists(path: string, written: string, def: FileSourceDef): Promise<void> {
  const found = await stat(path).catch(() => null);
  if (found?.isFile()) return;
  const what = found ? 'is not a file' : 'does not exist';
  const siblings = await readdir(dirname(path)).catch((): string[] => []);
  throw new UserError(
    error(
      'data/file-not-found',
      `${shownPath(path)} (the file of source '${def.name}', written '${written}') ${what}.${didYouMean(basename(path), siblings)} ` +
        `Fix the path in the framework, or pass --source ${def.name}=PATH.`,
      def.location,
    ),
  );
}

function formatOf(path: string, def: FileSourceDef): { format: DataFormat; gzip: boolean } {
  const gzip = /\.gz$/i.test(path);
  const extension = /\.([^./\\]+)$/.exec(gzip ? path.slice(0, -3) : path)?.[1]?.toLowerCase() ?? '';
  const format = def.format ?? EXTENSIONS[extension];
  if (format === undefined) {
    throw new UserError(
      error(
        'data/unknown-format',
        `${shownPath(path)} has ${extension === '' ? 'no extension' : `the extension '.${extension}'`}, which does not tell its format. ` +
          `Add format: csv, tsv, json or jsonl to source '${def.name}'.`,
        def.location,
      ),
    );
  }
  return { format, gzip };
}
