import { Command } from 'commander';
import { relative, resolve } from 'node:path';
import { FRAMEWORK_FILE, planFiles, SCHEMA_COPY, refuseToOverwrite, writeFiles } from '../init-files.js';
import type { Io } from '../io.js';
import { TEMPLATE_KINDS, templateKind, type TemplateKind } from '../templates.js';

interface InitOptions {
  readonly template?: string;
  readonly withData?: boolean;
  readonly force?: boolean;
}

/** The files it wrote and what to edit next go to stdout: they are init's whole output. The question goes to stderr. */
export function initCommand(io: Io): Command {
  return new Command('init')
    .description('start a framework from a template: write journey.yaml (and, with --with-data, example exports in data/) into a folder')
    .argument('[dir]', 'folder to write into, created if missing (default: the working directory)')
    .option('--template <kind>', `the journey: ${TEMPLATE_KINDS.join(', ')} (asked on a terminal when left out)`)
    .option('--with-data', 'also write the example exports into data/, to see a report at once')
    .option('--force', 'overwrite files that exist')
    .action(async (dirArg: string | undefined, options: InitOptions) => {
      const kind = options.template === undefined ? await askTemplate(io) : templateKind(options.template);
      const dir = resolve(io.cwd, dirArg ?? '.');
      const shownDir = relative(io.cwd, dir) || '.';
      const files = await planFiles(kind, options.withData === true);
      await refuseToOverwrite(files, dir, shownDir, options.force === true);
      await writeFiles(files, dir, shownDir);
      io.stdout.write(summary(kind, files.map((file) => file.path), shownDir, options.withData === true));
    });
}

/** node:readline is loaded only when there is a question to ask. */
async function askTemplate(io: Io): Promise<TemplateKind> {
  return (await import('../template-question.js')).askTemplate(io);
}

function summary(kind: TemplateKind, paths: readonly string[], shownDir: string, withData: boolean): string {
  const inDir = (path: string) => (shownDir === '.' ? path : `${shownDir}/${path}`);
  const framework = inDir(FRAMEWORK_FILE);
  const wrote = paths.map((path) => `wrote ${inDir(path)} (${whatIs(path, kind)})\n`);
  const tryIt = withData ? [`  journey-kpi report ${framework}     the template's KPIs on the example data\n`] : [];
  return (
    wrote.join('') +
    '\nNext:\n' +
    tryIt.join('') +
    `  1. In ${framework}, sources: ${withData ? 'replace the example files in data/ with your own exports' : 'put your own exports in data/'} ` +
    "(or change each `file:`), and make each column's `from:` the header your export uses.\n" +
    '  2. stages: set each KPI\'s owner, baseline, target and warn; delete the KPIs you do not track.\n' +
    `  3. journey-kpi validate ${framework}   checks the framework and every row\n` +
    `     journey-kpi report ${framework}     computes the KPIs\n`
  );
}

function whatIs(path: string, kind: TemplateKind): string {
  if (path === FRAMEWORK_FILE) return `the ${kind} template`;
  return path === SCHEMA_COPY ? 'its schema, for editors that check YAML' : 'example data';
}
