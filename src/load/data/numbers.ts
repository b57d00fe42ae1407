/**
 * Number-like cell text as exports write it: grouped thousands, decimal
 * commas, currency signs, accounting negatives, percent signs, durations.
 * Each parser returns null for text it cannot read, so the caller can say
 * which cell and why; empty cells never reach these functions.
 */
import { asciiBytes } from './ascii-bytes.js';

// Thousands separators are accepted only in well-formed groups, so `1,2` or `12,34` stay invalid.
const POINT_DECIMAL = /^[+-]?(?:(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_DECIMAL = /^[+-]?(?:(?:\d+|\d{1,3}([. \u00a0\u202f])\d{3}(?:\1\d{3})*)(?:,\d+)?|,\d+)$/;

/** `1234.5`, `-3`, `1e3`, `1,234.56`; with decimal ',': `1.234,56`, `1 234,56`. */
export function parseNumber(text: string, decimal: '.' | ',' = '.'): number | null {
  const plain = plainText(text, decimal);
  if (plain !== undefined) return plain;
  const t = text.trim();
  let value: number;
  if (decimal === ',') {
    if (!COMMA_DECIMAL.test(t)) return null;
    value = Number(t.replace(/[. \u00a0\u202f]/g, '').replace(',', '.'));
  } else {
    if (!POINT_DECIMAL.test(t)) return null;
    value = Number(t.replace(/,/g, ''));
  }
  // `1e400` is well-formed but not a finite number.
  return Number.isFinite(value) ? value : null;
}

/**
 * Most number cells of a big export are short runs of digits (`42`), some
 * with decimals (`34.95`): read them without a regex, exactly as Number()
 * would. Up to 15 digits make an exact double, and one division of two
 * exact doubles rounds to the double nearest the decimal, as Number() does.
 * Anything else (signs, exponents, groups, more digits) returns undefined
 * and takes the full path.
 */
export function plainNumber(bytes: Uint8Array, start: number, end: number, decimals: boolean): number | undefined {
  let value = 0;
  let point = -1;
  for (let i = start; i < end; i++) {
    const digit = (bytes[i] as number) - 48;
    if (digit >= 0 && digit <= 9) value = value * 10 + digit;
    else if (digit === -2 && decimals && point < 0 && i > start) point = i;
    else return undefined;
  }
  const digits = end - start - (point < 0 ? 0 : 1);
  if (digits === 0 || digits > 15 || point === end - 1) return undefined;
  return point < 0 ? value : value / (POWERS_OF_TEN[end - point - 1] as number);
}

/** Written out: each is exact, whatever Math.pow would round. */
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

const textBytes = new Uint8Array(16);

function plainText(text: string, decimal: '.' | ','): number | undefined {
  const length = asciiBytes(text, textBytes);
  return length < 0 ? undefined : plainNumber(textBytes, 0, length, decimal === '.');
}

export function parseInteger(text: string, decimal: '.' | ',' = '.'): number | null {
  const value = parseNumber(text, decimal);
  return value !== null && Number.isSafeInteger(value) ? value : null;
}

const ACCOUNTING_NEGATIVE = /^\((.*)\)$/s;
const SYMBOL = '[$£€¥₹₩₽₺₪¢]';
/**
 * What may stand around an amount: an ISO 4217 code (three capitals: `USD 12`,
 * `12 EUR`), a symbol, or up to three letters that prefix a symbol (`US$12`,
 * `R$ 12,50`). Nothing else: `5k`, `1.5M` or `12 pcs` are not amounts.
 */
const PREFIX = new RegExp(`^([+-]?)\\s*(?:[A-Z]{3}(?![A-Za-z])\\.?|[A-Za-z]{1,3}(?=${SYMBOL}))?\\s*(?:${SYMBOL})?\\s*`);
const SUFFIX = new RegExp(`\\s*(?:${SYMBOL}|(?<![A-Za-z])[A-Z]{3})$`);

/** `$1,500.00`, `USD 12.50`, `-£3`, `(12.50)` -> -12.5. */
export function parseMoney(text: string, decimal: '.' | ',' = '.'): number | null {
  // Most amounts are plain numbers: skip the symbol stripping for them.
  const plain = parseNumber(text, decimal);
  if (plain !== null) return plain;
  let t = text.trim();
  const accounting = ACCOUNTING_NEGATIVE.exec(t);
  if (accounting) t = accounting[1] ?? '';
  t = t.replace(PREFIX, '$1').replace(SUFFIX, '').trim();
  t = t.replace(/^([+-])\s+/, '$1');
  const value = parseNumber(t, decimal);
  if (value === null) return null;
  return accounting ? -value : value;
}

/** Symbols, with the letters some exports put before them, that name one currency; `$`, `¥` and `¢` alone name several. */
const SYMBOL_CURRENCIES: Readonly<Record<string, string>> = {
  '€': 'EUR', '£': 'GBP', '₹': 'INR', '₩': 'KRW', '₽': 'RUB', '₺': 'TRY', '₪': 'ILS',
  US$: 'USD', C$: 'CAD', CA$: 'CAD', A$: 'AUD', AU$: 'AUD', NZ$: 'NZD', HK$: 'HKD', S$: 'SGD', MX$: 'MXN', R$: 'BRL',
};
const CURRENCY_MARK = new RegExp(`(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])|([A-Za-z]{0,3}${SYMBOL})`);

/** The currency an amount's own text names (`EUR 12`, `12 EUR`, `€12`, `US$12`), or null when it names none or an ambiguous one. */
export function currencyOfAmount(text: string): string | null {
  const mark = CURRENCY_MARK.exec(text);
  if (!mark) return null;
  return mark[1] ?? SYMBOL_CURRENCIES[(mark[2] ?? '').toUpperCase()] ?? null;
}

/** `12%` -> 0.12, `12.5 %` -> 0.125; a bare number is already a fraction (GA4 rates). */
export function parsePercent(text: string, decimal: '.' | ',' = '.'): number | null {
  const t = text.trim();
  if (!t.endsWith('%')) return parseNumber(t, decimal);
  const value = parseNumber(t.slice(0, -1), decimal);
  return value === null ? null : value / 100;
}

const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0']);

export function parseBoolean(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return null;
}

// Hours are unbounded (`48:00:00`); minutes and seconds after a larger unit stay below 60.
const CLOCK_DURATION = /^(\d+):([0-5]?\d)(?::([0-5]?\d(?:\.\d+)?))?$/;

/** `H:MM:SS`, `HH:MM:SS`, `MM:SS`, or plain seconds -> seconds. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  const clock = CLOCK_DURATION.exec(t);
  if (!clock) {
    const seconds = parseNumber(t);
    return seconds !== null && seconds >= 0 ? seconds : null;
  }
  const [, first = '0', second = '0', third] = clock;
  if (third === undefined) return Number(first) * 60 + Number(second);
  return Number(first) * 3600 + Number(second) * 60 + Number(third);
}
