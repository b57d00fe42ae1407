/** Data-row rejections become warnings on stderr, so a left-out row is never silent. */
import { warning, type Diagnostic } from '../core/diagnostics.js';
import type { SourceStats } from '../core/report.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { wantsColor, type Io } from './io.js';

export function rejectionDiagnostics(sources: readonly SourceStats[]): Diagnostic[] {
  return sources.flatMap((source) => {
    const unreported = source.rowsRejected - source.rejections.length;
    const more =
      unreported > 0
        ? [warning('row/more-rejected', `${source.name}: ${unreported} more rejected row${unreported === 1 ? '' : 's'} not shown (${source.rowsRejected} in all); run journey-kpi validate to list them`)]
        : [];
    return [...source.rejections, ...more];
  });
}

export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], colorFlag?: boolean): void {
  if (diagnostics.length === 0) return;
  io.stderr.write(renderDiagnostics(diagnostics, { color: wantsColor(io.stderr, io, colorFlag) }));
}

export function rowsRejected(sources: readonly SourceStats[]): number {
  return sources.reduce((sum, source) => sum + source.rowsRejected, 0);
}
