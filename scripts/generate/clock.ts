/** Timestamps written the way each exporting tool writes them. */
import { epochToZoned, offsetMinutesAt, startOfDay } from '../../src/core/time.js';

/** The store's zone: Shopify writes local times, the framework reads periods in it. */
export const STORE_ZONE = 'America/New_York';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const two = (n: number) => String(n).padStart(2, '0');

/** Midnight in the store's zone. */
export function storeDay(year: number, month: number, day: number): number {
  return startOfDay(year, month, day, STORE_ZONE);
}

/** GA4: `2026-07-03T18:05:11Z`. */
export function isoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Typeform: `2026-07-03 18:05:11`, UTC without a zone marker. */
export function naiveUtc(epochMs: number): string {
  return isoUtc(epochMs).replace('T', ' ').replace('Z', '');
}

/** Shopify: `2026-07-03 14:05:11 -0400`, local time with the offset of that day. */
export function shopifyTime(epochMs: number): string {
  const local = epochToZoned(epochMs, STORE_ZONE);
  const offset = offsetMinutesAt(epochMs, STORE_ZONE);
  const sign = offset < 0 ? '-' : '+';
  const size = Math.abs(offset);
  const date = `${local.year}-${two(local.month)}-${two(local.day)}`;
  const time = `${two(local.hour)}:${two(local.minute)}:${two(local.second)}`;
  return `${date} ${time} ${sign}${two(Math.floor(size / 60))}${two(size % 60)}`;
}

/** `20260401`, as GA4's preamble writes its date range. */
export function compactDay(epochMs: number): string {
  const local = epochToZoned(epochMs, STORE_ZONE);
  return `${local.year}${two(local.month)}${two(local.day)}`;
}

/** `2026-07-03 14:05`: wall-clock time in `zone` without an offset, as Zendesk and HubSpot write it; `withSeconds` adds `:11`. */
export function wallClock(epochMs: number, zone: string, withSeconds = false): string {
  const local = epochToZoned(epochMs, zone);
  const time = `${two(local.hour)}:${two(local.minute)}${withSeconds ? `:${two(local.second)}` : ''}`;
  return `${wallDate(epochMs, zone)} ${time}`;
}

/** `2026-07-03`: the day in `zone`. */
export function wallDate(epochMs: number, zone: string): string {
  const local = epochToZoned(epochMs, zone);
  return `${local.year}-${two(local.month)}-${two(local.day)}`;
}
