import { Command } from 'commander';
import { error, UserError } from '../../core/diagnostics.js';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import type { Report } from '../../core/report.js';
import { printDiagnostics, runDiagnostics, strictFailure } from '../diagnostics-out.js';
import { findFramework } from '../framework-path.js';
import { wantsColor, writeOutput, type Io } from '../io.js';
import { outputCheck, outputTargets, writeOutputFile } from '../output-files.js';
import { addComputeOptions, addSliceOptions, formatOption, type ComputeOptions } from '../options.js';

const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
type ReportFormat = (typeof FORMATS)[number];

interface ReportOptions extends ComputeOptions {
  readonly format: ReportFormat;
  readonly saveBaseline?: string;
}

export function reportCommand(io: Io, setExit: (code: ExitCode) => void): Command {
  return addSliceOptions(
    addComputeOptions(
      new Command('report')
        .description('compute every KPI of a framework and show it against its baseline and target')
        .argument('[framework]', 'framework file (default: ./journey.yaml)'),
    ),
  )
    .addOption(formatOption(FORMATS))
    .option('--save-baseline <file>', "also write this run's values to FILE (the JSON report), for a later --baseline FILE")
    .action(async (frameworkArg: string | undefined, options: ReportOptions) => {
      refuseSlicesIn(options);
      const { computeReport } = await import('../report-run.js');
      const framework = await findFramework(frameworkArg, io.cwd);
      const targets = await outputTargets(io.cwd, options);
      const report = await computeReport(framework, options, io, outputCheck(io.cwd, targets, { ...options, framework }));
      await printDiagnostics(io, runDiagnostics(report), options.color);
      const color = options.output === undefined && wantsColor(io.stdout, io, options.color);
      if (targets.saveBaseline) await writeOutputFile(io.cwd, await render(report, 'json', false), targets.saveBaseline);
      await writeOutput(io, await render(report, options.format, color), targets.output);
      setExit((await strictFailure(io, report.sources, options.strict, options.color)) ? EXIT.badInput : EXIT.ok);
    });
}

/** Only the renderer asked for is loaded: the table's brings cli-table3 and chalk. */
async function render(report: Report, format: ReportFormat, color: boolean): Promise<string> {
  switch (format) {
    case 'table':
      return (await import('../../render/table.js')).renderTable(report, { color });
    case 'json':
      return (await import('../../render/json.js')).renderJson(report);
    case 'csv':
      return (await import('../../render/csv.js')).renderCsv(report);
    case 'markdown':
      return (await import('../../render/markdown.js')).renderMarkdown(report);
  }
}

/** csv and markdown carry one row per KPI: a comparison, trend or breakdown asked for there would be dropped without a word. */
function refuseSlicesIn(options: ReportOptions): void {
  if (options.format === 'table' || options.format === 'json') return;
  const asked = [
    ...(options.compare === undefined || options.compare === 'none' ? [] : ['--compare']),
    ...(options.trend === undefined ? [] : ['--trend']),
    ...((options.by ?? []).length === 0 ? [] : ['--by']),
  ];
  if (asked.length === 0) return;
  throw new UserError(
    error('usage/format', `${asked.join(' and ')} ${asked.length === 1 ? 'is' : 'are'} not shown in --format ${options.format}, which has one row per KPI: use --format table or --format json`),
  );
}
