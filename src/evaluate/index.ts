export { evaluateKpi } from './kpi.js';
export { summarize } from './summary.js';
