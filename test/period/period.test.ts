import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/diagnostics.js';
import { previousPeriod, resolvePeriod, type PeriodInput } from '../../src/load/period.js';

const utc = (iso: string) => Date.parse(`${iso}Z`);

function period(input: PeriodInput | string, timezone = 'UTC') {
  return resolvePeriod(typeof input === 'string' ? { period: input } : input, timezone);
}

function problem(input: PeriodInput): { code: string; message: string } {
  try {
    resolvePeriod(input, 'UTC');
  } catch (thrown) {
    if (!(thrown instanceof UserError)) throw thrown;
    const [first] = thrown.diagnostics;
    return { code: first?.code ?? '', message: first?.message ?? '' };
  }
  throw new Error('expected a UserError');
}

describe('resolvePeriod: calendar forms in UTC', () => {
  it.each([
    ['2026-Q3', '2026-07-01', '2026-09-30', '2026-10-01'],
    ['2026-07', '2026-07-01', '2026-07-31', '2026-08-01'],
    ['2026', '2026-01-01', '2026-12-31', '2027-01-01'],
    ['2026-H2', '2026-07-01', '2026-12-31', '2027-01-01'],
    ['2026-H1', '2026-01-01', '2026-06-30', '2026-07-01'],
    ['2024-02', '2024-02-01', '2024-02-29', '2024-03-01'], // leap year
    ['2026-02', '2026-02-01', '2026-02-28', '2026-03-01'],
    // 2026-01-01 is a Thursday, so week 1 starts on Monday 2025-12-29; week 27 is 26 weeks later.
    ['2026-W01', '2025-12-29', '2026-01-04', '2026-01-05'],
    ['2026-W27', '2026-06-29', '2026-07-05', '2026-07-06'],
    // 2020 is a leap year starting on Wednesday: it has 53 ISO weeks, the last ending in 2021.
    ['2020-W53', '2020-12-28', '2021-01-03', '2021-01-04'],
  ])('%s covers %s to %s', (label, firstDay, lastDay, dayAfter) => {
    expect(period(label)).toEqual({
      label,
      timezone: 'UTC',
      firstDay,
      lastDay,
      start: utc(`${firstDay}T00:00:00`),
      end: utc(`${dayAfter}T00:00:00`),
    });
  });

  it('accepts lower-case letters and keeps the label as written', () => {
    expect(period('2026-q3')).toMatchObject({ label: '2026-q3', firstDay: '2026-07-01' });
  });

  it('reads --from/--to as an inclusive range of days', () => {
    expect(period({ from: '2026-07-01', to: '2026-09-30' })).toEqual({
      label: '2026-07-01..2026-09-30',
      timezone: 'UTC',
      firstDay: '2026-07-01',
      lastDay: '2026-09-30',
      start: utc('2026-07-01T00:00:00'),
      end: utc('2026-10-01T00:00:00'),
    });
    expect(period({ from: '2026-07-04', to: '2026-07-04' })).toMatchObject({ start: utc('2026-07-04T00:00:00'), end: utc('2026-07-05T00:00:00') });
  });
});

describe('resolvePeriod: boundaries at local midnight in the zone', () => {
  it('starts Europe/Berlin 2026-Q3 at 22:00 UTC the day before (CEST, +2)', () => {
    const q3 = period('2026-Q3', 'Europe/Berlin');
    expect(q3.start).toBe(utc('2026-06-30T22:00:00'));
    expect(q3.end).toBe(utc('2026-09-30T22:00:00'));
    expect(q3.timezone).toBe('Europe/Berlin');
  });

  it('ends America/New_York 2026-Q1 at 04:00 UTC (EDT, -4) after starting at 05:00 UTC (EST, -5)', () => {
    const q1 = period('2026-Q1', 'America/New_York');
    expect(q1.start).toBe(utc('2026-01-01T05:00:00'));
    expect(q1.end).toBe(utc('2026-04-01T04:00:00'));
  });

  it('makes a quarter spanning the spring DST change one hour shorter', () => {
    // Berlin moves to summer time on 2026-03-29: Q1 has 90 days less one hour.
    const q1 = period('2026-Q1', 'Europe/Berlin');
    expect(q1.start).toBe(utc('2025-12-31T23:00:00'));
    expect(q1.end).toBe(utc('2026-03-31T22:00:00'));
    expect(q1.end - q1.start).toBe(90 * 86_400_000 - 3_600_000);
  });
});

