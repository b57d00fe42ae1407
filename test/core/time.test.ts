import { describe, expect, it } from 'vitest';
import { epochToZoned, utcEpoch, zonedToEpoch } from '../../src/core/time.js';

const wall = (year: number, month: number, day: number, hour = 0, minute = 0) => ({ year, month, day, hour, minute, second: 0, millisecond: 0 });
const iso = (epoch: number) => new Date(epoch).toISOString();

describe('utcEpoch', () => {
  it('is Date.UTC with 1-based months for ordinary years', () => {
    expect(utcEpoch(2026, 7, 1)).toBe(Date.UTC(2026, 6, 1));
    expect(iso(utcEpoch(2024, 2, 29, 23, 59, 59, 999))).toBe('2024-02-29T23:59:59.999Z');
  });

  it('agrees with Date.UTC across 1,000 random dates, overflowing parts included', () => {
    let seed = 1;
    const next = (max: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % max;
    };
    for (let i = 0; i < 1000; i++) {
      const parts = [1600 + next(900), 1 + next(14), next(33), next(25), next(61), next(61), next(1001)] as const;
      expect(utcEpoch(...parts)).toBe(Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], parts[6]));
    }
  });

  it('reads years 0 to 99 as themselves, not as 1900 to 1999', () => {
    expect(iso(utcEpoch(50, 1, 1))).toBe('0050-01-01T00:00:00.000Z');
    // year 0 is a leap year in the proleptic Gregorian calendar; 1900 was not
    expect(iso(utcEpoch(0, 2, 29))).toBe('0000-02-29T00:00:00.000Z');
    expect(iso(utcEpoch(99, 13, 1))).toBe('0100-01-01T00:00:00.000Z');
  });
});

describe('zonedToEpoch', () => {
  it('reads a wall-clock time in the zone', () => {
    expect(iso(zonedToEpoch(wall(2026, 7, 1), 'Europe/Berlin'))).toBe('2026-06-30T22:00:00.000Z');
    expect(iso(zonedToEpoch(wall(2026, 1, 1), 'America/New_York'))).toBe('2026-01-01T05:00:00.000Z');
    expect(iso(zonedToEpoch(wall(2026, 7, 1), 'Asia/Kolkata'))).toBe('2026-06-30T18:30:00.000Z');
  });

  it('moves a time in the spring-forward gap forward by the gap', () => {
    // 02:30 does not exist in Berlin on 29 March 2026: it is 03:30 CEST
    expect(iso(zonedToEpoch(wall(2026, 3, 29, 2, 30), 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the earlier instant of an ambiguous fall-back time', () => {
    // 02:30 happens twice in Berlin on 25 October 2026: first in CEST (UTC+2)
    expect(iso(zonedToEpoch(wall(2026, 10, 25, 2, 30), 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('round-trips with epochToZoned', () => {
    const epoch = Date.UTC(2026, 5, 30, 22, 0);
    expect(epochToZoned(epoch, 'Europe/Berlin')).toEqual(wall(2026, 7, 1));
    expect(zonedToEpoch(epochToZoned(epoch, 'Europe/Berlin'), 'Europe/Berlin')).toBe(epoch);
  });
});
