import { Command } from 'commander';
import { error, UserError } from '../../core/diagnostics.js';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import type { Explanation } from '../../core/explanation.js';
import type { Framework } from '../../core/framework.js';
import { didYouMean } from '../../core/suggest.js';
import { printDiagnostics, runDiagnostics } from '../diagnostics-out.js';
import { findFramework } from '../framework-path.js';
import { wantsColor, type Io } from '../io.js';
import { addPeriodAndSourceOptions, formatOption, parseSourceOverrides } from '../options.js';

const FORMATS = ['text', 'json'] as const;
type ExplainFormat = (typeof FORMATS)[number];

interface ExplainOptions {
  readonly period?: string;
  readonly from?: string;
  readonly to?: string;
  readonly source: readonly string[];
  readonly format: ExplainFormat;
  readonly color?: boolean;
}

/** One KPI computed as report computes it (the same engine, one pass over the data it needs), then shown in detail. */
export function explainCommand(io: Io, setExit: (code: ExitCode) => void): Command {
  return addPeriodAndSourceOptions(
    new Command('explain')
      .description('show how one KPI is computed: its formula, the numbers behind its value, the sources and rows read, how its status was decided')
      .argument('<kpi>', 'the KPI id')
      .argument('[framework]', 'framework file (default: ./journey.yaml)'),
  )
    .addOption(formatOption(FORMATS))
    .option('--no-color', 'never colour the output')
    .action(async (kpiId: string, frameworkArg: string | undefined, options: ExplainOptions) => {
      const { loadFramework } = await import('../../load/framework/index.js');
      const { computeRun } = await import('../compute-report.js');
      const { explainKpi } = await import('../explanation.js');
      const framework = await loadFramework(await findFramework(frameworkArg, io.cwd));
      requireKpi(framework, kpiId);
      const run = await computeRun(framework, { ...options, stage: [], kpi: [kpiId] }, io);
      await printDiagnostics(io, runDiagnostics(run.report), options.color);
      const explanation = explainKpi(run, kpiId, parseSourceOverrides(options.source));
      const color = wantsColor(io.stdout, io, options.color);
      io.stdout.write(await render(explanation, options.format, color));
      setExit(EXIT.ok);
    });
}

/** Only the renderer asked for is loaded. */
async function render(explanation: Explanation, format: ExplainFormat, color: boolean): Promise<string> {
  if (format === 'json') return (await import('../../render/explain-json.js')).renderExplainJson(explanation);
  return (await import('../../render/explain.js')).renderExplain(explanation, { color });
}

function requireKpi(framework: Framework, id: string): void {
  const known = framework.stages.flatMap((stage) => stage.kpis.map((kpi) => kpi.id));
  if (known.includes(id)) return;
  throw new UserError(
    error('usage/unknown-kpi', `KPI '${id}' is not in ${framework.file}.${didYouMean(id, known)} Its KPIs: ${known.join(', ')}`),
  );
}
