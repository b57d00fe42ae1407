/**
 * What `journey-kpi explain` shows about one KPI, before rendering: the
 * formula and the numbers behind each of its terms, the sources it reads,
 * the rows of each, and the comparisons its status rests on.
 */
import type { Threshold, Unit } from './framework.js';
import type { Period } from './period.js';
import type { KpiResult, SourceStats } from './report.js';
import type { ThresholdCheck } from './thresholds.js';

/** An aggregate or a KPI reference of the formula, with its outcome. */
export interface FormulaTerm {
  /** `A`, `B`, … for an aggregate; the KPI's id for a reference. */
  readonly label: string;
  readonly kind: 'aggregate' | 'kpi';
  /** As written in the formula. */
  readonly text: string;
  /** How the value is shown: `count` for counts, the referenced KPI's unit, … */
  readonly unit: Unit;
  /** The ISO 4217 code its amounts named, when they named one (else the framework's currency shows them). */
  readonly currency: string | null;
  /** A reference's KPI name; null for an aggregate. */
  readonly name: string | null;
  /** An aggregate's source (file source or view) as written; null for a reference. */
  readonly source: string | null;
  readonly value: number | null;
  readonly sample: number | null;
  /** Why the value is null. */
  readonly reason: string | null;
}

export type SourceTrail =
  | { readonly kind: 'view'; readonly name: string; readonly from: string; readonly where: string }
  | {
      readonly kind: 'file';
      readonly name: string;
      /** As the framework writes it (relative to the framework's folder). */
      readonly file: string;
      /** The --source path that replaced it for this run, or null. */
      readonly override: string | null;
      readonly time: string | null;
      readonly key: readonly string[] | null;
      /** The columns the KPI (with the KPIs it references) reads, in declaration order. */
      readonly columnsRead: readonly string[];
    };

export interface Explanation {
  readonly journey: string;
  readonly framework: string;
  readonly period: Period;
  readonly currency: string | null;
  readonly stageName: string;
  readonly kpi: KpiResult;
  readonly formula: string;
  /** The formula with each aggregate replaced by its label (`A / B`); references keep their id. */
  readonly outline: string;
  readonly terms: readonly FormulaTerm[];
  readonly minSample: number | null;
  /** Target and warn as written, for relative ones (`+10%` of the baseline). */
  readonly thresholds: { readonly target: Threshold; readonly warn: Threshold | null };
  /** The comparisons the status rests on, as evaluate made them. */
  readonly checks: readonly ThresholdCheck[];
  /** Every source read, views first as the formulas name them, each followed by what it comes from. */
  readonly sources: readonly SourceTrail[];
  /** The rows of each file source read. */
  readonly data: readonly SourceStats[];
}
