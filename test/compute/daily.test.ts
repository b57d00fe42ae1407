import { describe, expect, it } from 'vitest';
import { PeriodDays, sourceRange, spanText } from '../../src/compute/windows.js';
import type { Row } from '../../src/core/values.js';
import { compute, makeFramework } from './factory.js';
import { at, windowsOf } from './windowed.js';

// March 2026 in Berlin: clocks go forward on Sunday the 29th, a day of 23 hours.
const MARCH = windowsOf('2026-03', 'Europe/Berlin');

describe('the days of a period', () => {
  const days = new PeriodDays(MARCH.period);

  it('are calendar days in the framework zone, across a daylight-saving change', () => {
    expect(days.count).toBe(31);
    // March 1 starts at 23:00 UTC the day before (UTC+1).
    expect(days.indexOf(at('2026-02-28T23:00:00'))).toBe(0);
    expect(days.indexOf(at('2026-03-01T22:59:59.999'))).toBe(0);
    expect(days.indexOf(at('2026-03-01T23:00:00'))).toBe(1);
    // The 29th runs from 23:00 UTC on the 28th to 22:00 UTC on the 29th (UTC+2 after 2:00 local).
    expect(days.indexOf(at('2026-03-29T21:59:59'))).toBe(28);
    expect(days.indexOf(at('2026-03-29T22:00:00'))).toBe(29);
    // The period's last instant is on the 31st.
    expect(days.indexOf(MARCH.period.end - 1)).toBe(30);
  });

  it('are 7 for an ISO week', () => {
    expect(new PeriodDays(windowsOf('2026-W27').period).count).toBe(7);
  });
});

describe('daily_avg', () => {
  const sources = { app: { columns: { user_id: 'string', kind: 'string', at: 'datetime' }, time: 'at' } } as const;
  const rows: Row[] = [
    ['a', 'open', at('2026-03-29T21:30:00')], // 23:30 on the 29th in Berlin
    ['a', 'open', at('2026-03-29T22:30:00')], // 00:30 on the 30th: another day, though the same UTC date
    ['b', 'open', at('2026-02-28T23:00:00')], // the period's first instant
    ['b', 'tap', at('2026-03-01T12:00:00')], // the same day again
    ['c', 'open', MARCH.period.end - 1], // the period's last instant
    [null, 'open', at('2026-03-10T12:00:00')],
  ];
  const kpis = {
    dau: 'daily_avg(count_distinct(app.user_id))',
    mau: 'count_distinct(app.user_id)',
    stickiness: 'daily_avg(count_distinct(app.user_id)) / count_distinct(app.user_id)',
    opens: "daily_avg(count(app where kind = 'open'))",
  };

  it('averages the distinct users of each day over every day of the period', () => {
    const values = compute(makeFramework({ timezone: 'Europe/Berlin', sources, kpis }), { app: rows }, undefined, MARCH);
    // User-days: a on the 29th and 30th, b on the 1st, c on the 31st = 4, over 31 days.
    expect(values.get('dau')).toEqual({ id: 'dau', value: 4 / 31, sample: 5 });
    expect(values.get('mau')).toEqual({ id: 'mau', value: 3, sample: 5 });
    expect(values.get('stickiness')).toEqual({ id: 'stickiness', value: 4 / 31 / 3, sample: 5 });
    // 5 opens over 31 days.
    expect(values.get('opens')).toEqual({ id: 'opens', value: 5 / 31, sample: 5 });
  });

  it('is 0 over a period whose rows name no user, and no value without rows', () => {
    const framework = makeFramework({ timezone: 'Europe/Berlin', sources, kpis: { dau: kpis.dau } });
    expect(compute(framework, { app: [[null, 'open', at('2026-03-10T12:00:00')]] }, undefined, MARCH).get('dau')).toEqual({ id: 'dau', value: 0, sample: 0 });
    expect(compute(framework, { app: [] }, undefined, MARCH).get('dau')).toMatchObject({ value: null, reason: "no valid rows in the period for source 'app'" });
  });
});

describe('source ranges', () => {
  const period = { start: 1000, end: 2000 };

  it('say which windows they add to the period', () => {
    expect(sourceRange(period, [{ start: 1000, end: 2000 }])).toBeNull();
    expect(sourceRange(period, [{ start: 0, end: 2000 }])).toEqual({ start: 0, end: 2000, purpose: 'the previous period' });
    expect(sourceRange(period, [{ start: 0, end: 2000 }, { start: 1000, end: 2000 + 7 * 86_400_000 }])).toEqual({
      start: 0,
      end: 2000 + 7 * 86_400_000,
      purpose: 'the previous period and the 7 days after it',
    });
    expect(spanText(86_400_000)).toBe('1 day');
    expect(spanText(36 * 3_600_000)).toBe('36 hours');
  });
});
