/** The report behind report and check: one run of the framework, on the values of a stored run when --baseline names one, with its findings. */
import type { Framework } from '../core/framework.js';
import type { Report } from '../core/report.js';
import { findingsOf } from '../evaluate/findings.js';
import { rebaseOnStoredRun, withStoredRun } from '../evaluate/stored-baselines.js';
import { loadFramework } from '../load/framework/index.js';
import { startWorkersFor } from '../load/data/index.js';
import { computeRun } from './compute-report.js';
import { splitFor, type BeforeReading } from './stream-sources.js';
import type { Io } from './io.js';
import { parseSourceOverrides, type ComputeOptions } from './options.js';

/** Progress of long reads goes to io.stderr when it is a terminal. */
export async function computeReport(frameworkPath: string, options: ComputeOptions, io: Pick<Io, 'cwd' | 'stderr'>, beforeReading?: BeforeReading): Promise<Report> {
  startWorkersEarly(options);
  const framework = await loadFramework(frameworkPath);
  const report = await computeOnBaselines(framework, options, io, beforeReading);
  return { ...report, findings: findingsOf(report.stages, framework.funnel) };
}

/** Workers for a large --source file start while the framework loads; a malformed --source is reported in its turn, after the framework's problems. */
function startWorkersEarly(options: ComputeOptions): void {
  let paths: string[];
  try {
    paths = [...parseSourceOverrides(options.source).values()];
  } catch {
    return;
  }
  // A pool that fails to start fails the read that needs it, with its own error.
  startWorkersFor(paths, splitFor(options.threads).split).catch(() => {});
}

async function computeOnBaselines(framework: Framework, options: ComputeOptions, io: Pick<Io, 'cwd' | 'stderr'>, beforeReading?: BeforeReading): Promise<Report> {
  if (options.baseline === undefined) return (await computeRun(framework, options, io, beforeReading)).report;
  // Loaded only for --baseline: it compiles its JSON Schema when it loads.
  const { readStoredRun } = await import('../load/stored-run.js');
  const stored = await readStoredRun(options.baseline, io.cwd);
  const { report } = await computeRun(rebaseOnStoredRun(framework, stored), options, io, beforeReading);
  return withStoredRun(report, stored);
}
