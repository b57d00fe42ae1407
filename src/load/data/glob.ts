/**
 * `data/orders-*.csv`: `*` and `?` in the last path segment(s), expanded
 * with readdir and a tiny matcher, sorted by name so a run reads the files
 * in the same order everywhere.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';

const WILDCARD = /[*?]/;

export function hasWildcard(path: string): boolean {
  return WILDCARD.test(path);
}

/** Files matching an absolute pattern; empty when none do. */
export async function expandPattern(pattern: string): Promise<string[]> {
  const segments = pattern.split(sep);
  const first = segments.findIndex(hasWildcard);
  const base = segments.slice(0, first).join(sep) || sep;
  return walk(base, segments.slice(first));
}

async function walk(dir: string, segments: readonly string[]): Promise<string[]> {
  const [segment = '', ...rest] = segments;
  const last = rest.length === 0;
  if (!hasWildcard(segment)) return last ? [join(dir, segment)] : walk(join(dir, segment), rest);
  const matcher = toRegExp(segment);
  const entries = await readdir(dir, { withFileTypes: true }).catch((): Dirent[] => []);
  const names = entries
    .filter((entry) => matcher.test(entry.name) && (entry.isSymbolicLink() || (last ? entry.isFile() : entry.isDirectory())))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const found: string[] = [];
  for (const name of names) found.push(...(last ? [join(dir, name)] : await walk(join(dir, name), rest)));
  return found;
}

function toRegExp(segment: string): RegExp {
  const source = segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`);
}
