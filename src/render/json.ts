/**
 * The JSON document scripts rely on. Its shape is documented in the README
 * ("JSON output"); bump SCHEMA_VERSION when a field is removed, renamed or
 * changes meaning (adding a field does not bump it).
 */
import type { Diagnostic } from '../core/diagnostics.js';
import type { Period } from '../core/period.js';
import { SCHEMA_VERSION, type KpiResult, type Report, type SourceStats, type StoredRunInfo } from '../core/report.js';
import type { GateResult } from '../evaluate/gate.js';
import { findingsJson } from './findings-json.js';
import { kpiSlicesJson, slicesJson } from './slices-json.js';

export { SCHEMA_VERSION } from '../core/report.js';

/** With a gate (check), the document also carries the verdict. */
export function renderJson(report: Report, gate?: GateResult): string {
  const document = gate === undefined ? toJsonDocument(report) : { ...toJsonDocument(report), check: checkJson(gate) };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function checkJson(gate: GateResult) {
  const names = (kpis: readonly KpiResult[]) => kpis.map((kpi) => `${kpi.stageId}.${kpi.id}`);
  return { passed: gate.passed, fail_on: gate.failOn, checked: gate.checked, failed: names(gate.failures), warned: names(gate.warnings) };
}

function toJsonDocument(report: Report) {
  const { period } = report;
  return {
    schema_version: SCHEMA_VERSION,
    journey: report.journey,
    framework: report.framework,
    period: periodJson(period),
    currency: report.currency,
    baseline_run: report.storedRun ? { ...storedRunFields(report.storedRun), problems: report.storedRun.problems.map(diagnosticJson) } : null,
    summary: report.summary,
    sources: report.sources.map(sourceJson),
    stages: report.stages.map((stage) => ({
      id: stage.id,
      name: stage.name,
      touchpoints: stage.touchpoints,
      kpis: stage.kpis.map(kpiJson),
    })),
    findings: report.findings ? findingsJson(report.findings, report.currency) : null,
    ...slicesJson(report),
  };
}

export function periodJson(period: Period) {
  return {
    label: period.label,
    timezone: period.timezone,
    first_day: period.firstDay,
    last_day: period.lastDay,
    start: new Date(period.start).toISOString(),
    end: new Date(period.end).toISOString(),
  };
}

export function sourceJson(source: SourceStats) {
  return {
    name: source.name,
    files: source.files,
    rows_read: source.rowsRead,
    rows_in_period: source.rowsInPeriod,
    rows_outside_period: source.rowsOutsidePeriod,
    rows_rejected: source.rowsRejected,
    used_outside_period:
      source.rowsUsedOutside === undefined || source.usedFor === undefined ? null : { rows: source.rowsUsedOutside, for: source.usedFor },
    time_range: source.timeRange && { first: new Date(source.timeRange.first).toISOString(), last: new Date(source.timeRange.last).toISOString() },
    key: source.key ? { columns: source.key.columns, duplicates_dropped: source.key.duplicatesDropped, rows_without_key: source.key.rowsWithoutKey } : null,
    rejections: source.rejections.map(diagnosticJson),
    notices: source.notices.map(diagnosticJson),
  };
}

export function kpiJson(kpi: KpiResult) {
  return {
    id: kpi.id,
    name: kpi.name,
    owner: kpi.owner,
    unit: kpi.unit,
    direction: kpi.direction,
    level: kpi.level,
    value: kpi.value,
    baseline: kpi.baseline,
    baseline_from: kpi.baseline === null ? null : (kpi.baselineFrom ?? 'framework'),
    ...(kpi.baselinePeriod !== undefined && { baseline_period: kpi.baselinePeriod }),
    target: kpi.target,
    warn: kpi.warn,
    delta: kpi.delta,
    delta_relative: kpi.deltaRelative,
    status: kpi.status,
    reason: kpi.reason,
    sample: kpi.sample,
    problems: (kpi.problems ?? []).map(diagnosticJson),
    ...kpiSlicesJson(kpi),
  };
}

function storedRunFields({ file, journey, framework, period }: StoredRunInfo) {
  return { file, journey, framework, period };
}

export function diagnosticJson(diagnostic: Diagnostic) {
  return {
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: diagnostic.message,
    file: diagnostic.location?.file ?? null,
    line: diagnostic.location?.line ?? null,
    column: diagnostic.location?.column ?? null,
  };
}
