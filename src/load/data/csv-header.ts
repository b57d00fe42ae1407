/**
 * Declared columns -> field positions in a CSV header. Work is by position,
 * so duplicate or empty header names never overwrite each other; only a
 * declared header text that names two fields is refused, with the positions
 * to choose from.
 */
import { error, UserError, type Diagnostic, type SourceLocation } from '../../core/diagnostics.js';
import type { ColumnDef, FileSourceDef } from '../../core/framework.js';
import { closestMatch } from '../../core/suggest.js';
import { quoteCell } from './cell-text.js';

const MAX_LISTED_HEADERS = 40;

/** 0-based field position of each declared column, in declaration order. */
export function columnPositions(
  headers: readonly string[],
  def: FileSourceDef,
  file: string,
  locateField: (position: number) => SourceLocation,
): number[] {
  const problems: Diagnostic[] = [];
  const positions = def.columns.map((column) => {
    const found = findPosition(headers, column);
    if (typeof found === 'number') return found;
    problems.push(found === 'missing' ? missing(headers, column, file, locateField(0)) : duplicate(found, column, file, locateField(found[1] ?? 0)));
    return -1;
  });
  if (problems.length > 0) throw new UserError(problems);
  return positions;
}

/** The position, 'missing', or every position the header text names. */
function findPosition(headers: readonly string[], column: ColumnDef): number | 'missing' | number[] {
  if (typeof column.from === 'number') return column.from >= 1 && column.from <= headers.length ? column.from - 1 : 'missing';
  const wanted = column.from.trim();
  let matches = positionsWhere(headers, (header) => header.trim() === wanted);
  // Exports differ in capitalisation between versions (GA4's "Default channel group").
  if (matches.length === 0) matches = positionsWhere(headers, (header) => header.trim().toLowerCase() === wanted.toLowerCase());
  if (matches.length === 0) return 'missing';
  return matches.length === 1 ? (matches[0] as number) : matches;
}

function positionsWhere(headers: readonly string[], test: (header: string) => boolean): number[] {
  return headers.flatMap((header, i) => (test(header) ? [i] : []));
}

function declared(column: ColumnDef): string {
  const { file, line } = column.location;
  return `column '${column.name}' (declared at ${file}${line === undefined ? '' : `:${line}`})`;
}

function missing(headers: readonly string[], column: ColumnDef, file: string, at: SourceLocation): Diagnostic {
  if (typeof column.from === 'number') {
    return error(
      'data/missing-column',
      `${declared(column)} reads field ${column.from}, but the header of ${file} has ${headers.length} fields. ` +
        `Set from: to a position between 1 and ${headers.length}, or to a header text: ${listHeaders(headers)}`,
      at,
    );
  }
  const closest = closestMatch(column.from, headers.filter((h) => h.trim() !== ''));
  const hint = closest === undefined ? '' : ` The closest is ${quoteCell(closest)}: set from: ${quoteCell(closest)} if that is the one.`;
  return error(
    'data/missing-column',
    `${file} has no column '${column.from}', which ${declared(column)} reads. Its headers are: ${listHeaders(headers)}.${hint} ` +
      `${closest === undefined ? 'Set' : 'Otherwise set'} from: to the exact header text or to its position.`,
    at,
  );
}

function duplicate(positions: readonly number[], column: ColumnDef, file: string, at: SourceLocation): Diagnostic {
  const shown = positions.map((p) => p + 1);
  return error(
    'data/duplicate-column',
    `${file} has the header '${String(column.from)}' ${positions.length} times, at positions ${shown.join(' and ')}, ` +
      `so ${declared(column)} is ambiguous. ` +
      `Pick one by position: from: ${shown[0]}` + shown.slice(1).map((p) => ` or from: ${p}`).join(''),
    at,
  );
}

function listHeaders(headers: readonly string[]): string {
  const shown = headers.slice(0, MAX_LISTED_HEADERS).map((h, i) => (h.trim() === '' ? `(empty at ${i + 1})` : quoteCell(h)));
  const more = headers.length > MAX_LISTED_HEADERS ? ` and ${headers.length - MAX_LISTED_HEADERS} more` : '';
  return shown.join(', ') + more;
}
