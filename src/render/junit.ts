/**
 * JUnit XML for CI test views (Jenkins, GitLab, GitHub test reporters): one
 * testsuite per stage, one testcase per KPI. A KPI that fails the gate has a
 * <failure>; a level-warn KPI the gate warns about, and a level-off KPI, are
 * <skipped> with the reason as text (they never fail the run). The shape
 * follows the Jenkins junit-4.xsd rules: no attributes on <skipped>, no
 * `skipped` count on <testsuites>, no timestamps or durations (output is byte-stable).
 */
import type { KpiResult, Report, StageResult } from '../core/report.js';
import { gateOutcome, type GateOutcome, type GateResult } from '../evaluate/gate.js';
import { kpiRef, statusReason } from './cells.js';
import { runContext } from './check.js';
import { factLines, factsText } from './kpi-facts.js';
import { printable } from './text.js';
import { openTag, textElement, type Attributes } from './xml.js';

export function renderJunit(report: Report, gate: GateResult): string {
  const kpis = report.stages.flatMap((stage) => stage.kpis);
  const failures = kpis.filter((kpi) => gateOutcome(gate, kpi) === 'failed').length;
  const root: Attributes = [['name', `journey-kpi check: ${printable(runContext(report))}`], ['tests', kpis.length], ['failures', failures], ['errors', 0]];
  const suites = report.stages.flatMap((stage) => suite(stage, report, gate));
  return ['<?xml version="1.0" encoding="UTF-8"?>', openTag('testsuites', root), ...suites, '</testsuites>', ''].join('\n');
}

function suite(stage: StageResult, report: Report, gate: GateResult): string[] {
  const outcomes = stage.kpis.map((kpi) => caseOutcome(gate, kpi));
  const attributes: Attributes = [
    ['name', printable(stage.name)],
    ['tests', stage.kpis.length],
    ['failures', outcomes.filter((outcome) => outcome === 'failed').length],
    ['errors', 0],
    ['skipped', outcomes.filter((outcome) => outcome !== 'passed' && outcome !== 'failed').length],
  ];
  return [
    `  ${openTag('testsuite', attributes)}`,
    '    <properties>',
    ...properties(report, gate).map(([name, value]) => `      ${openTag('property', [['name', name], ['value', value]], true)}`),
    '    </properties>',
    ...stage.kpis.flatMap((kpi) => testcase(kpi, report.currency, gate).map((line) => `    ${line}`)),
    '  </testsuite>',
  ];
}

function properties(report: Report, gate: GateResult): [string, string][] {
  const { period } = report;
  return [
    ['journey', printable(report.journey)],
    ['period', `${period.label} (${period.firstDay} to ${period.lastDay}, ${period.timezone})`],
    ['fail_on', gate.failOn.length === 0 ? 'none' : gate.failOn.join(',')],
  ];
}

function testcase(kpi: KpiResult, currency: string | null, gate: GateResult): string[] {
  const attributes: Attributes = [['classname', kpi.stageId], ['name', `${kpi.id}: ${printable(kpi.name)}`], ['status', kpi.status]];
  const summary = printable(statusReason(kpi));
  switch (caseOutcome(gate, kpi)) {
    case 'unchecked':
      return wrapped(attributes, textElement('skipped', [], `not checked (--fail-on none): ${summary}`));
    case 'passed':
      return [openTag('testcase', attributes, true)];
    case 'failed': {
      const message = `${summary}; ${factsText(kpi, currency)}`;
      const body = [`${kpiRef(kpi)} ${printable(kpi.name)}: ${printable(kpi.reason)}`, `status: ${kpi.status}`, ...factLines(kpi, currency), `sample: ${kpi.sample ?? 'null'}`];
      return wrapped(attributes, textElement('failure', [['type', kpi.status], ['message', message]], `${body.join('\n')}\n`));
    }
    case 'warned':
      return wrapped(attributes, textElement('skipped', [], `level warn, does not fail: ${summary}; ${factsText(kpi, currency)}`));
    case 'off':
      return wrapped(attributes, textElement('skipped', [], `level off, not checked: ${summary}`));
  }
}

/** What the gate made of a KPI, where `--fail-on none`, which checks nothing, leaves as not checked what would pass. */
function caseOutcome(gate: GateResult, kpi: KpiResult): GateOutcome | 'unchecked' {
  const outcome = gateOutcome(gate, kpi);
  return outcome === 'passed' && gate.failOn.length === 0 ? 'unchecked' : outcome;
}

function wrapped(attributes: Attributes, child: string): string[] {
  return [openTag('testcase', attributes), `  ${child}`, '</testcase>'];
}
