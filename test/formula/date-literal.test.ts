import { expect, it } from 'vitest';
import { parseDateLiteral } from '../../src/formula/date-literal.js';

it('reads dates and times in a zone', () => {
  expect(parseDateLiteral('2026-07-01', 'UTC')).toBe(Date.UTC(2026, 6, 1));
  expect(parseDateLiteral('2026-07-01 18:30', 'UTC')).toBe(Date.UTC(2026, 6, 1, 18, 30));
  // New York is UTC-4 in July.
  expect(parseDateLiteral('2026-07-01T18:30:15', 'America/New_York')).toBe(Date.UTC(2026, 6, 1, 22, 30, 15));
});

it.each(['2026-02-30', '2026-13-01', '2026-07-01 24:00', '07/01/2026', '2026-7-1', 'today'])('refuses %s', (text) => {
  expect(parseDateLiteral(text, 'UTC')).toBeNull();
});
