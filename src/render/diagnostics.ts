/** `file:line:col  error  CODE  message`: the shape terminals and editors make clickable. */
import type { Diagnostic } from '../core/diagnostics.js';
import { palette, type RenderOptions } from './style.js';
import { printable } from './text.js';

export function renderDiagnostics(diagnostics: readonly Diagnostic[], options: RenderOptions): string {
  const chalk = palette(options);
  return diagnostics
    .map((diagnostic) => {
      const severity = diagnostic.severity === 'error' ? chalk.red('error') : chalk.yellow('warning');
      const head = `${printable(locationText(diagnostic))}  ${severity}  ${chalk.dim(diagnostic.code)}  ${printable(diagnostic.message)}`;
      return diagnostic.excerpt ? `${head}\n${indent(printable(diagnostic.excerpt, '\n'))}` : head;
    })
    .map((text) => `${text}\n`)
    .join('');
}

function locationText({ location }: Diagnostic): string {
  if (!location) return 'journey-kpi';
  const parts: (string | number)[] = [location.file];
  if (location.line !== undefined) parts.push(location.line);
  if (location.line !== undefined && location.column !== undefined) parts.push(location.column);
  return parts.join(':');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
