/** A money column's currency_column must name a declared string column of the same source. */
import type { FileSourceDef } from '../../core/framework.js';
import { didYouMean } from '../../core/suggest.js';
import { report, type LoadContext } from './context.js';

export function checkCurrencyColumns(source: FileSourceDef, ctx: LoadContext): void {
  for (const column of source.columns) {
    if (column.currencyColumn === undefined) continue;
    const path = ['sources', source.name, 'columns', column.name, 'currency_column'];
    const what = `column '${column.name}' of source '${source.name}'`;
    if (column.type !== 'money') {
      report(ctx, 'framework/currency-column', `${what} is of type ${column.type}: only a money column has a currency_column; remove it or declare the column as type: money`, path);
      continue;
    }
    const currency = source.columns.find((candidate) => candidate.name === column.currencyColumn);
    if (!currency) {
      const hint = didYouMean(column.currencyColumn, source.columns.map((candidate) => candidate.name));
      report(ctx, 'framework/unknown-column', `${what}: its currency_column '${column.currencyColumn}' is not a column of the source.${hint} Declare it under columns as type: string`, path);
    } else if (currency.type !== 'string') {
      report(ctx, 'framework/currency-column', `${what}: its currency_column '${currency.name}' is of type ${currency.type}; currency codes are text: declare it as type: string`, path);
    }
  }
}
