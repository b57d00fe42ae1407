import { Command } from 'commander';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import { applyGate } from '../../evaluate/gate.js';
import { renderCheck } from '../../render/check.js';
import { renderJson } from '../../render/json.js';
import { computeReport } from '../compute-report.js';
import { printDiagnostics, runDiagnostics, strictFailure } from '../diagnostics-out.js';
import { findFramework } from '../framework-path.js';
import { wantsColor, writeOutput, type Io } from '../io.js';
import { addComputeOptions, formatOption, type ComputeOptions } from '../options.js';

interface CheckOptions extends ComputeOptions {
  readonly format: 'table' | 'json';
}

const EXIT_HELP = `
Exit codes:
  0  every level-error KPI met its target (or is only at risk)
  1  a level-error KPI missed its target or has no data
  2  bad usage or bad input (framework, data; with --strict, any rejected row)
  3  internal error`;

export function checkCommand(io: Io, setExit: (code: ExitCode) => void): Command {
  return addComputeOptions(
    new Command('check')
      .description('compute the KPIs and fail (exit 1) when a level-error KPI misses its target or has no data')
      .argument('[framework]', 'framework file (default: ./journey.yaml)'),
  )
    .addOption(formatOption(['table', 'json']))
    .addHelpText('after', EXIT_HELP)
    .action(async (frameworkArg: string | undefined, options: CheckOptions) => {
      const report = await computeReport(await findFramework(frameworkArg, io.cwd), options, io);
      printDiagnostics(io, runDiagnostics(report), options.color);
      const gate = applyGate(report);
      const color = options.output === undefined && wantsColor(io.stdout, io, options.color);
      const text = options.format === 'json' ? renderJson(report, gate) : renderCheck(report, gate, { color });
      await writeOutput(io, text, options.output, [report.framework, ...report.sources.flatMap((source) => source.files)]);
      if (strictFailure(io, report.sources, options.strict, options.color)) setExit(EXIT.badInput);
      else setExit(gate.passed ? EXIT.ok : EXIT.failed);
    });
}
