/**
 * One converter per declared column, built once per source: cell text
 * (CSV) or a JSON value -> a typed Value, or the reason it cannot be.
 * Empty cells are null; there is deliberately no global cast, so ids like
 * `01103` stay text unless a column says otherwise.
 */
import type { ColumnDef } from '../../core/framework.js';
import type { Value } from '../../core/values.js';
import { compileFormat, type TimeParser } from './datetime-format.js';
import { quoteCell, safeText } from './cell-text.js';
import { CellFailure } from './failure.js';
import { parseBoolean, parseDuration, parseInteger, parseMoney, parseNumber, parsePercent, plainNumber } from './numbers.js';
import { instantOf, timeProblem } from './parsed-time.js';
import { HourMemo, newIsoParts, readIsoParts } from './iso-fast.js';
import type { LocalDateTime } from '../../core/time.js';
import { parseTimestamp } from './timestamps.js';
import { startOfWallDay, startOfZonedDay, wallToEpoch } from './zone-cache.js';

export type Converter = (cell: unknown) => Value | CellFailure;

type TextParser = (text: string) => Value | CellFailure;

/** The converter for a column, or why its declaration cannot be used (a bad `format`). */
export function compileConverter(column: ColumnDef, frameworkZone: string): Converter | string {
  if (column.type === 'string') return stringConverter(column);
  if (column.type === 'datetime' || column.type === 'date') return timeConverter(column, column.timezone ?? frameworkZone);
  return scalarConverter(jsonNumberFits(column), textParser(column));
}

function stringConverter(column: ColumnDef): Converter {
  return (cell) => {
    if (cell === null || cell === undefined) return null;
    if (typeof cell === 'object') {
      const kind = Array.isArray(cell) ? 'array' : 'object';
      return new CellFailure('row/invalid-string', `holds a JSON ${kind}, not text; point 'from' at one of its fields with a dotted path (a.b)`);
    }
    const text = textAsRead(String(cell), column);
    return text === '' ? null : text;
  };
}

/** A text cell as a string column reads it: trimmed, then lower-cased, as the column asks ('' is then no value). */
export function textAsRead(text: string, column: { readonly trim?: boolean; readonly lowercase?: boolean }): string {
  const trimmed = column.trim ? text.trim() : text;
  return column.lowercase ? trimmed.toLowerCase() : trimmed;
}

/** Whether a JSON number can be taken as it is (a boolean column reads 1/0 through its text parser). */
function jsonNumberFits(column: ColumnDef): (n: number) => boolean {
  if (column.type === 'boolean') return () => false;
  if (column.type === 'percent') return isFraction;
  return column.type === 'integer' ? Number.isSafeInteger : () => true;
}

// JSON.parse reads 1e400 as Infinity: its digits are gone, so the message cannot quote them.
const TOO_LARGE = new CellFailure(
  'row/invalid-number',
  'holds a JSON number too large for a double (beyond ±1.8e308): fix the export, or declare the column as type: string if it is an id',
);

/** Numbers, amounts, percents, booleans and durations share the cell handling; only the text parser differs. */
function scalarConverter(fits: (n: number) => boolean, parse: TextParser): Converter {
  return (cell) => {
    if (cell === null || cell === undefined) return null;
    if (typeof cell === 'string') {
      const text = cell.trim();
      return text === '' ? null : parse(text);
    }
    if (typeof cell === 'number' && !Number.isFinite(cell)) return TOO_LARGE;
    if (typeof cell === 'number' && fits(cell)) return cell;
    return parse(typeof cell === 'object' ? JSON.stringify(cell) : String(cell));
  };
}

const AMOUNT_EXAMPLES = { '.': '1,500.00, $1,500.00 or (12.50)', ',': '1.500,00, € 1.500,00 or (12,50)' } as const;

function textParser(column: ColumnDef): TextParser {
  const decimal = column.decimal ?? '.';
  const fail = (code: string, what: string) => (text: string) => new CellFailure(code, `${quoteCell(text)} is not ${what}${commaHint(text, decimal)}`);
  switch (column.type) {
    case 'integer':
      return orFail((t) => parseInteger(t, decimal), integerFailure(decimal, fail('row/invalid-integer', 'a whole number; declare the column as type: number if it can hold decimals')));
    case 'money':
      return orFail((t) => parseMoney(t, decimal), fail('row/invalid-number', `an amount like ${AMOUNT_EXAMPLES[decimal]}`));
    case 'percent':
      return percentParser(decimal, fail('row/invalid-number', 'a percentage like 12.5% or a fraction like 0.125'));
    case 'boolean':
      return orFail(parseBoolean, fail('row/invalid-boolean', 'a boolean: use true/false, yes/no or 1/0'));
    case 'duration':
      return orFail(parseDuration, fail('row/invalid-duration', 'a duration like 48:00:00, 02:41 or a number of seconds'));
    default:
      return orFail((t) => parseNumber(t, decimal), fail('row/invalid-number', 'a number'));
  }
}

/** Whole numbers beyond 2^53 (long JSON ids) would silently change their last digits as doubles. */
function integerFailure(decimal: '.' | ',', fail: (text: string) => CellFailure): (text: string) => CellFailure {
  return (text) => {
    if (!Number.isInteger(parseNumber(text, decimal))) return fail(text);
    const advice = 'declare the column as type: string if it is an id, or as type: number';
    return new CellFailure('row/invalid-integer', `${quoteCell(text)} is too large for an integer column, whose digits must stay exact: ${advice}`);
  };
}

