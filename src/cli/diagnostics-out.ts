/** Data-row rejections become warnings on stderr, so a left-out row is never silent. */
import { error, warning, type Diagnostic } from '../core/diagnostics.js';
import type { Period } from '../core/period.js';
import type { Report, SourceStats } from '../core/report.js';
import { wantsColor, type Io } from './io.js';

/** What a report run says on stderr: what a --baseline file lacked, rows left out, sources with no row in the period, KPIs whose amounts mix currencies. */
export function runDiagnostics(report: Report): Diagnostic[] {
  return [
    ...(report.storedRun?.problems ?? []),
    ...sourceDiagnostics(report.sources),
    ...report.sources.flatMap((source) => emptyPeriodWarning(source, report.period)),
    ...report.stages.flatMap((stage) => stage.kpis.flatMap((kpi) => kpi.problems ?? [])),
  ];
}

/** A source whose valid rows all lie outside the period usually means a wrong period or a wrong time format. */
function emptyPeriodWarning(source: SourceStats, period: Period): Diagnostic[] {
  if (source.rowsInPeriod > 0 || source.timeRange === null) return [];
  const day = (epoch: number) => new Date(epoch).toISOString().slice(0, 10);
  const valid = source.rowsRead - source.rowsRejected;
  return [
    warning(
      'data/no-rows-in-period',
      `${source.name}: none of its ${valid} valid row${valid === 1 ? '' : 's'} falls in ${period.label} (${period.firstDay} to ${period.lastDay}); ` +
        `their times run from ${day(source.timeRange.first)} to ${day(source.timeRange.last)} (UTC). ${whatToCheck(source.timeRange)}`,
    ),
  ];
}

// Unix seconds read as milliseconds land in January 1970; milliseconds read as seconds, tens of thousands of years ahead.
const NEAR_1970 = Date.UTC(1971, 0, 1);
const FAR_AHEAD = Date.UTC(2200, 0, 1);

/** A unit mix-up only when the times say so; otherwise the period is what to change. */
function whatToCheck(range: { readonly first: number; readonly last: number }): string {
  if (range.first < NEAR_1970 || range.last >= FAR_AHEAD) return "Check the time column's format (unix_s or unix_ms?), or --period";
  return 'Choose a period inside that range (--period, or --from and --to)';
}

/** Per source: notices (parts not read as rows), then the rejected rows shown, then how many more. */
export function sourceDiagnostics(sources: readonly SourceStats[]): Diagnostic[] {
  return sources.flatMap((source) => {
    const unreported = source.rowsRejected - source.rejections.length;
    const more =
      unreported > 0
        ? [warning('row/more-rejected', `${source.name}: ${unreported} more rejected row${unreported === 1 ? '' : 's'} not shown (${source.rowsRejected} in all); run journey-kpi validate on the same framework and --source files with --max-problems 0 to list them all (it checks the rows of every period)`)]
        : [];
    return [...source.notices, ...source.rejections, ...more];
  });
}

/** The renderer (and chalk) is loaded only when there is something to print. */
export async function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], colorFlag?: boolean): Promise<void> {
  if (diagnostics.length === 0) return;
  const { renderDiagnostics } = await import('../render/diagnostics.js');
  io.stderr.write(renderDiagnostics(diagnostics, { color: wantsColor(io.stderr, io, colorFlag) }));
}

export function rowsRejected(sources: readonly SourceStats[]): number {
  return sources.reduce((sum, source) => sum + source.rowsRejected, 0);
}

/** Parts of files not read as rows (a second table): validate and --strict treat them as problems too. */
export function unreadParts(sources: readonly SourceStats[]): number {
  return sources.reduce((sum, source) => sum + source.notices.length, 0);
}

/** --strict fails the run on any rejected row, and says so: the output alone would not tell. */
export async function strictFailure(io: Io, sources: readonly SourceStats[], strict: boolean | undefined, colorFlag?: boolean): Promise<boolean> {
  const rejected = rowsRejected(sources);
  const unread = unreadParts(sources);
  if (!strict || rejected + unread === 0) return false;
  const what = [
    ...(rejected > 0 ? [`${rejected} row${rejected === 1 ? ' was' : 's were'} rejected`] : []),
    ...(unread > 0 ? [`${unread} part${unread === 1 ? '' : 's'} of files ${unread === 1 ? 'was' : 'were'} not read`] : []),
  ];
  await printDiagnostics(io, [error('data/strict', `--strict: ${what.join(' and ')} (listed above), so the exit code is 2`)], colorFlag);
  return true;
}
