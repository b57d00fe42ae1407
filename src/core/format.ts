/**
 * How numbers are shown, one rule per unit, shared by every renderer and by
 * the reasons evaluate writes. Values stay at full precision until here.
 * Locale is fixed (en-US) so output is byte-stable across machines.
 */
import type { Unit } from './framework.js';

/** Made on first use: the first number format loads ICU's locale data (~10 ms), which a run that shows no number never needs. */
function grouped(decimals: number): () => Intl.NumberFormat {
  let formatter: Intl.NumberFormat | undefined;
  return () => (formatter ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));
}

const INTEGER = grouped(0);
const TWO_DECIMALS = grouped(2);
const ONE_DECIMAL = grouped(1);
const currencyFormatters = new Map<string, Intl.NumberFormat>();

export function formatValue(value: number, unit: Unit, currency?: string | null): string {
  switch (unit) {
    case 'percent':
      return `${TWO_DECIMALS().format(value * 100)}%`;
    case 'currency':
      return currency ? currencyFormatter(currency).format(value) : TWO_DECIMALS().format(value);
    case 'count':
      return Number.isInteger(value) ? INTEGER().format(value) : TWO_DECIMALS().format(value);
    case 'number':
      return TWO_DECIMALS().format(value);
    case 'score':
      return ONE_DECIMAL().format(value);
    case 'seconds':
      return formatSeconds(value);
  }
}

/** A change between two values of a unit: percentage points for percents. */
export function formatDelta(delta: number, unit: Unit, currency?: string | null): string {
  return `${signOf(delta)}${formatDistance(delta, unit, currency)}`;
}

/** The size of a change, without its sign: `1.45 pp`, `$6.89`, `12`. */
export function formatDistance(delta: number, unit: Unit, currency?: string | null): string {
  const size = Math.abs(delta);
  if (unit === 'percent') return `${TWO_DECIMALS().format(size * 100)} pp`;
  return formatValue(size, unit, currency);
}

/** A relative change, e.g. `+12.5%`. */
export function formatRelative(ratio: number): string {
  return `${signOf(ratio)}${formatShare(ratio)}`;
}

/** The size of a ratio as a percentage, without its sign: `12.5%`. */
export function formatShare(ratio: number): string {
  return `${ONE_DECIMAL().format(Math.abs(ratio) * 100)}%`;
}

function signOf(number: number): string {
  return number > 0 ? '+' : number < 0 ? '−' : '±';
}

function currencyFormatter(code: string): Intl.NumberFormat {
  let formatter = currencyFormatters.get(code);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency: code });
    currencyFormatters.set(code, formatter);
  }
  return formatter;
}

function formatSeconds(seconds: number): string {
  if (Math.abs(seconds) < 60) return `${ONE_DECIMAL().format(seconds)}s`;
  const sign = seconds < 0 ? '-' : '';
  const whole = Math.round(Math.abs(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${sign}${hours}h ${two(minutes)}m` : `${sign}${minutes}m ${two(rest)}s`;
}
