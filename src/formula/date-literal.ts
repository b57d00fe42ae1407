/**
 * A string literal compared with a datetime or date column names a wall-clock
 * time in the framework's zone: `'2026-07-01'` or `'2026-07-01 18:30[:00]'`.
 */
import { utcEpoch, zonedToEpoch } from '../core/time.js';

const DATE_LITERAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

export const DATE_LITERAL_HINT = 'write dates as YYYY-MM-DD or YYYY-MM-DD HH:mm[:ss]';

/** Epoch ms, or null when the text is not such a date or names an impossible one (2026-02-30). */
export function parseDateLiteral(text: string, zone: string): number | null {
  const match = DATE_LITERAL.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const daysInMonth = new Date(utcEpoch(year, month + 1, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return null;
  return zonedToEpoch({ year, month, day, hour, minute, second, millisecond: 0 }, zone);
}