describe('resolvePeriod: bad input', () => {
  const forms = 'a year (2026), half (2026-H2), quarter (2026-Q3), month (2026-07), ISO week (2026-W27), or --from 2026-07-01 --to 2026-09-30';
  it.each([
    [{ period: '2026-Q5' }, `'2026-Q5' is not a period: write ${forms}`],
    [{ period: '2026-13' }, `'2026-13' is not a period: write ${forms}`],
    [{ period: 'last month' }, `'last month' is not a period: write ${forms}`],
    // 2025 starts on a Wednesday and is not a leap year: 52 weeks.
    [{ period: '2025-W53' }, "'2025-W53' is not a period: 2025 has ISO weeks 01 to 52"],
    [{ period: '2026-W00' }, "'2026-W00' is not a period: 2026 has ISO weeks 01 to 53"],
    [{}, `no period given: pass ${forms}`],
    [{ from: '2026-07-01' }, '--from and --to go together: give both, e.g. --from 2026-07-01 --to 2026-09-30'],
    [{ from: '2026-02-30', to: '2026-03-31' }, "--from '2026-02-30' is not a date: write YYYY-MM-DD, e.g. 2026-07-01"],
    [{ from: '2026-07-01', to: '7/31/2026' }, "--to '7/31/2026' is not a date: write YYYY-MM-DD, e.g. 2026-07-01"],
    [{ from: '2026-09-30', to: '2026-07-01' }, '--from 2026-09-30 is after --to 2026-07-01: the range runs from the first day to the last, both included'],
    [{ period: '2026-Q3', from: '2026-07-01', to: '2026-07-31' }, 'give either a period or --from/--to, not both'],
  ])('rejects %j', (input, message) => {
    expect(problem(input)).toEqual({ code: 'period/invalid', message });
  });

  it('suggests the month or week written without its leading zero, when that is a period', () => {
    expect(problem({ period: '2026-7' })?.message).toBe(`'2026-7' is not a period: write ${forms}. Did you mean 2026-07?`);
    expect(problem({ period: '2026-w5' })?.message).toBe(`'2026-w5' is not a period: write ${forms}. Did you mean 2026-W05?`);
    expect(problem({ period: '2026-0' })?.message).toBe(`'2026-0' is not a period: write ${forms}`);
    // 2026-W00 has the form of a week, but there is no such week.
    expect(problem({ period: '2026-W0' })?.message).toBe(`'2026-W0' is not a period: write ${forms}`);
  });
});

describe('previousPeriod: the period of the same kind just before', () => {
  it.each([
    ['2026-Q3', '2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-Q1', '2025-Q4', '2025-10-01', '2025-12-31'],
    ['2026-07', '2026-06', '2026-06-01', '2026-06-30'],
    ['2026-01', '2025-12', '2025-12-01', '2025-12-31'],
    ['2024-03', '2024-02', '2024-02-01', '2024-02-29'],
    ['2026', '2025', '2025-01-01', '2025-12-31'],
    ['2026-H2', '2026-H1', '2026-01-01', '2026-06-30'],
    ['2026-H1', '2025-H2', '2025-07-01', '2025-12-31'],
    ['2026-W27', '2026-W26', '2026-06-22', '2026-06-28'],
    // 2020 has 53 ISO weeks, so the week before 2021-W01 is 2020-W53.
    ['2021-W01', '2020-W53', '2020-12-28', '2021-01-03'],
    ['2026-W01', '2025-W52', '2025-12-22', '2025-12-28'],
  ])('before %s comes %s (%s to %s)', (label, previous, firstDay, lastDay) => {
    expect(previousPeriod(period(label))).toMatchObject({ label: previous, firstDay, lastDay });
  });

  it('puts as many days before a --from/--to range, ending the day before --from', () => {
    // 2026-03-01..2026-03-10 is 10 days; the 10 days before end on 2026-02-28.
    expect(previousPeriod(period({ from: '2026-03-01', to: '2026-03-10' }))).toMatchObject({
      label: '2026-02-19..2026-02-28',
      firstDay: '2026-02-19',
      lastDay: '2026-02-28',
    });
    expect(previousPeriod(period({ from: '2026-07-01', to: '2026-07-01' }))).toMatchObject({ label: '2026-06-30..2026-06-30' });
  });

  it('ends where the period starts, in the framework zone', () => {
    const july = period('2026-07', 'Europe/Berlin');
    const june = previousPeriod(july);
    expect(june.end).toBe(july.start);
    expect(june.start).toBe(utc('2026-05-31T22:00:00'));
    expect(june.timezone).toBe('Europe/Berlin');
  });
});
