/** Options shared by the commands that compute a report. */
import { Option, type Command } from 'commander';
import { error, UserError } from '../core/diagnostics.js';
import { COMPARE_KINDS, TREND_UNITS, type CompareKind, type TrendUnit } from '../core/framework.js';

export interface ComputeOptions {
  readonly period?: string;
  readonly from?: string;
  readonly to?: string;
  readonly stage: readonly string[];
  readonly kpi: readonly string[];
  readonly source: readonly string[];
  readonly strict?: boolean;
  readonly color?: boolean;
  readonly output?: string;
  readonly threads?: number;
  /** report, check: a stored run whose values are this run's baselines. */
  readonly baseline?: string;
  readonly compare?: CompareKind;
  readonly trend?: TrendUnit;
  readonly by?: readonly string[];
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function addComputeOptions(command: Command): Command {
  return addPeriodAndSourceOptions(command)
    .option('--stage <id>', 'only this stage (repeatable)', collect, [])
    .option('--kpi <id>', 'only this KPI (repeatable)', collect, [])
    .option('--baseline <file>', "use an earlier run's values as baselines: a file of report --save-baseline or report --format json")
    .option('--strict', 'exit 2 when any data row is rejected')
    .option('--output <file>', 'write the output to a file instead of stdout')
    .option('--no-color', 'never colour the output');
}

/** Comparison, trend and breakdown (report). */
export function addSliceOptions(command: Command): Command {
  return command
    .addOption(new Option('--compare <kind>', "compare with the period before or a year earlier (default: the framework's compare)").choices(COMPARE_KINDS))
    .addOption(new Option('--trend <unit>', 'each KPI per day, week, month or quarter of the period').choices(TREND_UNITS))
    .option('--by <column>', 'each KPI per value of a column, e.g. channel (repeatable)', collect, []);
}

/** What data a run reads: the period and --source overrides (report, check, explain). */
export function addPeriodAndSourceOptions(command: Command): Command {
  return command
    .option('--period <period>', 'reporting period: 2026-Q3, 2026-07, 2026, 2026-H2, 2026-W27 (default: the framework\'s)')
    .option('--from <date>', 'first day of a custom period, YYYY-MM-DD (with --to)')
    .option('--to <date>', 'last day of a custom period, inclusive, YYYY-MM-DD')
    .option('--source <name=path>', 'read a source from another file for this run (repeatable)', collect, [])
    .addOption(threadsOption());
}

/** Shared with validate, which reads every row too. */
export function threadsOption(): Option {
  return new Option('--threads <n>', 'threads that read a large CSV file, the main thread included (default: one per core, at most 4; 1: the main thread only)').argParser(
    parseThreads,
  );
}

function parseThreads(text: string): number {
  const threads = Number(text);
  if (!/^\d+$/.test(text) || threads < 1 || threads > 64) {
    throw new UserError(error('usage/threads', `--threads '${text}' is not a number of threads from 1 to 64: write e.g. --threads 1 to read on the main thread only`));
  }
  return threads;
}

export function formatOption(choices: readonly string[]): Option {
  return new Option('--format <format>', 'output format').choices(choices).default(choices[0]);
}

/** `--source orders=exports/orders-2026-09.csv` pairs, keyed by source name. */
export function parseSourceOverrides(pairs: readonly string[]): ReadonlyMap<string, string> {
  const overrides = new Map<string, string>();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1) {
      throw new UserError(
        error('usage/source', `--source '${pair}' is not NAME=PATH: write e.g. --source orders=exports/orders.csv`),
      );
    }
    const name = pair.slice(0, at);
    if (overrides.has(name)) {
      throw new UserError(error('usage/source', `--source ${name}=… is given twice: give each source one file (a glob such as 'exports/${name}-*.csv' reads several)`));
    }
    overrides.set(name, pair.slice(at + 1));
  }
  return overrides;
}
