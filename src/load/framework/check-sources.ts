/**
 * Source-level meaning: each view's chain must end at a file source (no
 * unknown `from`, no cycle), time columns must be declared datetimes or dates,
 * and view wheres must read columns their root source has.
 */
import type { FileSourceDef, SourceDef } from '../../core/framework.js';
import { didYouMean } from '../../core/suggest.js';
import { checkCondition } from './check-conditions.js';
import { checkCurrencyColumns } from './check-currency.js';
import { report, type LoadContext } from './context.js';
import type { YamlPath } from './locator.js';
import type { RawFramework } from './raw.js';
import { isView } from './sources.js';

export interface SourceIndex {
  /** Every source and view name, including views whose where did not parse. */
  readonly names: readonly string[];
  /** The file source whose rows a source reads: itself, or a view's root; undefined when the chain is broken (reported). */
  rootOf(name: string): FileSourceDef | undefined;
}

export function checkSources(raw: RawFramework['sources'], sources: readonly SourceDef[], ctx: LoadContext): SourceIndex {
  const names = Object.keys(raw);
  const files = new Map(sources.flatMap((source) => (source.kind === 'file' ? [[source.name, source] as const] : [])));
  const cycles = new Set<string>();
  const follow = (start: string): FileSourceDef | undefined => {
    const chain: string[] = [];
    for (let name = start; ; ) {
      const source = raw[name];
      if (!source) return undefined;
      if (!isView(source)) return files.get(name);
      if (chain.includes(name)) return reportCycle([...chain.slice(chain.indexOf(name)), name], cycles, ctx);
      chain.push(name);
      name = source.from;
    }
  };
  const roots = new Map(names.map((name) => [name, follow(name)]));
  for (const [name, source] of Object.entries(raw)) {
    if (isView(source) && !(source.from in raw)) {
      const others = names.filter((other) => other !== name);
      const hint = didYouMean(source.from, others) || ` Sources: ${others.join(', ')}.`;
      report(ctx, 'framework/unknown-source', `view '${name}' reads from '${source.from}', which is not a source.${hint}`, ['sources', name, 'from']);
    }
  }
  for (const source of sources) {
    const root = roots.get(source.name);
    if (source.kind === 'file') {
      checkTimeColumn(source, ctx);
      checkKeyColumns(source, ctx);
      checkCurrencyColumns(source, ctx);
    }
    else if (root) checkCondition(ctx, source.where, source.name, root, { path: ['sources', source.name, 'where'], text: source.whereText });
  }
  return { names, rootOf: (name) => roots.get(name) };
}

/** Reports a view cycle once, however many of its views lead into it. */
function reportCycle(cycle: readonly string[], reported: Set<string>, ctx: LoadContext): undefined {
  const key = [...new Set(cycle)].sort().join(' ');
  if (reported.has(key)) return undefined;
  reported.add(key);
  const first = cycle[0] ?? '';
  report(ctx, 'framework/view-cycle', `views read from each other in a cycle: ${cycle.join(' -> ')}. Make one of them read from a file source`, ['sources', first, 'from']);
  return undefined;
}

function checkTimeColumn(source: FileSourceDef, ctx: LoadContext): void {
  if (source.time === undefined) return;
  const path = ['sources', source.name, 'time'];
  const column = source.columns.find((candidate) => candidate.name === source.time);
  if (!column) {
    reportUndeclared(source, source.time, 'to use as its time', 'with type datetime or date', path, ctx);
  } else if (column.type !== 'datetime' && column.type !== 'date') {
    report(ctx, 'framework/type', `source '${source.name}': the time column '${column.name}' is a ${column.type} column: declare it as datetime or date, or pick another column`, path);
  }
}

/** A key column must be declared: its typed value is what rows are compared by. */
function checkKeyColumns(source: FileSourceDef, ctx: LoadContext): void {
  const single = source.key?.length === 1;
  source.key?.forEach((name, index) => {
    if (source.columns.some((column) => column.name === name)) return;
    const path = ['sources', source.name, 'key', ...(single ? [] : [index])];
    reportUndeclared(source, name, 'for its key', 'with its type (string for an id)', path, ctx);
  });
}

function reportUndeclared(source: FileSourceDef, name: string, purpose: string, declare: string, path: YamlPath, ctx: LoadContext): void {
  const hint = didYouMean(name, source.columns.map((column) => column.name));
  report(ctx, 'framework/unknown-column', `source '${source.name}' has no column '${name}' ${purpose}.${hint} Declare it under columns ${declare}`, path);
}
