/**
 * The command-line program. `run` returns the exit code; only bin/ ends the
 * process, so tests can drive the whole CLI in-process.
 * Each command loads what its action needs (the framework loader, the
 * engine, a renderer) when it runs, so --version, --help and every command
 * start without loading the code of the others.
 */
import { Command, CommanderError } from 'commander';
import { error, UserError } from '../core/diagnostics.js';
import { EXIT, type ExitCode } from '../core/exit-codes.js';
import { checkCommand } from './commands/check.js';
import { explainCommand } from './commands/explain.js';
import { initCommand } from './commands/init.js';
import { kpisCommand } from './commands/kpis.js';
import { reportCommand } from './commands/report.js';
import { validateCommand } from './commands/validate.js';
import { wantsColor, type Io } from './io.js';
import { VERSION } from './version.js';

const COMMANDER_SUCCESS = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

export async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT.ok;
  const setExit = (code: ExitCode) => {
    exitCode = code;
  };
  const program = new Command('journey-kpi')
    .description('Customer-journey KPIs from your CSV/JSON exports, against baselines and targets.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(run journey-kpi --help for usage)')
    .addHelpText('after', '\nExit codes: 0 ok, 1 a KPI failed the check, 2 bad usage or bad input, 3 internal error.');
  const commands = [reportCommand(io, setExit), checkCommand(io, setExit), validateCommand(io, setExit), explainCommand(io, setExit), kpisCommand(io), initCommand(io)];
  for (const command of commands) {
    program.addCommand(command.exitOverride());
  }
  try {
    if (argv.length === 0) {
      io.stderr.write(program.helpInformation());
      return EXIT.badInput;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (thrown) {
    return handleError(thrown, io);
  }
}

async function handleError(thrown: unknown, io: Io): Promise<ExitCode> {
  const color = wantsColor(io.stderr, io, undefined);
  if (thrown instanceof CommanderError) return COMMANDER_SUCCESS.has(thrown.code) ? EXIT.ok : EXIT.badInput;
  const { renderDiagnostics } = await import('../render/diagnostics.js');
  if (thrown instanceof UserError) {
    io.stderr.write(renderDiagnostics(thrown.diagnostics, { color }));
    return EXIT.badInput;
  }
  const detail = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown);
  io.stderr.write(
    renderDiagnostics([error('internal', 'journey-kpi hit a bug; please report it with the command you ran and this message')], { color }) +
      `${detail}\n`,
  );
  return EXIT.internal;
}
