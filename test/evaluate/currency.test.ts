import { describe, expect, it } from 'vitest';
import type { KpiDef, Level } from '../../src/core/framework.js';
import type { ComputedKpi, Report } from '../../src/core/report.js';
import { applyGate } from '../../src/evaluate/gate.js';
import { evaluateKpi } from '../../src/evaluate/index.js';

function kpi(id: string, level: Level): KpiDef {
  return {
    id,
    name: id,
    stageId: 'purchase',
    formula: { kind: 'number', value: 1, span: { start: 0, end: 1 } },
    formulaText: '1',
    unit: 'currency',
    target: { kind: 'absolute', value: 10 },
    direction: 'higher',
    level,
    location: { file: 'journey.yaml', line: 12, column: 13 },
  };
}

const MIXED: ComputedKpi = { id: 'k', value: null, sample: 3, reason: 'sum(orders.total) adds amounts in 2 currencies', mixedCurrencies: true };
const EUR: ComputedKpi = { id: 'k', value: 20, sample: 3, currency: 'EUR' };

function reportOf(kpis: { def: KpiDef; computed: ComputedKpi }[]): Report {
  const results = kpis.map(({ def, computed }) => evaluateKpi(def, computed, 'USD'));
  return { stages: [{ id: 'purchase', name: 'Purchase', touchpoints: [], kpis: results }] } as unknown as Report;
}

describe('currency problems', () => {
  it('a mix is an error at the KPI, a single foreign currency a warning, the framework\'s own nothing', () => {
    expect(evaluateKpi(kpi('a', 'error'), MIXED, 'USD').problems).toEqual([
      { code: 'kpi/mixed-currencies', severity: 'error', message: "KPI 'a': sum(orders.total) adds amounts in 2 currencies", location: { file: 'journey.yaml', line: 12, column: 13 } },
    ]);
    expect(evaluateKpi(kpi('b', 'error'), EUR, 'USD').problems?.map((problem) => [problem.code, problem.severity])).toEqual([['kpi/foreign-currency', 'warning']]);
    expect(evaluateKpi(kpi('c', 'error'), EUR, 'EUR').problems).toBeUndefined();
    expect(evaluateKpi(kpi('d', 'error'), EUR, null).problems).toBeUndefined();
  });

  it('check fails a mix at level error and warn, not at off; a foreign currency alone fails nothing', () => {
    const gate = applyGate(
      reportOf([
        { def: kpi('mixed_error', 'error'), computed: MIXED },
        { def: kpi('mixed_warn', 'warn'), computed: MIXED },
        { def: kpi('mixed_off', 'off'), computed: MIXED },
        { def: kpi('euros', 'error'), computed: EUR },
      ]),
    );
    expect(gate.failures.map((result) => result.id)).toEqual(['mixed_error', 'mixed_warn']);
    expect(gate.warnings).toEqual([]);
    expect(gate.passed).toBe(false);
  });
});
