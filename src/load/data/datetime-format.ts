/**
 * A column's declared timestamp `format` (`M/D/YY H:mm`, `DD/MM/YYYY H:mm`,
 * `MM/DD/YYYY hh:mm:ss A`, `unix_s`, ...) compiled once into a matcher.
 * Numeric tokens take one or two digits whatever their padding, because
 * spreadsheets drop the padding when they re-save a file. Letters outside
 * tokens are refused (except ISO's T, or text in brackets: `[at]`), so a
 * token this compiler lacks fails when the framework loads, not on every row.
 */
import type { LocalDateTime } from '../../core/time.js';
import { quoteCell } from './cell-text.js';
import { CellFailure } from './failure.js';
import { MONTHS, settle, type ParsedTime } from './parsed-time.js';
import { fractionToMs, parseIso, unixUnit } from './timestamps.js';

export type TimeParser = (text: string) => ParsedTime | CellFailure;

type Field = 'year' | 'year2' | 'month' | 'monthName' | 'day' | 'hour' | 'hour12' | 'minute' | 'second' | 'fraction' | 'meridiem' | 'offset';

const TOKENS: Readonly<Record<string, { readonly pattern: string; readonly field: Field }>> = {
  YYYY: { pattern: '(\\d{4})', field: 'year' },
  YY: { pattern: '(\\d{2})', field: 'year2' },
  MMMM: { pattern: '([A-Za-z]+)\\.?', field: 'monthName' },
  MMM: { pattern: '([A-Za-z]+)\\.?', field: 'monthName' },
  MM: { pattern: '(\\d{1,2})', field: 'month' },
  M: { pattern: '(\\d{1,2})', field: 'month' },
  DD: { pattern: '(\\d{1,2})', field: 'day' },
  D: { pattern: '(\\d{1,2})', field: 'day' },
  HH: { pattern: '(\\d{1,2})', field: 'hour' },
  H: { pattern: '(\\d{1,2})', field: 'hour' },
  hh: { pattern: '(\\d{1,2})', field: 'hour12' },
  h: { pattern: '(\\d{1,2})', field: 'hour12' },
  mm: { pattern: '(\\d{1,2})', field: 'minute' },
  m: { pattern: '(\\d{1,2})', field: 'minute' },
  ss: { pattern: '(\\d{1,2})', field: 'second' },
  s: { pattern: '(\\d{1,2})', field: 'second' },
  SSS: { pattern: '(\\d+)', field: 'fraction' },
  A: { pattern: '([AaPp][Mm])', field: 'meridiem' },
  a: { pattern: '([AaPp][Mm])', field: 'meridiem' },
  Z: { pattern: '(Z|[+-]\\d{2}(?::?\\d{2})?)', field: 'offset' },
};
const TOKEN = /\[[^\]]*\]|YYYY|YY|SSS|MMMM|MMM|MM|M|DD|D|HH|H|hh|h|mm|m|ss|s|A|a|Z/g;

const FIELD_NAMES: Readonly<Record<Field, string>> = {
  year: 'year', year2: 'year', month: 'month', monthName: 'month', day: 'day', hour: 'hour', hour12: 'hour',
  minute: 'minute', second: 'second', fraction: 'fraction of a second', meridiem: 'AM/PM', offset: 'offset',
};

// `Jul`, `July` and en-GB's `Sept`, whichever token the format uses: exports are not consistent.
const MONTH_NUMBERS = new Map(
  MONTHS.flatMap((name, i) => [[name.toLowerCase(), i + 1], [name.slice(0, 3).toLowerCase(), i + 1]] as const).concat([['sept', 9]]),
);

const FIXED: Readonly<Record<string, TimeParser>> = {
  unix_s: (text) => unixText(text, 'seconds'),
  unix_ms: (text) => unixText(text, 'milliseconds'),
  iso: (text) => parseIso(text) ?? new CellFailure('row/invalid-date', `${quoteCell(text)} is not an ISO-8601 timestamp`),
};

/** A Unix time in the declared unit; one that only makes sense in the other unit is refused, not read as year 58000 or 1970. */
function unixText(text: string, unit: 'seconds' | 'milliseconds'): ParsedTime | CellFailure {
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) return new CellFailure('row/invalid-date', `${quoteCell(text)} is not a Unix timestamp`);
  if (unixUnit(n) !== unit) {
    const other = unit === 'seconds' ? 'unix_ms' : 'unix_s';
    return new CellFailure('row/invalid-date', `${quoteCell(text)} looks like Unix ${unixUnit(n)}, not ${unit}: set format: ${other}`);
  }
  return { kind: 'instant', epoch: Math.round(unit === 'seconds' ? n * 1000 : n) };
}

