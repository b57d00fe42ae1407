import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { error, UserError } from '../core/diagnostics.js';

export const DEFAULT_FRAMEWORK = 'journey.yaml';

/** The framework argument, or journey.yaml in the working directory, with advice when neither exists. */
export async function findFramework(argument: string | undefined, cwd: string): Promise<string> {
  if (argument !== undefined) return argument;
  try {
    await access(resolve(cwd, DEFAULT_FRAMEWORK));
    return DEFAULT_FRAMEWORK;
  } catch {
    throw new UserError(
      error(
        'usage/no-framework',
        `no framework given and no ${DEFAULT_FRAMEWORK} in ${cwd}: pass the path of a framework file ` +
          `(e.g. journey-kpi report examples/ecommerce/journey.yaml), or write one from a template with journey-kpi init`,
      ),
    );
  }
}
