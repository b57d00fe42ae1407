/** Where a journey excels and where it falters, computed from a report's results (evaluate/findings.ts). */
import type { Direction, Unit } from './framework.js';
import type { Status, StatusCounts } from './report.js';

/** A KPI with a value and a target: how far it is from the target, on the side that is better. */
export interface KpiStanding {
  readonly id: string;
  readonly name: string;
  readonly stageId: string;
  readonly unit: Unit;
  readonly direction: Direction;
  readonly status: Status;
  /** Value minus target, turned so that positive is better (a lower-is-better KPI above its target is negative); percents as fractions. */
  readonly margin: number;
  /** margin / |target|; null when the target is 0. */
  readonly marginRelative: number | null;
}

export interface StageStanding {
  readonly id: string;
  readonly name: string;
  readonly counts: StatusCounts & { readonly total: number };
  /** The stage's KPI with the smallest relative margin: its worst shortfall, or its narrowest lead. */
  readonly weakest: KpiStanding;
}

export interface FunnelStep {
  readonly id: string;
  readonly name: string;
  readonly value: number | null;
  readonly baseline: number | null;
}

/** From one step to the next: the share that goes on, now and by the baselines. */
export interface FunnelTransition {
  readonly from: string;
  readonly to: string;
  /** to / from; null with `reason` when a count is missing or `from` is 0. */
  readonly rate: number | null;
  /** The baselines' ratio; null when either step lacks a baseline. */
  readonly baselineRate: number | null;
  readonly reason: string | null;
}

export interface Funnel {
  readonly steps: readonly FunnelStep[];
  readonly transitions: readonly FunnelTransition[];
  /**
   * The index in `transitions` of the largest loss: with baselines for every step, the transition whose rate
   * fell furthest below its baseline rate (none when every rate holds); without, the one with the lowest rate.
   */
  readonly largestLoss: number | null;
  readonly basis: 'baseline' | 'rate';
}

export interface Findings {
  /** KPIs not at their target, the largest relative shortfall first (those against a target of 0 last). */
  readonly shortfalls: readonly KpiStanding[];
  /** KPIs at or past their target, the largest relative lead first. */
  readonly strengths: readonly KpiStanding[];
  /** Stages with a KPI short of its target, the one with the largest shortfall first. */
  readonly falters: readonly StageStanding[];
  /** Stages whose KPIs with a value all meet their target, the widest narrowest lead first. */
  readonly excels: readonly StageStanding[];
  /** The framework's funnel, or null when it declares none. */
  readonly funnel: Funnel | null;
  /** KPIs left out of the ranking: no value, or no target to compare with. */
  readonly leftOut: readonly string[];
}
