import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package version, read from the nearest package.json (from src/ or dist/src/ alike). */
export const VERSION: string = readVersion(dirname(fileURLToPath(import.meta.url)));

function readVersion(folder: string): string {
  const candidate = join(folder, 'package.json');
  if (existsSync(candidate)) return (JSON.parse(readFileSync(candidate, 'utf8')) as { version: string }).version;
  const parent = dirname(folder);
  if (parent === folder) throw new Error('package.json not found above the journey-kpi sources');
  return readVersion(parent);
}
