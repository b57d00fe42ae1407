/** An earlier run's KPI values, read back (`--baseline FILE`) to be this run's baselines. */
import type { Unit } from './framework.js';

export interface StoredKpi {
  /** Null when the stored run had no value for the KPI. */
  readonly value: number | null;
  readonly unit: Unit;
}

export interface StoredRun {
  /** The file as given. */
  readonly file: string;
  readonly journey: string;
  /** The framework path the stored run recorded (relative to its working directory). */
  readonly framework: string;
  readonly period: string;
  readonly kpis: ReadonlyMap<string, StoredKpi>;
}
