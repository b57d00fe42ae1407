/** The framework file's data as written (snake_case keys), once it has passed the schema. */
import type { ColumnDef, ColumnType, CompareKind, DataFormat, Direction, Level, Unit, Weekday } from '../../core/framework.js';

/** A column's options as written: the normalized ColumnDef before defaults and locations. */
export type RawColumnOptions = Omit<ColumnDef, 'name' | 'from' | 'required' | 'currencyColumn' | 'location'> & {
  readonly from?: string | number;
  readonly required?: boolean;
  readonly currency_column?: string;
};

export interface RawFileSource {
  readonly file: string;
  readonly format?: DataFormat;
  readonly delimiter?: string;
  readonly header_rows?: number;
  readonly time?: string;
  readonly key?: string | readonly string[];
  readonly columns?: Readonly<Record<string, ColumnType | RawColumnOptions>>;
}

export interface RawView {
  readonly from: string;
  readonly where: string;
}

export type RawThreshold = number | string;

/** `baseline: { period: 2026-Q2 }`: the KPI's value over that period (YAML reads `2026` as a number). */
export interface RawBaselinePeriod {
  readonly period: string | number;
}

export interface RawKpi {
  readonly id: string;
  readonly name: string;
  readonly owner?: string;
  readonly description?: string;
  readonly formula: string;
  readonly unit: Unit;
  readonly baseline?: RawThreshold | RawBaselinePeriod;
  readonly target: RawThreshold;
  readonly warn?: RawThreshold;
  readonly direction?: Direction;
  readonly level?: Level;
  readonly min_sample?: number;
}

export interface RawStage {
  readonly id: string;
  readonly name: string;
  readonly touchpoints?: readonly string[];
  readonly kpis: readonly RawKpi[];
}

export interface RawFramework {
  readonly journey: string;
  readonly timezone?: string;
  readonly period?: string | number;
  readonly compare?: CompareKind;
  readonly week_start?: Weekday;
  readonly currency?: string;
  readonly sources: Readonly<Record<string, RawFileSource | RawView>>;
  readonly stages: readonly RawStage[];
  readonly funnel?: readonly string[];
}
