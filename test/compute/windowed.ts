/** Report windows for engine tests: a period as the CLI resolves it, and the one before it. */
import type { ReportWindows } from '../../src/compute/windows.js';
import { previousPeriod, resolvePeriod } from '../../src/load/period.js';

export function windowsOf(label: string, timezone = 'UTC'): ReportWindows {
  const period = resolvePeriod({ period: label }, timezone);
  return { period, previous: previousPeriod(period) };
}

/** Epoch ms of a UTC timestamp written without its Z. */
export const at = (iso: string): number => Date.parse(`${iso}Z`);
