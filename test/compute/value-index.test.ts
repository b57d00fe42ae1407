import { describe, expect, it } from 'vitest';
import { ValueIndex } from '../../src/compute/value-index.js';

describe('ValueIndex', () => {
  it('numbers values in the order first met, by value and type', () => {
    const index = new ValueIndex();
    expect(['a', '1', 1, true, 'a', 1, false, '1', true].map((value) => index.numberOf(value))).toEqual([0, 1, 2, 3, 0, 2, 4, 1, 3]);
    expect(index.size).toBe(5);
    expect(index.values).toEqual(['a', '1', 1, true, false]);
  });

  it('takes 0 and -0 as one value, as a Map does', () => {
    const index = new ValueIndex();
    expect([0, -0, 0.1 + 0.2, 0.3].map((value) => index.numberOf(value))).toEqual([0, 0, 1, 2]);
  });

  it('keeps every number as it grows past many rehashes, as a Map counts them', () => {
    const index = new ValueIndex();
    const map = new Map<string | number, number>();
    for (let i = 0; i < 50_000; i++) {
      // Texts that differ in one character, and numbers that differ in their last bits, collide most.
      const value = i % 3 === 0 ? `session-${i % 20_000}` : i % 3 === 1 ? (i % 7_000) * 1e-9 : `${i % 9_000}`;
      if (!map.has(value)) map.set(value, map.size);
      expect(index.numberOf(value)).toBe(map.get(value));
    }
    expect(index.size).toBe(map.size);
    expect(index.values).toEqual([...map.keys()]);
  });
});
