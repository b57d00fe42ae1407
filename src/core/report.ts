/**
 * What a run produces, before rendering: every renderer (table, csv, json,
 * check verdict) reads this and nothing else.
 */
import type { Diagnostic } from './diagnostics.js';
import type { Findings } from './findings.js';
import type { CompareKind, Direction, Level, TrendUnit, Unit, Weekday } from './framework.js';
import type { Period } from './period.js';

/** A KPI's value as the engine computed it. */
export interface ComputedKpi {
  readonly id: string;
  /** Full precision; null when it cannot be computed. */
  readonly value: number | null;
  /** Why the value is null. */
  readonly reason?: string;
  /** Rows behind the value (see README: "sample"); null for constants. */
  readonly sample: number | null;
  /** The ISO 4217 code of the amounts behind the value, when their rows named one. */
  readonly currency?: string;
  /** The value is null because it would add or compare amounts in different currencies (reason says which). */
  readonly mixedCurrencies?: boolean;
}

export const STATUSES = ['met', 'at_risk', 'missed', 'no_data'] as const;
export type Status = (typeof STATUSES)[number];

export interface KpiResult {
  readonly id: string;
  readonly name: string;
  readonly stageId: string;
  readonly owner: string | null;
  readonly unit: Unit;
  readonly direction: Direction;
  readonly level: Level;
  readonly value: number | null;
  readonly baseline: number | null;
  /** Resolved to an absolute number (a relative target needs the baseline). */
  readonly target: number | null;
  readonly warn: number | null;
  /** value − baseline. */
  readonly delta: number | null;
  /** (value − baseline) / |baseline|. */
  readonly deltaRelative: number | null;
  readonly status: Status;
  /** Why the status is what it is, in words. */
  readonly reason: string;
  readonly sample: number | null;
  /** 1-based line of the KPI in the framework file, for annotations. */
  readonly line: number | null;
  /**
   * Faults in the KPI's data rather than its performance: amounts in mixed
   * currencies (an error: check fails whatever the level), amounts in another
   * currency than the framework's (a warning). Absent when there are none.
   */
  readonly problems?: readonly Diagnostic[];
  /** 1-based column of the KPI's id in the framework file, for annotations. */
  readonly column: number | null;
  /** Where `baseline` came from: the framework, the stored run of `--baseline`, or a period of the data; absent when it is the framework's. */
  readonly baselineFrom?: BaselineOrigin;
  /** The label of the period the baseline is computed over (`baseline: { period: 2026-Q2 }`), also when it gave none. */
  readonly baselinePeriod?: string;
  /** Against the comparison period (compare, --compare); absent without one. */
  readonly comparison?: KpiComparison;
  /** The value in each trend bucket (--trend), in the order of Report.trend.buckets; absent without a trend. */
  readonly trend?: readonly SliceValue[];
}

/** A KPI's value in a slice of the rows (a trend bucket, a segment): null with the reason when it has none. */
export interface SliceValue {
  readonly value: number | null;
  readonly reason?: string;
  readonly sample: number | null;
}

/** A KPI's value in the comparison period and the change to this one. */
export interface KpiComparison extends SliceValue {
  /** value now − value then. */
  readonly change: number | null;
  /** change / |value then|; null when that is 0. */
  readonly changeRelative: number | null;
  /** Percent KPIs only: the change in percentage points (change × 100); null for others. */
  readonly changePoints: number | null;
}

/** Of the windows of a comparison or a trend: the file sources read that have no `time` column, whose rows count in every window as in the period. */
export interface WindowedSources {
  readonly sourcesWithoutTime: readonly string[];
}

export interface ReportComparison extends WindowedSources {
  readonly kind: Exclude<CompareKind, 'none'>;
  readonly period: Period;
}

export interface ReportTrend extends WindowedSources {
  readonly unit: TrendUnit;
  /** The weekday weeks start on (framework week_start). */
  readonly weekStart: Weekday;
  /** In order; the first and last are cut at the period's ends. */
  readonly buckets: readonly Period[];
}

