export { evaluateKpi, verdictOf, type Verdict } from './kpi.js';
export { summarize } from './summary.js';
