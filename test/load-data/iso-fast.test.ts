/**
 * The character-code ISO reader and the regex one must agree on every text
 * the fast one accepts (and the fast one must decline the rest).
 */
import { describe, expect, it } from 'vitest';
import { parseIsoFast } from '../../src/load/data/iso-fast.js';
import { parseIsoByRegex } from '../../src/load/data/timestamps.js';
import { random, randomTimestamp } from './fast-csv-helpers.js';

describe('parseIsoFast', () => {
  it('agrees with the regex reader on 20,000 random timestamps, valid and not', () => {
    const next = random(7);
    let taken = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = randomTimestamp(next);
      const fast = parseIsoFast(text);
      if (fast === undefined) continue;
      taken++;
      expect(fast, text).toEqual(parseIsoByRegex(text));
    }
    expect(taken).toBeGreaterThan(5_000);
  });

  it('reads the shapes big exports write', () => {
    expect(parseIsoFast('2026-07-03T14:05:11.123Z')).toEqual({ kind: 'instant', epoch: Date.UTC(2026, 6, 3, 14, 5, 11, 123) });
    expect(parseIsoFast('2026-07-03 14:05:11 -0400')).toEqual({ kind: 'instant', epoch: Date.UTC(2026, 6, 3, 18, 5, 11) });
    expect(parseIsoFast('2024-03-01 09:07:00.123000')).toEqual({
      kind: 'wall',
      local: { year: 2024, month: 3, day: 1, hour: 9, minute: 7, second: 0, millisecond: 123 },
    });
  });

  it('leaves other shapes to the regex reader', () => {
    for (const text of ['2026-7-03', '2026-07-03t14:05', '2026-07-03 14:05 UTC', '2026-07-03T14:05:11z', '20260703']) {
      expect(parseIsoFast(text), text).toBeUndefined();
    }
  });
});
