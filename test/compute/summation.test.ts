/** Sums kept exactly (summation.ts): the exact sum rounded once, whatever the order of the values. */
import { describe, expect, test } from 'vitest';
import { ExactSum } from '../../src/compute/summation.js';
import { random } from '../load-data/fast-csv-helpers.js';

function sumOf(values: readonly number[]): number {
  const sum = new ExactSum();
  for (const value of values) sum.add(value);
  return sum.value;
}

describe('ExactSum', () => {
  test('adds what a running sum loses', () => {
    expect(sumOf(Array.from({ length: 10 }, () => 0.1))).toBe(1);
    expect(sumOf([9.7, 0.2, 0.1])).toBe(10);
    expect(sumOf([1e16, 1, -1e16])).toBe(1);
    expect(sumOf([0.1, 0.2])).toBe(0.30000000000000004);
    expect(sumOf([])).toBe(0);
  });

  test('merging keeps both low parts: (2^53 + 1) + (1 + 2^-60) - (2^53 + 2) = 2^-60', () => {
    const [first, second] = [new ExactSum(), new ExactSum()];
    first.add(2 ** 53);
    first.add(1);
    second.add(1);
    second.add(2 ** -60);
    first.merge(second.take());
    first.add(-(2 ** 53 + 2));
    expect(first.value).toBe(2 ** -60);
  });

  test('gives the same sum in any order, and merged from parts taken apart', () => {
    const next = random(7);
    for (let trial = 0; trial < 200; trial++) {
      const values = Array.from({ length: 1 + Math.floor(next() * 300) }, () => Math.round((next() - 0.3) * 10 ** (2 + Math.floor(next() * 7))) / 100);
      const expected = sumOf(values);
      const shuffled = [...values].sort(() => next() - 0.5);
      expect(sumOf(shuffled)).toBe(expected);
      const cut = Math.floor(next() * values.length);
      const [first, second] = [new ExactSum(), new ExactSum()];
      for (const value of shuffled.slice(0, cut)) first.add(value);
      for (const value of shuffled.slice(cut)) second.add(value);
      first.merge(second.take());
      expect(first.value).toBe(expected);
      expect(second.value).toBe(0);
    }
  });

  test('equals the sum of the values in cents, counted as whole numbers', () => {
    const next = random(11);
    const cents = Array.from({ length: 100_000 }, () => Math.floor(next() * 1_000_000) - 200_000);
    const exact = cents.reduce((total, cent) => total + cent, 0) / 100;
    expect(sumOf(cents.map((cent) => cent / 100))).toBe(exact);
  });
});
