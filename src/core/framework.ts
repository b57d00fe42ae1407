/**
 * The framework after loading: validated, normalized, references checked.
 * Everything downstream (compute, evaluate, render) works from this shape.
 */
import type { SourceLocation } from './diagnostics.js';
import type { AnswerScale, Condition, Expr } from '../formula/ast.js';
import type { Period } from './period.js';

export const COLUMN_TYPES = [
  'string',
  'number',
  'integer',
  'money',
  'percent',
  'boolean',
  'datetime',
  'date',
  'duration',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export interface ColumnDef {
  /** The name formulas use. */
  readonly name: string;
  readonly type: ColumnType;
  /** The export's header, or its 1-based position; defaults to `name`. */
  readonly from: string | number;
  readonly required: boolean;
  readonly enum?: readonly (string | number)[];
  readonly min?: number;
  readonly max?: number;
  /** Regular expression a string value must match. */
  readonly pattern?: string;
  /** Layout of a datetime or date, e.g. `M/D/YY H:mm`; `unix_s`, `unix_ms`. */
  readonly format?: string;
  /** IANA zone for timestamps without an offset; defaults to the framework's. */
  readonly timezone?: string;
  /** Decimal separator of numbers in this column. */
  readonly decimal?: '.' | ',';
  readonly trim?: boolean;
  readonly lowercase?: boolean;
  /** A money column's currency: the name of the declared string column holding each row's ISO 4217 code. */
  readonly currencyColumn?: string;
  /** Set from the survey KPIs (nps, csat, ces) reading the column: a whole answer off it rejects the row. */
  readonly scale?: ColumnScale;
  readonly location: SourceLocation;
}

export interface ColumnScale extends AnswerScale {
  /** Which KPI sets it, for the rejection message: `csat in KPI 'satisfaction'`. */
  readonly by: string;
}

export type DataFormat = 'csv' | 'tsv' | 'json' | 'jsonl';

export interface FileSourceDef {
  readonly kind: 'file';
  readonly name: string;
  /** As written in the framework: relative to the framework's folder; may hold a glob. */
  readonly file: string;
  /** Detected from the extension when absent. */
  readonly format?: DataFormat;
  /** CSV delimiter; detected among , ; tab | when absent. */
  readonly delimiter?: string;
  /** Header records at the top (Qualtrics has 3): the first names the columns, the rest are skipped. */
  readonly headerRows: number;
  /** Column (by name) that places a row in time; must be a datetime or date column. */
  readonly time?: string;
  /**
   * Columns (by name) whose values together identify a record: rows that
   * repeat a key are one record, the first in file order is kept.
   */
  readonly key?: readonly string[];
  /** In declaration order: a row's values are stored in this order. */
  readonly columns: readonly ColumnDef[];
  readonly location: SourceLocation;
}

export interface ViewDef {
  readonly kind: 'view';
  readonly name: string;
  /** Another source or view. */
  readonly from: string;
  readonly where: Condition;
  readonly whereText: string;
  readonly location: SourceLocation;
}

export type SourceDef = FileSourceDef | ViewDef;

export const UNITS = ['count', 'number', 'percent', 'currency', 'score', 'seconds'] as const;
export type Unit = (typeof UNITS)[number];

export type Direction = 'higher' | 'lower';
export type Level = 'error' | 'warn' | 'off';

/** A target or warn threshold as written: absolute, or relative to the baseline. */
export type Threshold =
  | { readonly kind: 'absolute'; readonly value: number }
  /** `+10%`: baseline × (1 + ratio). */
  | { readonly kind: 'relative'; readonly ratio: number }
  /** `+0.5pp`: baseline + points / 100 (percent KPIs only). */
  | { readonly kind: 'points'; readonly points: number };

export interface KpiDef {
  readonly id: string;
  readonly name: string;
  readonly stageId: string;
  readonly owner?: string;
  readonly description?: string;
  readonly formula: Expr;
  readonly formulaText: string;
  readonly unit: Unit;
  readonly baseline?: number;
  /** `baseline: { period: 2026-Q2 }`: the baseline is the KPI's value over this period of the data, computed in the same pass. */
  readonly baselinePeriod?: Period;
  readonly target: Threshold;
  readonly warn?: Threshold;
  readonly direction: Direction;
  readonly level: Level;
  readonly minSample?: number;
  /** Where the KPI's `id` is, for annotations. */
  readonly location: SourceLocation;
}

export interface StageDef {
  readonly id: string;
  readonly name: string;
  readonly touchpoints: readonly string[];
  readonly kpis: readonly KpiDef[];
  readonly location: SourceLocation;
}

export const COMPARE_KINDS = ['previous_period', 'previous_year', 'none'] as const;
/** What a report compares the period with: the one just before, the same one a year earlier, or nothing. */
export type CompareKind = (typeof COMPARE_KINDS)[number];

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const TREND_UNITS = ['day', 'week', 'month', 'quarter'] as const;
export type TrendUnit = (typeof TREND_UNITS)[number];

export interface Framework {
  /** Path of the framework file as given. */
  readonly file: string;
  /** Folder that relative data paths start from. */
  readonly dir: string;
  readonly journey: string;
  readonly timezone: string;
  readonly period?: string;
  /** The default comparison of reports (--compare overrides it); none when absent. */
  readonly compare?: CompareKind;
  /** The day trend weeks start on; Monday when absent. */
  readonly weekStart?: Weekday;
  /** ISO 4217 code used to show currency KPIs. */
  readonly currency?: string;
  readonly sources: readonly SourceDef[];
  readonly stages: readonly StageDef[];
  /** Ids of count KPIs in the order a customer passes them; checked when the framework loads. */
  readonly funnel?: readonly string[];
}