/** Every KPI per value of a segment column (--by). */
export interface Breakdown {
  readonly column: string;
  readonly kpis: readonly BreakdownKpi[];
}

export interface BreakdownKpi {
  readonly id: string;
  readonly stageId: string;
  /** Why the KPI cannot be split by the column (a source it reads lacks it); segments is then empty. */
  readonly unsplit: string | null;
  /** Each value of the column, those with a value first (best first, by the KPI's direction), then those without. */
  readonly segments: readonly (SliceValue & { readonly segment: string | null })[];
}

/**
 * `framework`: the KPI's own baseline (also when a stored run lacks the KPI); `stored`: the value of the `--baseline` run;
 * `period`: the KPI's value over the period its `baseline: { period: … }` names.
 */
export type BaselineOrigin = 'framework' | 'stored' | 'period';

/** The earlier run whose values are this run's baselines (`--baseline FILE`). */
export interface StoredRunInfo {
  /** The file as given. */
  readonly file: string;
  readonly journey: string;
  /** The framework path the stored run recorded. */
  readonly framework: string;
  /** The stored run's period label. */
  readonly period: string;
  /** Mismatches (another journey or framework) and KPIs that kept the framework's baseline. */
  readonly problems: readonly Diagnostic[];
}

export interface StageResult {
  readonly id: string;
  readonly name: string;
  readonly touchpoints: readonly string[];
  readonly kpis: readonly KpiResult[];
}

export interface SourceStats {
  readonly name: string;
  /** Paths as the user would type them (relative to the working directory). */
  readonly files: readonly string[];
  readonly rowsRead: number;
  readonly rowsInPeriod: number;
  readonly rowsOutsidePeriod: number;
  readonly rowsRejected: number;
  /**
   * Of the rows outside the period, those inside a window some KPI reads around it (the previous period, days
   * after it): typed, checked and used. Absent when no KPI reads the source beyond the period.
   */
  readonly rowsUsedOutside?: number;
  /** What those windows are, as the Data section says it: `the previous period`, `the 7 days after it`. */
  readonly usedFor?: string;
  /** Earliest and latest time (epoch ms) among valid rows of a source with `time`, in or out of the period; null otherwise. */
  readonly timeRange: { readonly first: number; readonly last: number } | null;
  /** The first few rejections, with file:line:col and reason. */
  readonly rejections: readonly Diagnostic[];
  /** Only for a source with a `key`: the rows dropped as repeats of a key, and those kept without one. */
  readonly key?: KeyStats;
  /** Parts of a file that were not read as rows, and why (a second table below the first). */
  readonly notices: readonly Diagnostic[];
}

export interface KeyStats {
  /** The key's columns, as declared. */
  readonly columns: readonly string[];
  /** Valid rows in the period whose key an earlier such row already had: left out of every KPI. */
  readonly duplicatesDropped: number;
  /** Rows with an empty key column: kept, since they cannot repeat a key. */
  readonly rowsWithoutKey: number;
}

export type StatusCounts = Readonly<Record<Status, number>>;

export interface Report {
  readonly journey: string;
  readonly framework: string;
  readonly period: Period;
  readonly currency: string | null;
  readonly sources: readonly SourceStats[];
  readonly stages: readonly StageResult[];
  readonly summary: StatusCounts & { readonly total: number };
  /** Only with `--baseline FILE`. */
  readonly storedRun?: StoredRunInfo;
  /** Where the journey excels and falters; report and check add them. */
  readonly findings?: Findings;
  readonly comparison?: ReportComparison;
  readonly trend?: ReportTrend;
  readonly breakdowns?: readonly Breakdown[];
}

/**
 * Version of the JSON report's shape (render/json.ts): raised when a field is
 * removed, renamed or changes meaning. Here so that the loader can tell a
 * stored report it cannot read.
 */
export const SCHEMA_VERSION = 1;
