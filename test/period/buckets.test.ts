import { describe, expect, it } from 'vitest';
import { trendBuckets } from '../../src/load/buckets.js';
import { resolvePeriod, type PeriodInput } from '../../src/load/period.js';

const HOUR = 3_600_000;

function buckets(input: PeriodInput, unit: Parameters<typeof trendBuckets>[1], weekStart?: Parameters<typeof trendBuckets>[2], zone = 'UTC') {
  return trendBuckets(resolvePeriod(input, zone), unit, weekStart).map((bucket) => ({
    label: bucket.label,
    days: `${bucket.firstDay}..${bucket.lastDay}`,
    hours: (bucket.end - bucket.start) / HOUR,
  }));
}

describe('trend buckets', () => {
  it('cuts a quarter across a daylight-saving change into months of 744, 672 and 743 hours in Berlin', () => {
    // Clocks go forward on 2026-03-29: March has 31 × 24 − 1 hours.
    expect(buckets({ period: '2026-Q1' }, 'month', 'monday', 'Europe/Berlin')).toEqual([
      { label: '2026-01', days: '2026-01-01..2026-01-31', hours: 744 },
      { label: '2026-02', days: '2026-02-01..2026-02-28', hours: 672 },
      { label: '2026-03', days: '2026-03-01..2026-03-31', hours: 743 },
    ]);
  });

  it('starts weeks on Monday by default, labels whole ones as ISO weeks and cuts the ends at the period', () => {
    // 2026-03-01 is a Sunday; W13 holds the change to summer time (167 hours); the month ends on a Tuesday.
    expect(buckets({ period: '2026-03' }, 'week', undefined, 'Europe/Berlin')).toEqual([
      { label: '2026-03-01..2026-03-01', days: '2026-03-01..2026-03-01', hours: 24 },
      { label: '2026-W10', days: '2026-03-02..2026-03-08', hours: 168 },
      { label: '2026-W11', days: '2026-03-09..2026-03-15', hours: 168 },
      { label: '2026-W12', days: '2026-03-16..2026-03-22', hours: 168 },
      { label: '2026-W13', days: '2026-03-23..2026-03-29', hours: 167 },
      { label: '2026-03-30..2026-03-31', days: '2026-03-30..2026-03-31', hours: 48 },
    ]);
  });

  it('starts weeks on the week_start day', () => {
    expect(buckets({ period: '2026-03' }, 'week', 'sunday', 'Europe/Berlin').map(({ days, hours }) => [days, hours])).toEqual([
      ['2026-03-01..2026-03-07', 168],
      ['2026-03-08..2026-03-14', 168],
      ['2026-03-15..2026-03-21', 168],
      ['2026-03-22..2026-03-28', 168],
      ['2026-03-29..2026-03-31', 71],
    ]);
  });

  it('gives a leap year 29 February and a 366-day year four quarters', () => {
    expect(buckets({ from: '2024-02-27', to: '2024-03-01' }, 'day').map(({ days }) => days)).toEqual([
      '2024-02-27..2024-02-27',
      '2024-02-28..2024-02-28',
      '2024-02-29..2024-02-29',
      '2024-03-01..2024-03-01',
    ]);
    expect(buckets({ period: '2024' }, 'quarter').map(({ label, hours }) => [label, hours / 24])).toEqual([
      ['2024-Q1', 91],
      ['2024-Q2', 91],
      ['2024-Q3', 92],
      ['2024-Q4', 92],
    ]);
  });

  it('gives the 25-hour day when clocks go back in New York', () => {
    const days = buckets({ from: '2026-10-31', to: '2026-11-02' }, 'day', undefined, 'America/New_York');
    expect(days.map(({ hours }) => hours)).toEqual([24, 25, 24]);
  });
});
