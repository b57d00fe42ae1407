/** Per-column meaning checks: real time zones, usable date formats, safe patterns. */
import { didYouMean } from '../../core/suggest.js';
import { isValidTimeZone } from '../../core/time.js';
import { formatProblem, textAsRead } from '../data/index.js';
import { report, type LoadContext } from './context.js';
import type { YamlPath } from './locator.js';
import type { RawColumnOptions, RawFramework } from './raw.js';
import { isView } from './sources.js';

export function checkColumns(raw: RawFramework, ctx: LoadContext): void {
  for (const [name, source] of Object.entries(raw.sources)) {
    if (isView(source)) continue;
    for (const [column, written] of Object.entries(source.columns ?? {})) {
      if (typeof written === 'string') continue;
      const path = ['sources', name, 'columns', column];
      const what = `column '${column}' of source '${name}'`;
      checkTimeZone(written.timezone, [...path, 'timezone'], ctx);
      checkFormat(written, what, [...path, 'format'], ctx);
      checkPattern(written.pattern, what, [...path, 'pattern'], ctx);
      checkEnum(written, what, [...path, 'enum'], ctx);
    }
  }
}

export function checkTimeZone(zone: string | undefined, path: YamlPath, ctx: LoadContext): void {
  if (zone === undefined || isValidTimeZone(zone)) return;
  const hint = didYouMean(zone, Intl.supportedValuesOf('timeZone'));
  report(ctx, 'framework/timezone', `'${zone}' is not an IANA time zone.${hint} Use a name such as UTC, Europe/Berlin or America/New_York`, path);
}

function checkFormat(column: RawColumnOptions, what: string, path: YamlPath, ctx: LoadContext): void {
  if (column.format === undefined || (column.type !== 'datetime' && column.type !== 'date')) return;
  const problem = formatProblem(column.format);
  if (problem) report(ctx, 'framework/column-format', `${what}: format '${column.format}' cannot be used: ${problem}`, path);
}

const NUMERIC_TYPES: ReadonlySet<string> = new Set(['number', 'integer', 'money', 'percent', 'duration']);

/** An enum lists values a cell can hold once typed: text for a string column, numbers for a numeric one. */
function checkEnum(column: RawColumnOptions, what: string, path: YamlPath, ctx: LoadContext): void {
  if (column.enum === undefined) return;
  const kind = column.type === 'string' ? 'string' : NUMERIC_TYPES.has(column.type) ? 'number' : undefined;
  if (kind === undefined) {
    report(ctx, 'framework/column-enum', `${what}: enum lists values of text or number columns, not of a ${column.type} column: remove it`, path);
    return;
  }
  const strays = column.enum.filter((value) => typeof value !== kind);
  if (strays.length > 0) {
    const advice = kind === 'string' ? `quote them ('${String(strays[0])}')` : 'write them without quotes';
    report(ctx, 'framework/column-enum', `${what} holds ${kind === 'string' ? 'text' : 'numbers'}, but its enum lists ${strays.map((v) => JSON.stringify(v)).join(', ')}: ${advice}`, path);
    return;
  }
  checkEnumReadAs(column, what, path, ctx);
}

/**
 * A column read trimmed or lower-cased never holds an enum value those options would change, and no
 * column holds '' (an empty cell is no value): the fix for each, to write it as read or to remove it.
 */
function checkEnumReadAs(column: RawColumnOptions, what: string, path: YamlPath, ctx: LoadContext): void {
  const options = [...(column.trim ? ['trim: true'] : []), ...(column.lowercase ? ['lowercase: true'] : [])];
  const readAs = (value: string) => textAsRead(value, column);
  const listed = (column.enum ?? []).filter((value): value is string => typeof value === 'string');
  const never = listed.filter((value) => value === '' || readAs(value) !== value);
  if (never.length === 0) return;
  const held = new Set(listed.filter((value) => !never.includes(value)));
  const fixes = never.map((value) => {
    const read = readAs(value);
    if (read === '' || held.has(read)) return `remove '${value}'`;
    held.add(read);
    return `write '${value}' as '${read}'`;
  });
  const why = options.length === 0 ? ': an empty cell is no value, so' : ` is read with ${options.join(' and ')}, so`;
  report(ctx, 'framework/column-enum', `${what}${why} its enum's ${never.map((value) => `'${value}'`).join(', ')} can never match: ${fixes.join(', ')}`, path);
}

function checkPattern(pattern: string | undefined, what: string, path: YamlPath, ctx: LoadContext): void {
  if (pattern === undefined) return;
  try {
    new RegExp(pattern, 'u');
  } catch (problem) {
    report(ctx, 'framework/column-pattern', `${what}: pattern '${pattern}' is not a regular expression: ${(problem as Error).message}`, path);
    return;
  }
  if (hasNestedQuantifier(pattern)) {
    report(
      ctx,
      'framework/column-pattern',
      `${what}: pattern '${pattern}' repeats a group that itself repeats, as in (a+)+; such a pattern can take hours on one cell that almost matches: write it without the nesting, e.g. (a+)+ as a+`,
      path,
    );
  }
}

/**
 * True when a quantified group holds a quantifier, the shape behind
 * catastrophic backtracking. Character classes and escapes are skipped.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  const groups: boolean[] = [];
  let repeatsInside = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i += 1;
    else if (char === '[') i = endOfClass(pattern, i);
    else if (char === '(') {
      groups.push(repeatsInside);
      repeatsInside = false;
    } else if (char === ')') {
      const inner: boolean = repeatsInside;
      repeatsInside = groups.pop() ?? false;
      if (inner && isQuantifier(pattern[i + 1])) return true;
      repeatsInside ||= inner;
    } else if (isQuantifier(char)) repeatsInside = true;
  }
  return false;
}

function isQuantifier(char: string | undefined): boolean {
  return char === '*' || char === '+' || char === '{';
}

function endOfClass(pattern: string, open: number): number {
  for (let i = open + 1; i < pattern.length; i++) {
    if (pattern[i] === '\\') i += 1;
    else if (pattern[i] === ']') return i;
  }
  return pattern.length;
}
