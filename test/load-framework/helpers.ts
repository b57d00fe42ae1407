import { expect } from 'vitest';
import { UserError, type Diagnostic } from '../../src/core/diagnostics.js';
import type { Condition, Expr } from '../../src/formula/ast.js';
import { parseCondition, parseFormula } from '../../src/formula/parser.js';
import { loadFramework } from '../../src/load/framework/index.js';

export const FIXTURES = 'test/fixtures/frameworks';

export const fixture = (name: string) => `${FIXTURES}/${name}`;

/** The diagnostics loading a fixture throws; fails the test when it loads. */
export async function problemsOf(name: string): Promise<readonly Diagnostic[]> {
  try {
    await loadFramework(fixture(name));
  } catch (problem) {
    if (problem instanceof UserError) return problem.diagnostics;
    throw problem;
  }
  expect.fail(`${name} loaded, but it has problems`);
}

/** code@line:col of each diagnostic, in order: what the tests pin. */
export function where(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code}@${d.location?.line}:${d.location?.column}`);
}

export function formula(text: string): Expr {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

export function condition(text: string): Condition {
  const result = parseCondition(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}
