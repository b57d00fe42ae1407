/** A KPI's numbers in words, for the CI formats (JUnit, annotations): shown as the table shows them, and raw. */
import type { KpiResult } from '../core/report.js';
import { changeText, targetText, valueText } from './cells.js';

/** `value 50.00%, target ≤ 45.00%, baseline 60.00%, vs baseline −10.00 pp`. */
export function factsText(kpi: KpiResult, currency: string | null): string {
  return facts(kpi, currency)
    .map(([label, shown]) => `${label} ${shown}`)
    .join(', ');
}

/** One line per number, shown then raw at full precision: `value: 50.00% (0.5)`. */
export function factLines(kpi: KpiResult, currency: string | null): string[] {
  return facts(kpi, currency).map(([label, shown, raw]) => `${label}: ${shown} (${raw ?? 'null'})`);
}

function facts(kpi: KpiResult, currency: string | null): [string, string, number | null][] {
  const shown = (value: number | null) => valueText(kpi, value, currency);
  return [
    ['value', shown(kpi.value), kpi.value],
    ['target', targetText(kpi, currency), kpi.target],
    ...(kpi.warn === null ? [] : [['warn', shown(kpi.warn), kpi.warn] as [string, string, number]]),
    ['baseline', shown(kpi.baseline), kpi.baseline],
    ['vs baseline', changeText(kpi, currency), kpi.delta],
  ];
}
