/**
 * The command-line program. `run` returns the exit code; only bin/ ends the
 * process, so tests can drive the whole CLI in-process.
 * Each command loads what its action needs (the framework loader, the
 * engine, a renderer) when it runs, so --version, --help and every command
 * start without loading the code of the others.
 */
import { Command, CommanderError } from 'commander';
import { error, UserError, type Diagnostic } from '../core/diagnostics.js';
import { EXIT, type ExitCode } from '../core/exit-codes.js';
import { didYouMean } from '../core/suggest.js';
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
    // commander's own errors are written by handleError, as diagnostics like every other.
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text), outputError: () => {} })
    .addHelpText('after', '\nExit codes: 0 ok, 1 a KPI failed the check, 2 bad usage or bad input, 3 internal error.');
  const commands = [reportCommand(io, setExit), checkCommand(io, setExit), validateCommand(io, setExit), explainCommand(io, setExit), kpisCommand(io), initCommand(io)];
  for (const command of commands) {
    program.addCommand(command.exitOverride().configureOutput({ outputError: () => {} }));
  }
  try {
    if (argv.length === 0) {
      io.stderr.write(program.helpInformation());
      return EXIT.badInput;
    }
    // commander's help command shows the general help for a command it does not know.
    const asked = argv[0] === 'help' ? argv[1] : undefined;
    const names = [...commands.map((command) => command.name()), 'help'];
    if (asked !== undefined && !asked.startsWith('-') && !names.includes(asked)) {
      throw new CommanderError(EXIT.badInput, 'commander.unknownCommand', `error: unknown command '${asked}'.${didYouMean(asked, names)}`);
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (thrown) {
    // The error may come before commander has read --no-color (or be about the options themselves).
    return handleError(withHint(thrown, argv, commands), io, argv.includes('--no-color') ? false : undefined);
  }
}

/**
 * commander's error with what would put it right: a value outside an option's choices with the closest
 * one; an option it does not know where it was written, with where it belongs: after the command
 * (`journey-kpi --no-color report`), or to another command (`check --trend`).
 */
function withHint(thrown: unknown, argv: readonly string[], commands: readonly Command[]): unknown {
  if (thrown instanceof CommanderError && thrown.code === 'commander.invalidArgument') return withClosestChoice(thrown);
  if (!(thrown instanceof CommanderError) || thrown.code !== 'commander.unknownOption') return thrown;
  const option = /'(-[^']*)'/.exec(thrown.message)?.[1];
  if (option === undefined) return thrown;
  const name = option.split('=')[0] as string;
  const owners = commands.filter((command) => command.options.some((known) => known.long === name || known.short === name)).map((command) => command.name());
  const index = argv.indexOf(option);
  const commandAt = argv.findIndex((arg) => commands.some((command) => command.name() === arg));
  const written = argv[commandAt] ?? '';
  const before = index >= 0 && (commandAt < 0 || index < commandAt);
  const place =
    owners.length === 0
      ? undefined
      : before && (commandAt < 0 || owners.includes(written))
        ? `Options go after the command: journey-kpi ${commandAt < 0 ? owners[0] : written} … ${name}`
        : owners.includes(written)
          ? undefined
          : `${name} is an option of ${owners.join(', ')}`;
  return place === undefined ? thrown : new CommanderError(thrown.exitCode, thrown.code, `${thrown.message.split('\n')[0]}\n(${place}.)`);
}

/** A value outside an option's choices (`--format jsn`), with the closest choice. */
function withClosestChoice(thrown: CommanderError): CommanderError {
  const found = /argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/.exec(thrown.message);
  const hint = found ? didYouMean(found[1] as string, (found[2] as string).split(', ')) : '';
  return hint === '' ? thrown : new CommanderError(thrown.exitCode, thrown.code, `${thrown.message}${hint}`);
}

async function handleError(thrown: unknown, io: Io, colorFlag: boolean | undefined): Promise<ExitCode> {
  const color = wantsColor(io.stderr, io, colorFlag);
  if (thrown instanceof CommanderError && COMMANDER_SUCCESS.has(thrown.code)) return EXIT.ok;
  const { renderDiagnostics } = await import('../render/diagnostics.js');
  if (thrown instanceof CommanderError) {
    io.stderr.write(renderDiagnostics([commanderDiagnostic(thrown)], { color }));
    return EXIT.badInput;
  }
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

/**
 * A usage error commander found (an unknown option or command, a choice not
 * allowed), in the form of every other diagnostic: code `usage/unknown-option`
 * from `commander.unknownOption`, its message and suggestion as one sentence.
 */
function commanderDiagnostic(thrown: CommanderError): Diagnostic {
  const code = thrown.code.replace(/^commander\./, '').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  const sentences = thrown.message
    .replace(/^error: /, '')
    .split('\n')
    .map((line) => line.trim().replace(/^\((.*)\)$/, '$1'))
    .filter((line) => line !== '')
    .map((line) => (/[.?!]$/.test(line) ? line : `${line}.`));
  return error(`usage/${code}`, `${sentences.join(' ')} Run journey-kpi --help, or journey-kpi COMMAND --help, for usage`);
}
