/**
 * The values both tools produced, flattened to one name -> number map
 * (KPI ids, and `traffic.rows_read` etc. for each source's row counts),
 * and the names whose values differ.
 */
export type Values = Readonly<Record<string, number | null>>;

const RELATIVE_TOLERANCE = 1e-9;
const COUNTS = ['rows_read', 'rows_rejected', 'rows_in_period'] as const;

interface ReportJson {
  readonly sources: readonly ({ readonly name: string } & Record<(typeof COUNTS)[number], number>)[];
  readonly stages: readonly { readonly kpis: readonly { readonly id: string; readonly value: number | null }[] }[];
}

/** The values in `journey-kpi report --format json` output. */
export function reportValues(json: string): Values {
  const report = JSON.parse(json) as ReportJson;
  const values: Record<string, number | null> = {};
  for (const kpi of report.stages.flatMap((stage) => stage.kpis)) values[kpi.id] = kpi.value;
  for (const source of report.sources) for (const count of COUNTS) values[`${source.name}.${count}`] = source[count];
  return values;
}

/** `name: a vs b` for every value that is missing on one side or differs by more than 1e-9 relative. */
export function differences(a: Values, b: Values): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return names.flatMap((name) => {
    const x = a[name];
    const y = b[name];
    return same(x, y) ? [] : [`${name}: ${String(x)} vs ${String(y)}`];
  });
}

function same(x: number | null | undefined, y: number | null | undefined): boolean {
  if (x === undefined || y === undefined) return false;
  if (x === null || y === null) return x === y;
  return Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(x), Math.abs(y));
}
