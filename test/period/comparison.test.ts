import { describe, expect, it } from 'vitest';
import { comparisonPeriod, previousYear } from '../../src/load/comparison-period.js';
import { resolvePeriod, type PeriodInput } from '../../src/load/period.js';

const period = (input: PeriodInput, zone = 'UTC') => resolvePeriod(input, zone);
const days = (input: PeriodInput) => {
  const year = previousYear(period(input));
  return [year.label, year.firstDay, year.lastDay];
};

describe('comparison periods', () => {
  it('previous_period is the period just before, previous_year the same one a year earlier, none is none', () => {
    expect(comparisonPeriod(period({ period: '2026-Q1' }), 'previous_period')?.label).toBe('2025-Q4');
    expect(comparisonPeriod(period({ period: '2026-Q1' }), 'previous_year')?.label).toBe('2025-Q1');
    expect(comparisonPeriod(period({ period: '2026-Q1' }), 'none')).toBeNull();
  });

  it.each([
    [{ period: '2026' }, ['2025', '2025-01-01', '2025-12-31']],
    [{ period: '2026-H2' }, ['2025-H2', '2025-07-01', '2025-12-31']],
    [{ period: '2024-02' }, ['2023-02', '2023-02-01', '2023-02-28']],
    // 2026 has 53 ISO weeks, 2025 52: week 53 compares with 2025's last week.
    [{ period: '2026-W53' }, ['2025-W52', '2025-12-22', '2025-12-28']],
    // 29 February has no day a year earlier: it becomes 28 February.
    [{ from: '2024-02-01', to: '2024-02-29' }, ['2023-02-01..2023-02-28', '2023-02-01', '2023-02-28']],
    [{ from: '2024-02-29', to: '2024-03-31' }, ['2023-02-28..2023-03-31', '2023-02-28', '2023-03-31']],
  ] as const)('a year before %o is %o', (input, expected) => {
    expect(days(input)).toEqual(expected);
  });

  it('ends a year-earlier quarter at midnight in the zone, after that year’s change to summer time', () => {
    const before = previousYear(period({ period: '2026-Q1' }, 'Europe/Berlin'));
    // 2025-04-01 00:00 CEST is 2025-03-31 22:00 UTC.
    expect(new Date(before.end).toISOString()).toBe('2025-03-31T22:00:00.000Z');
  });
});
