/**
 * explain --format json: one KPI's explanation for scripts. Its shape is
 * documented in the README ("JSON output"); it shares the report's
 * schema_version and the report's objects for the period, the KPI and the sources' rows.
 */
import type { Explanation, FormulaTerm, SourceTrail } from '../core/explanation.js';
import { kpiJson, periodJson, SCHEMA_VERSION, sourceJson } from './json.js';

export function renderExplainJson(explanation: Explanation): string {
  const { kpi } = explanation;
  const document = {
    schema_version: SCHEMA_VERSION,
    journey: explanation.journey,
    framework: explanation.framework,
    period: periodJson(explanation.period),
    currency: explanation.currency,
    kpi: { ...kpiJson(kpi), stage: kpi.stageId, min_sample: explanation.minSample },
    formula: { text: explanation.formula, outline: explanation.outline, terms: explanation.terms.map(termJson) },
    /** As written: `{ "kind": "relative", "ratio": 0.1 }` for `+10%`, before the baseline resolved it. */
    thresholds_written: explanation.thresholds,
    status_checks: explanation.checks,
    sources: explanation.sources.map(trailJson),
    data: explanation.data.map(sourceJson),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function termJson(term: FormulaTerm) {
  return {
    label: term.label,
    kind: term.kind,
    text: term.text,
    unit: term.unit,
    name: term.name,
    source: term.source,
    value: term.value,
    sample: term.sample,
    reason: term.reason,
    currency: term.currency,
  };
}

function trailJson(source: SourceTrail) {
  if (source.kind === 'view') return { kind: source.kind, name: source.name, from: source.from, where: source.where };
  return {
    kind: source.kind,
    name: source.name,
    file: source.file,
    override: source.override,
    time: source.time,
    key: source.key,
    columns_read: source.columnsRead,
  };
}
