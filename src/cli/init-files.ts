/**
 * What `init` writes: the template as journey.yaml, its comments made true
 * for the written file, with this package's schema copied beside it (a
 * `$schema` pointing back into the package would break when either moves),
 * and with --with-data the example exports into data/. Nothing is
 * overwritten without --force.
 */
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { error, UserError } from '../core/diagnostics.js';
import { readTemplate, sampleDataFiles, sampleDataFolder, SCHEMA_FILE, type TemplateKind } from './templates.js';

export const FRAMEWORK_FILE = 'journey.yaml';
export const SCHEMA_COPY = 'journey-kpi.schema.json';

export interface PlannedFile {
  /** Relative to the folder, with `/`. */
  readonly path: string;
  readonly write: (target: string) => Promise<void>;
}

export async function planFiles(kind: TemplateKind, withData: boolean): Promise<PlannedFile[]> {
  const framework = asWritten(await readTemplate(kind));
  const files: PlannedFile[] = [
    { path: FRAMEWORK_FILE, write: (target) => writeFile(target, framework, 'utf8') },
    { path: SCHEMA_COPY, write: (target) => copyFile(SCHEMA_FILE, target) },
  ];
  if (!withData) return files;
  for (const name of await sampleDataFiles(kind)) {
    files.push({ path: `data/${name}`, write: (target) => copyFile(join(sampleDataFolder(kind), name), target) });
  }
  return files;
}

/** The template as journey.yaml: its `$schema=` comment names the copy beside it, its run line names journey.yaml. */
export function asWritten(template: string): string {
  return template
    .replace(/^(# yaml-language-server: \$schema=)\S+/m, `$1${SCHEMA_COPY}`)
    .replace(/^(#\s+journey-kpi report )\S+\.yaml$/m, `$1${FRAMEWORK_FILE}`);
}

/** Refuses, naming them, when any of the files exists and --force is not given. */
export async function refuseToOverwrite(files: readonly PlannedFile[], dir: string, shownDir: string, force: boolean): Promise<void> {
  if (force) return;
  const existing: string[] = [];
  for (const file of files) if (await exists(join(dir, file.path))) existing.push(file.path);
  if (existing.length === 0) return;
  throw new UserError(
    error(
      'init/exists',
      `${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'} in ${shownDir}: ` +
        'pass --force to overwrite, or give another folder (journey-kpi init --template KIND my-journey)',
    ),
  );
}

export async function writeFiles(files: readonly PlannedFile[], dir: string, shownDir: string): Promise<void> {
  try {
    for (const file of files) {
      const target = join(dir, file.path);
      await mkdir(join(target, '..'), { recursive: true });
      await file.write(target);
    }
  } catch (failure) {
    const reason = (failure as NodeJS.ErrnoException).code ?? String(failure);
    throw new UserError(error('init/write', `cannot write into ${shownDir} (${reason}): give a folder you can write to`));
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
