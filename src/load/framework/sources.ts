/** Sources as the engine wants them: short column forms expanded, defaults filled, view wheres parsed. */
import type { ColumnDef, FileSourceDef, SourceDef } from '../../core/framework.js';
import { parseCondition } from '../../formula/parser.js';
import { parseAt, type LoadContext } from './context.js';
import type { RawColumnOptions, RawFileSource, RawFramework, RawView } from './raw.js';

/** Every file source, and each view whose where parses (the others are reported). */
export function normalizeSources(raw: RawFramework['sources'], ctx: LoadContext): SourceDef[] {
  return Object.entries(raw).flatMap(([name, source]): SourceDef[] =>
    isView(source) ? viewOf(name, source, ctx) : [fileSourceOf(name, source, ctx)],
  );
}

export function isView(source: RawFileSource | RawView): source is RawView {
  return 'from' in source;
}

function viewOf(name: string, raw: RawView, ctx: LoadContext): SourceDef[] {
  const where = parseAt(ctx, { path: ['sources', name, 'where'], text: raw.where }, parseCondition);
  if (!where) return [];
  return [{ kind: 'view', name, from: raw.from, where, whereText: raw.where, location: ctx.locator.keyAt(['sources'], name) }];
}

function fileSourceOf(name: string, raw: RawFileSource, ctx: LoadContext): FileSourceDef {
  const columnsPath = ['sources', name, 'columns'];
  return {
    kind: 'file',
    name,
    file: raw.file,
    ...(raw.format !== undefined && { format: raw.format }),
    ...(raw.delimiter !== undefined && { delimiter: raw.delimiter }),
    headerRows: raw.header_rows ?? 1,
    ...(raw.time !== undefined && { time: raw.time }),
    ...(raw.key !== undefined && { key: typeof raw.key === 'string' ? [raw.key] : raw.key }),
    columns: Object.entries(raw.columns ?? {}).map(([column, written]) =>
      columnOf(column, typeof written === 'string' ? { type: written } : written, ctx.locator.keyAt(columnsPath, column)),
    ),
    location: ctx.locator.keyAt(['sources'], name),
  };
}

function columnOf(name: string, raw: RawColumnOptions, location: ColumnDef['location']): ColumnDef {
  const { from, required, currency_column: currencyColumn, ...options } = raw;
  return { name, ...options, from: from ?? name, required: required ?? false, ...(currencyColumn !== undefined && { currencyColumn }), location };
}
