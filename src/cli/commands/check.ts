import { Command, Option } from 'commander';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import type { Report } from '../../core/report.js';
import { applyGate, type GateResult } from '../../evaluate/gate.js';
import { printDiagnostics, runDiagnostics, strictFailure } from '../diagnostics-out.js';
import { FAIL_ON_CHOICES, failOnNotes, parseFailOn } from '../fail-on.js';
import { findFramework } from '../framework-path.js';
import { wantsColor, writeOutput, type Io } from '../io.js';
import { outputCheck, outputTargets } from '../output-files.js';
import { addComputeOptions, formatOption, type ComputeOptions } from '../options.js';

const FORMATS = ['table', 'json', 'junit', 'markdown', 'github'] as const;
type CheckFormat = (typeof FORMATS)[number];

interface CheckOptions extends ComputeOptions {
  readonly format: CheckFormat;
  readonly failOn: string;
}

const EXIT_HELP = `
Exit codes (the same in every --format; --output is written on pass and on fail):
  0  no level-error KPI has a status in --fail-on (level-warn KPIs never fail)
  1  a level-error KPI has a status in --fail-on (default: missed or no data)
  2  bad usage or bad input (framework, data, options; with --strict, any rejected row)
  3  internal error (a bug: please report it)`;

export function checkCommand(io: Io, setExit: (code: ExitCode) => void): Command {
  return addComputeOptions(
    new Command('check')
      .description('compute the KPIs and fail (exit 1) when a level-error KPI misses its target or has no data')
      .argument('[framework]', 'framework file (default: ./journey.yaml)'),
  )
    .addOption(formatOption(FORMATS))
    .addOption(
      new Option('--fail-on <statuses>', `statuses that fail a level-error KPI, comma-separated among ${FAIL_ON_CHOICES.join(', ')}; 'none' only reports`).default(
        'missed,no_data',
      ),
    )
    .addHelpText('after', EXIT_HELP)
    .action(async (frameworkArg: string | undefined, options: CheckOptions) => {
      const failOn = parseFailOn(options.failOn);
      const { computeReport } = await import('../report-run.js');
      const framework = await findFramework(frameworkArg, io.cwd);
      const targets = await outputTargets(io.cwd, options);
      const report = await computeReport(framework, options, io, outputCheck(io.cwd, targets, { ...options, framework }));
      await printDiagnostics(io, [...failOnNotes(failOn), ...runDiagnostics(report)], options.color);
      const gate = applyGate(report, failOn);
      const color = options.output === undefined && wantsColor(io.stdout, io, options.color);
      await writeOutput(io, await render(report, gate, options.format, color), targets.output);
      if (await strictFailure(io, report.sources, options.strict, options.color)) setExit(EXIT.badInput);
      else setExit(gate.passed ? EXIT.ok : EXIT.failed);
    });
}

/** Only the renderer asked for is loaded. */
async function render(report: Report, gate: GateResult, format: CheckFormat, color: boolean): Promise<string> {
  switch (format) {
    case 'table':
      return (await import('../../render/check.js')).renderCheck(report, gate, { color });
    case 'json':
      return (await import('../../render/json.js')).renderJson(report, gate);
    case 'junit':
      return (await import('../../render/junit.js')).renderJunit(report, gate);
    case 'markdown':
      return (await import('../../render/markdown.js')).renderMarkdown(report, gate);
    case 'github':
      return (await import('../../render/github.js')).renderGithub(report, gate);
  }
}
