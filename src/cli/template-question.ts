/**
 * `init` without --template: on a terminal, ask which journey (a numbered
 * list on stderr, the answer read from stdin); elsewhere, a usage error
 * that lists the kinds, so scripts never hang on a question.
 */
import { createInterface } from 'node:readline';
import { error, UserError } from '../core/diagnostics.js';
import type { Io } from './io.js';
import { isTemplateKind, TEMPLATE_KINDS, TEMPLATES, type TemplateKind } from './templates.js';

export async function askTemplate(io: Io): Promise<TemplateKind> {
  const stdin = io.stdin;
  if (stdin?.isTTY !== true) {
    throw new UserError(
      error('usage/template', `no --template given and no terminal to ask on: pass --template KIND, one of ${TEMPLATE_KINDS.join(', ')}`),
    );
  }
  io.stderr.write(questionText());
  const lines = createInterface({ input: stdin, terminal: false });
  try {
    for await (const line of lines) {
      const kind = answerKind(line.trim());
      if (kind !== undefined) return kind;
      io.stderr.write(`'${line.trim()}' is not one of the numbers 1 to ${TEMPLATE_KINDS.length} or a name above. Which journey? `);
    }
  } finally {
    lines.close();
  }
  throw new UserError(error('usage/template', `no answer to "Which journey?": pass --template KIND, one of ${TEMPLATE_KINDS.join(', ')}`));
}

export function questionText(): string {
  const width = Math.max(...TEMPLATE_KINDS.map((kind) => kind.length));
  const items = TEMPLATE_KINDS.map((kind, at) => `  ${at + 1}. ${kind.padEnd(width)}  ${TEMPLATES[kind]}\n`);
  return `Which journey do you measure?\n${items.join('')}Answer with a number or a name: `;
}

/** `2` or `service`; undefined for anything else. */
export function answerKind(answer: string): TemplateKind | undefined {
  if (/^\d+$/.test(answer)) return TEMPLATE_KINDS[Number(answer) - 1];
  return isTemplateKind(answer) ? answer : undefined;
}
