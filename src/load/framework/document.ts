/** Read the framework file and parse its YAML, reporting every syntax error with its position. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import { error, UserError, type Diagnostic } from '../../core/diagnostics.js';
import { createLocator, type Locator } from './locator.js';

export interface FrameworkDocument {
  readonly doc: Document;
  readonly locator: Locator;
}

export async function readFrameworkDocument(file: string): Promise<FrameworkDocument> {
  const text = await readText(file);
  const lines = new LineCounter();
  // YAML 1.2 core schema: `NO` and `2026-07-01` stay strings, as written.
  const doc = parseDocument(text, { lineCounter: lines, version: '1.2', schema: 'core', prettyErrors: false, uniqueKeys: true });
  const locator = createLocator(file, doc, text, lines);
  if (doc.errors.length > 0) throw new UserError(doc.errors.map((problem) => syntaxProblem(problem, text, locator)));
  return { doc, locator };
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const tried = resolve(file);
    if (code === 'ENOENT') {
      throw new UserError(error('framework/not-found', `framework file not found: tried ${tried}. Check the path (relative paths start at the current directory)`, { file }));
    }
    throw new UserError(error('framework/unreadable', `cannot read the framework file ${tried} (${code ?? String(cause)}): pass the path of a readable YAML file`, { file }));
  }
}

function syntaxProblem(problem: YAMLError, text: string, locator: Locator): Diagnostic {
  const location = locator.atOffset(problem.pos[0]);
  if (problem.code === 'DUPLICATE_KEY') {
    // yaml marks only the key's first character; the key runs to its colon.
    const key = /^[^:\n]*/.exec(text.slice(problem.pos[0]))?.[0].trim();
    return error('framework/duplicate-key', `duplicate key '${key}': each key may appear once in a mapping; remove or rename one`, location);
  }
  if (problem.code === 'MULTIPLE_DOCS') {
    return error('framework/yaml', 'a second YAML document starts here (---): a framework file holds one document; remove the --- line or move that part to its own file', location);
  }
  return error('framework/yaml', `invalid YAML: ${problem.message}. Check the indentation and quoting here`, location);
}
