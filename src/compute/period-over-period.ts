/**
 * Aggregates that compare the report period with the one before it, per
 * entity (an account, a user): churn and retention of the entities, and net
 * revenue retention and expansion of their amounts. Memory follows the
 * entities of both periods, a few numbers each.
 */
import type { TimeRange } from '../core/period.js';
import type { Row, Value } from '../core/values.js';
import type { Finishing } from './accumulator.js';
import type { CurrencyTally } from './currencies.js';
import { mixed } from './currencies.js';
import type { Outcome } from './outcome.js';
import { known, unknown } from './outcome.js';
import type { NumberReader } from './row-value.js';
import { ExactSum } from './summation.js';
import type { ReportWindows, TimedAccumulator } from './windows.js';

const BEFORE = 1;
const NOW = 2;

function bothPeriods(windows: ReportWindows): TimeRange {
  return { start: windows.previous.start, end: windows.period.end };
}

function nonePrevious(label: string, windows: ReportWindows): Outcome {
  return unknown(`no ${label} in the previous period (${windows.previous.label}) to follow into this one`, 0);
}

/** churn: share of the entities with a row in the previous period that have none in this one; retention: those that have one. */
export class EntityPresence implements TimedAccumulator, Finishing {
  readonly range: TimeRange;
  private readonly seen = new Map<Value, number>();

  constructor(
    private readonly column: number,
    private readonly windows: ReportWindows,
    private readonly measure: 'churn' | 'retention',
    private readonly label: string,
  ) {
    this.range = bothPeriods(windows);
  }

  add(row: Row, time: number): void {
    const key = row[this.column] ?? null;
    if (key === null) return;
    this.seen.set(key, (this.seen.get(key) ?? 0) | (time < this.windows.period.start ? BEFORE : NOW));
  }

  finish(): Outcome {
    let before = 0;
    let stayed = 0;
    for (const periods of this.seen.values()) {
      if ((periods & BEFORE) === 0) continue;
      before += 1;
      if ((periods & NOW) !== 0) stayed += 1;
    }
    if (before === 0) return nonePrevious(`values of ${this.label}`, this.windows);
    return { value: (this.measure === 'retention' ? stayed : before - stayed) / before, sample: before };
  }
}

interface Amounts {
  previous: number;
  current: number;
  paidBefore: boolean;
}

/**
 * Of the entities with an amount in the previous period: net_revenue_retention
 * is their amounts in this period over their amounts in the previous one;
 * expansion is their growth (this period's amount minus the previous one,
 * where it is larger) over all their previous amounts.
 */
export class RevenueRetention implements TimedAccumulator, Finishing {
  readonly range: TimeRange;
  private readonly entities = new Map<Value, Amounts>();

  constructor(
    private readonly read: NumberReader,
    private readonly by: number,
    private readonly windows: ReportWindows,
    private readonly measure: 'net_revenue_retention' | 'expansion',
    private readonly label: string,
    private readonly tally: CurrencyTally | undefined,
  ) {
    this.range = bothPeriods(windows);
  }

  add(row: Row, time: number): void {
    const amount = this.read(row);
    const key = row[this.by] ?? null;
    if (amount === null || key === null) return;
    this.tally?.add(row);
    let amounts = this.entities.get(key);
    if (!amounts) {
      amounts = { previous: 0, current: 0, paidBefore: false };
      this.entities.set(key, amounts);
    }
    if (time >= this.windows.period.start) amounts.current += amount;
    else {
      amounts.previous += amount;
      amounts.paidBefore = true;
    }
  }

  finish(): Outcome {
    const mix = this.tally?.mixReason() ?? null;
    if (mix !== null) return mixed(mix, this.entities.size);
    const before = new ExactSum();
    const after = new ExactSum();
    let payers = 0;
    for (const amounts of this.entities.values()) {
      if (!amounts.paidBefore) continue;
      payers += 1;
      before.add(amounts.previous);
      after.add(this.measure === 'expansion' ? Math.max(0, amounts.current - amounts.previous) : amounts.current);
    }
    if (payers === 0) return nonePrevious(`amounts of ${this.label}`, this.windows);
    if (before.value === 0) return unknown(`the amounts of ${this.label} in the previous period (${this.windows.previous.label}) add up to 0`, payers);
    return known(after.value / before.value, payers, () => `${this.measure} of ${this.label}`);
  }
}
