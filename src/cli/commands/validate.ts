import { Command } from 'commander';
import { error, UserError } from '../../core/diagnostics.js';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import type { SourceStats } from '../../core/report.js';
import { count, keyNote } from '../../render/counts.js';
import { printDiagnostics, rowsRejected, sourceDiagnostics, unreadParts } from '../diagnostics-out.js';
import { findFramework } from '../framework-path.js';
import type { Io } from '../io.js';
import { parseSourceOverrides, threadsOption } from '../options.js';

/** validate lists far more rejected rows than report does; past this it only counts them, unless asked. */
const MAX_LISTED_PER_SOURCE = '200';

interface ValidateOptions {
  readonly source: readonly string[];
  readonly maxProblems: string;
  readonly color?: boolean;
  readonly threads?: number;
}

export function validateCommand(io: Io, setExit: (code: ExitCode) => void): Command {
  return new Command('validate')
    .description('check the framework and every row of every data file (all periods); exit 2 if anything is wrong')
    .argument('[framework]', 'framework file (default: ./journey.yaml)')
    .option('--source <name=path>', 'read a source from another file (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .option('--max-problems <n>', 'rejected rows to list per source; 0 lists them all', MAX_LISTED_PER_SOURCE)
    .addOption(threadsOption())
    .option('--no-color', 'never colour the output')
    .action(async (frameworkArg: string | undefined, options: ValidateOptions) => {
      const { loadFramework } = await import('../../load/framework/index.js');
      const { splitFor, streamSources } = await import('../stream-sources.js');
      const frameworkPath = await findFramework(frameworkArg, io.cwd);
      const framework = await loadFramework(frameworkPath);
      const names = framework.sources.filter((source) => source.kind === 'file').map((source) => source.name);
      const sources = await streamSources(framework, names, parseSourceOverrides(options.source), () => ({
        period: null,
        onRow: () => {},
        maxReported: maxProblems(options.maxProblems),
        ...splitFor(options.threads),
      }), io.stderr);
      await printDiagnostics(io, sourceDiagnostics(sources), options.color);
      const rows = sources.reduce((sum, source) => sum + source.rowsRead, 0);
      const rejected = rowsRejected(sources);
      const unread = unreadParts(sources);
      io.stdout.write(validationSummary(frameworkPath, sources.length, rows, rejected, unread) + keyNotes(sources));
      setExit(rejected + unread === 0 ? EXIT.ok : EXIT.badInput);
    });
}

function maxProblems(text: string): number {
  if (!/^\d+$/.test(text)) {
    throw new UserError(error('usage/max-problems', `--max-problems '${text}' is not a whole number: write e.g. --max-problems 50, or 0 for all`));
  }
  return Number(text) === 0 ? Infinity : Number(text);
}

function validationSummary(framework: string, files: number, rows: number, rejected: number, unread: number): string {
  if (rejected + unread === 0) return `✓ ${framework}: framework valid; ${files} source file(s), ${count(rows)} rows, none rejected\n`;
  const notRead = unread > 0 ? `; ${count(unread)} part(s) of files not read` : '';
  return `✗ ${framework}: framework valid; ${count(rejected)} of ${count(rows)} rows rejected${notRead}\n`;
}

/** Repeated keys are no problem (the key says to expect them), but how many there are is worth knowing. */
function keyNotes(sources: readonly SourceStats[]): string {
  return sources.flatMap((source) => (source.key ? [`  ${source.name}: ${keyNote(source.key)}\n`] : [])).join('');
}
