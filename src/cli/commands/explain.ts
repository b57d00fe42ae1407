import { Command } from 'commander';
import { error, UserError } from '../../core/diagnostics.js';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import type { Framework } from '../../core/framework.js';
import { didYouMean } from '../../core/suggest.js';
import { loadFramework } from '../../load/framework/index.js';
import { renderExplain } from '../../render/explain.js';
import { renderExplainJson } from '../../render/explain-json.js';
import { computeRun } from '../compute-report.js';
import { printDiagnostics, runDiagnostics } from '../diagnostics-out.js';
import { explainKpi } from '../explanation.js';
import { findFramework } from '../framework-path.js';
import { wantsColor, type Io } from '../io.js';
import { addPeriodAndSourceOptions, formatOption, parseSourceOverrides } from '../options.js';

const FORMATS = ['text', 'json'] as const;

interface ExplainOptions {
  readonly period?: string;
  readonly from?: string;
  readonly to?: string;
  readonly source: readonly string[];
  readonly format: (typeof FORMATS)[number];
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
      const framework = await loadFramework(await findFramework(frameworkArg, io.cwd));
      requireKpi(framework, kpiId);
      const run = await computeRun(framework, { ...options, stage: [], kpi: [kpiId] }, io);
      printDiagnostics(io, runDiagnostics(run.report), options.color);
      const explanation = explainKpi(run, kpiId, parseSourceOverrides(options.source));
      const color = wantsColor(io.stdout, io, options.color);
      io.stdout.write(options.format === 'json' ? renderExplainJson(explanation) : renderExplain(explanation, { color }));
      setExit(EXIT.ok);
    });
}

function requireKpi(framework: Framework, id: string): void {
  const known = framework.stages.flatMap((stage) => stage.kpis.map((kpi) => kpi.id));
  if (known.includes(id)) return;
  throw new UserError(
    error('usage/unknown-kpi', `KPI '${id}' is not in ${framework.file}.${didYouMean(id, known)} Its KPIs: ${known.join(', ')}`),
  );
}
