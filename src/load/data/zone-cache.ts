/**
 * Wall clock <-> instant in an IANA zone, memoized. core/time.ts asks Intl
 * (microseconds per call); a zone's offset only changes at hour boundaries
 * in practice, so one answer per zone and hour serves every row in it.
 */
import { offsetMinutesAt, utcEpoch, zonedToEpoch, type LocalDateTime } from '../../core/time.js';

// Lord Howe and a few others shift at half hours: key instants by quarter hour.
const QUARTER_MS = 900_000;
const MAX_ENTRIES = 100_000;

const wallOffsets = new Map<string, Map<number, number>>();
const instantOffsets = new Map<string, Map<number, number>>();

function cacheFor(caches: Map<string, Map<number, number>>, zone: string): Map<number, number> {
  let cache = caches.get(zone);
  if (!cache || cache.size > MAX_ENTRIES) {
    cache = new Map();
    caches.set(zone, cache);
  }
  return cache;
}

function isUtc(zone: string): boolean {
  return zone === 'UTC' || zone === 'Etc/UTC';
}

/** The instant a wall-clock time names in `zone` (gaps and overlaps as zonedToEpoch resolves them). */
export function wallToEpoch(local: LocalDateTime, zone: string): number {
  const asUtc = utcEpoch(local.year, local.month, local.day, local.hour, local.minute, local.second, local.millisecond);
  if (isUtc(zone)) return asUtc;
  const hourStart = utcEpoch(local.year, local.month, local.day, local.hour);
  const cache = cacheFor(wallOffsets, zone);
  let shift = cache.get(hourStart);
  if (shift === undefined) {
    const hour = { year: local.year, month: local.month, day: local.day, hour: local.hour, minute: 0, second: 0, millisecond: 0 };
    shift = hourStart - zonedToEpoch(hour, zone);
    cache.set(hourStart, shift);
  }
  return asUtc - shift;
}

/** Midnight starting the calendar day an instant falls on in `zone`. */
export function startOfZonedDay(epochMs: number, zone: string): number {
  let offsetMs = 0;
  if (!isUtc(zone)) {
    const quarter = Math.floor(epochMs / QUARTER_MS);
    const cache = cacheFor(instantOffsets, zone);
    let minutes = cache.get(quarter);
    if (minutes === undefined) {
      minutes = offsetMinutesAt(quarter * QUARTER_MS, zone);
      cache.set(quarter, minutes);
    }
    offsetMs = minutes * 60_000;
  }
  const shifted = new Date(epochMs + offsetMs);
  return startOfWallDay(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate(), zone);
}

export function startOfWallDay(year: number, month: number, day: number, zone: string): number {
  return wallToEpoch({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }, zone);
}
