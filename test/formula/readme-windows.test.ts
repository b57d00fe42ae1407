/** The README's table of windowed KPIs shows formulas the parser accepts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseFormula } from '../../src/formula/parser.js';

const README = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

it("parses every formula of the README's time-window table", () => {
  const section = README.slice(README.indexOf('### Time windows'), README.indexOf('## Periods'));
  const formulas = [...section.matchAll(/^\| [\w-]+ \| [^|]+ \| `([^`]+)`/gm)].map((match) => match[1] as string);
  expect(formulas).toHaveLength(10);
  for (const formula of formulas) expect(parseFormula(formula), formula).toMatchObject({ ok: true });
});
