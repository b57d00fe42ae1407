/** Frameworks built in code for engine tests: sources, views and KPIs written the short way. */
import type { ColumnDef, ColumnType, FileSourceDef, Framework, KpiDef, SourceDef, ViewDef } from '../../src/core/framework.js';
import type { ComputedKpi } from '../../src/core/report.js';
import type { Row } from '../../src/core/values.js';
import { createEngine } from '../../src/compute/engine.js';
import type { ReportWindows } from '../../src/compute/windows.js';
import { parseCondition, parseFormula } from '../../src/formula/parser.js';

type FileSpec = { readonly columns: Readonly<Record<string, ColumnType>>; readonly time?: string };
type ViewSpec = { readonly from: string; readonly where: string };

export interface FrameworkSpec {
  readonly timezone?: string;
  readonly sources: Readonly<Record<string, FileSpec | ViewSpec>>;
  /** KPI id -> formula. */
  readonly kpis: Readonly<Record<string, string>>;
}

const location = { file: 'test.yaml' };

export function makeFramework(spec: FrameworkSpec): Framework {
  return {
    file: 'test.yaml',
    dir: '.',
    journey: 'Test journey',
    timezone: spec.timezone ?? 'UTC',
    sources: Object.entries(spec.sources).map(([name, source]) => makeSource(name, source)),
    stages: [{ id: 'all', name: 'All', touchpoints: [], kpis: Object.entries(spec.kpis).map(([id, text]) => makeKpi(id, text)), location }],
  };
}

function makeSource(name: string, spec: FileSpec | ViewSpec): SourceDef {
  if ('from' in spec) {
    const where = parseCondition(spec.where);
    if (!where.ok) throw new Error(`view ${name}: ${where.message}`);
    return { kind: 'view', name, from: spec.from, where: where.value, whereText: spec.where, location } satisfies ViewDef;
  }
  const columns = Object.entries(spec.columns).map(
    ([column, type]): ColumnDef => ({ name: column, type, from: column, required: false, location }),
  );
  const time = spec.time === undefined ? {} : { time: spec.time };
  return { kind: 'file', name, file: `${name}.csv`, headerRows: 1, columns, location, ...time } satisfies FileSourceDef;
}

function makeKpi(id: string, formulaText: string): KpiDef {
  const formula = parseFormula(formulaText);
  if (!formula.ok) throw new Error(`kpi ${id}: ${formula.message}`);
  return {
    id,
    name: id,
    stageId: 'all',
    formula: formula.value,
    formulaText,
    unit: 'number',
    target: { kind: 'absolute', value: 0 },
    direction: 'higher',
    level: 'error',
    location,
  };
}

/**
 * Runs the engine, feeding each source it asks for the given rows (none when absent), in the order it asks
 * for them (or in `order`). With windows, every row is fed, as the loader does for a source's range.
 */
export function compute(
  framework: Framework,
  rows: Readonly<Record<string, readonly Row[]>>,
  selected?: ReadonlySet<string>,
  windows?: ReportWindows,
  order?: readonly string[],
): ReadonlyMap<string, ComputedKpi> {
  const engine = createEngine(framework, selected, windows);
  for (const source of order ?? engine.sources) {
    const sink = engine.rowSink(source);
    for (const row of rows[source] ?? []) sink(row);
  }
  return engine.finish();
}

/** The one KPI's result, for single-formula tests. */
export function computeOne(formula: string, sources: FrameworkSpec['sources'], rows: Readonly<Record<string, readonly Row[]>>): ComputedKpi {
  const result = compute(makeFramework({ sources, kpis: { k: formula } }), rows).get('k');
  if (!result) throw new Error('no result for k');
  return result;
}
