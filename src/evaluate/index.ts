export { evaluateKpi, verdictOf, type ThresholdCheck, type Verdict } from './kpi.js';
export { summarize } from './summary.js';