/** A bare number is a fraction (GA4 writes rates so); `12` is far more likely a percent missing its sign than 1200%. */
function percentParser(decimal: '.' | ',', fail: (text: string) => CellFailure): TextParser {
  return (text) => {
    const value = parsePercent(text, decimal);
    if (value === null) return fail(text);
    if (text.endsWith('%') || isFraction(value)) return value;
    const fraction = String(Number((value / 100).toPrecision(12)));
    return new CellFailure(
      'row/invalid-percent',
      `${quoteCell(text)} has no % sign and is not a fraction between -1 and 1: write ${safeText(text)}% or ` +
        `${decimal === ',' ? fraction.replace('.', ',') : fraction} (a percent column reads bare numbers as fractions, as GA4 writes rates)`,
    );
  };
}

function isFraction(value: number): boolean {
  return value >= -1 && value <= 1;
}

/** `3,5` in a column read with decimal points is most likely a decimal comma. */
function commaHint(text: string, decimal: '.' | ','): string {
  return decimal === '.' && /\d,\d{1,2}(?!\d)/.test(text) ? "; if the export writes decimal commas (1.234,56), set decimal: ','" : '';
}

function orFail<T extends Value>(parse: (text: string) => T | null, fail: (text: string) => CellFailure): TextParser {
  return (text) => parse(text) ?? fail(text);
}

function timeConverter(column: ColumnDef, zone: string): Converter | string {
  let parse: TimeParser = parseTimestamp;
  if (column.format !== undefined) {
    const compiled = compileFormat(column.format);
    if (typeof compiled === 'string') return `format '${column.format}' cannot be used: ${compiled}`;
    parse = compiled;
  }
  const place = placer(column, zone);
  return (cell) => {
    if (cell === null || cell === undefined) return null;
    // A JSON number is read as its text, so 20260701 is as ambiguous as '20260701'.
    const text = typeof cell === 'string' ? cell.trim() : typeof cell === 'number' ? String(cell) : JSON.stringify(cell);
    if (text === '') return null;
    const parsed = parse(text);
    if (parsed instanceof CellFailure) return parsed;
    return parsed.kind === 'instant' ? place.instant(parsed.epoch) : place.wall(parsed.local);
  };
}

/**
 * Reads a field's bytes where they lie, without making a string; undefined
 * when it cannot tell (another shape, a value that is no real time): the
 * field's text then takes the converter, which says what is wrong.
 */
export type ByteConverter = (bytes: Uint8Array, start: number, end: number) => Value | undefined;

/** The byte reader for a column, where there is one: plain numbers, and timestamps in the ISO shapes of big exports. */
export function compileByteConverter(column: ColumnDef, frameworkZone: string): ByteConverter | undefined {
  switch (column.type) {
    case 'datetime':
    case 'date':
      return column.format === undefined ? byteTimeConverter(column, column.timezone ?? frameworkZone) : undefined;
    case 'integer':
    case 'number':
    case 'money':
    case 'duration':
      return byteNumberConverter(column);
    default:
      return undefined;
  }
}

/** Digits, with decimals where the column's decimal mark is a point (a duration's plain seconds always use one). */
function byteNumberConverter(column: ColumnDef): ByteConverter {
  const decimals = column.type === 'duration' || (column.decimal ?? '.') === '.';
  if (column.type !== 'integer') return (bytes, start, end) => plainNumber(bytes, start, end, decimals);
  return (bytes, start, end) => {
    const value = plainNumber(bytes, start, end, decimals);
    return value !== undefined && Number.isInteger(value) ? value : undefined;
  };
}

function byteTimeConverter(column: ColumnDef, zone: string): ByteConverter {
  const place = placer(column, zone);
  const parts = newIsoParts();
  // A date column places each instant on the zone's calendar: only a datetime is the instant itself.
  const memo = column.type === 'datetime' ? new HourMemo() : undefined;
  return (bytes, start, end) => {
    const remembered = memo?.instant(bytes, start, end);
    if (remembered !== undefined) return remembered;
    if (!readIsoParts(bytes, start, end, parts)) return undefined;
    const offset = parts.hasOffset ? parts.offset : undefined;
    if (timeProblem(parts, offset) !== null) return undefined;
    if (offset === undefined) return place.wall(parts);
    const instant = instantOf(parts, offset);
    memo?.remember(bytes, start, end, parts, instant);
    return place.instant(instant);
  };
}

/** A column's value for an instant, and for a wall-clock time read in its zone. */
interface Placer {
  instant(epoch: number): number;
  wall(local: LocalDateTime): number;
}

/** A datetime is the instant; a date is the local midnight starting it, an instant first placed on the zone's calendar. */
function placer(column: ColumnDef, zone: string): Placer {
  if (column.type === 'date') {
    return { instant: (epoch) => startOfZonedDay(epoch, zone), wall: (local) => startOfWallDay(local.year, local.month, local.day, zone) };
  }
  return { instant: (epoch) => epoch, wall: (local) => wallToEpoch(local, zone) };
}