/** The parser for a format, or why the format is unusable. */
export function compileFormat(format: string): TimeParser | string {
  const fixed = FIXED[format];
  if (fixed) return fixed;
  const fields: Field[] = [];
  const literals: string[] = [];
  let source = '';
  let last = 0;
  for (const match of format.matchAll(TOKEN)) {
    literals.push(format.slice(last, match.index));
    source += literal(format.slice(last, match.index));
    const token = TOKENS[match[0]];
    if (token) {
      source += token.pattern;
      fields.push(token.field);
    } else source += literal(match[0].slice(1, -1));
    last = match.index + match[0].length;
  }
  literals.push(format.slice(last));
  source += literal(format.slice(last));
  const problem = strayLetter(literals) ?? problemWith(fields);
  if (problem) return problem;
  const regex = new RegExp(`^${source}$`);
  return (text) => {
    const m = regex.exec(text);
    if (!m) return new CellFailure('row/invalid-date', `${quoteCell(text)} does not match the column's format '${format}'`);
    const local = toLocal(fields, m);
    if (typeof local === 'string') return new CellFailure('row/invalid-date', `${quoteCell(text)} ${local}`);
    return settle(text, local, offsetOf(fields, m));
  };
}

/** Why a format cannot be used, or null: what the framework loader checks for every `format`. */
export function formatProblem(format: string): string | null {
  const compiled = compileFormat(format);
  return typeof compiled === 'string' ? compiled : null;
}

function strayLetter(literals: readonly string[]): string | null {
  const letter = /[A-SU-Za-z]/.exec(literals.join(''))?.[0];
  if (letter === undefined) return null;
  return (
    `'${letter}' is not one of its tokens (YYYY YY MMMM MMM MM M DD D HH H hh h mm m ss s SSS A a Z); ` +
    'put text that should match literally in brackets, such as [at]'
  );
}

function literal(text: string): string {
  // One space in a format stands for any run of whitespace, as re-saved spreadsheets vary it.
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

function problemWith(fields: readonly Field[]): string | null {
  const has = (f: Field) => fields.includes(f);
  const parts = fields.map((field) => FIELD_NAMES[field]);
  const twice = parts.find((part, i) => parts.indexOf(part) !== i);
  if (twice) return `it reads the ${twice} twice: write each part once, with one token (MMM is a month name, MM its number)`;
  if (!(has('year') || has('year2')) || !(has('month') || has('monthName')) || !has('day')) {
    return 'it needs a year (YYYY or YY), a month (M, MM, MMM or MMMM) and a day (D or DD), or use unix_s, unix_ms or iso';
  }
  if (has('hour12') !== has('meridiem')) return '12-hour clocks need both h/hh and A (AM/PM); use H/HH for 24-hour times';
  return null;
}

/** The wall-clock parts, or what is wrong with them (a 12-hour clock above 12, an unknown month name). */
function toLocal(fields: readonly Field[], m: RegExpExecArray): LocalDateTime | string {
  const parts = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
  let pm = false;
  let hour12 = 0;
  fields.forEach((field, i) => {
    const text = m[i + 1] ?? '';
    if (field === 'year') parts.year = Number(text);
    else if (field === 'year2') parts.year = 2000 + Number(text);
    else if (field === 'hour12') hour12 = Number(text);
    else if (field === 'meridiem') pm = text.toLowerCase() === 'pm';
    else if (field === 'fraction') parts.millisecond = fractionToMs(text);
    else if (field === 'monthName') parts.month = MONTH_NUMBERS.get(text.toLowerCase()) ?? 0;
    else if (field !== 'offset') parts[field] = Number(text);
  });
  if (hour12 > 12) return 'has an hour above 12 on a 12-hour clock';
  if (parts.month === 0) return 'has no English month name (Jan to Dec, or January to December)';
  if (fields.includes('meridiem')) parts.hour = (hour12 % 12) + (pm ? 12 : 0);
  return parts;
}

function offsetOf(fields: readonly Field[], m: RegExpExecArray): string | undefined {
  const index = fields.indexOf('offset');
  return index < 0 ? undefined : m[index + 1];
}
