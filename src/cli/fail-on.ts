/** `--fail-on missed,at_risk`: the statuses that fail a level-error KPI in `check`; `none` only reports. */
import { error, UserError, warning, type Diagnostic } from '../core/diagnostics.js';
import type { Status } from '../core/report.js';
import { closestMatch } from '../core/suggest.js';

export const FAIL_ON_CHOICES = ['missed', 'at_risk', 'no_data'] as const satisfies readonly Status[];
const NONE = 'none';

/** The chosen statuses in a fixed order (missed, at_risk, no_data), whatever order they were written in. */
export function parseFailOn(text: string): Status[] {
  const items = text.split(',').map((item) => item.trim());
  if (items.length === 1 && items[0] === NONE) return [];
  const problems = items.filter((item) => !(FAIL_ON_CHOICES as readonly string[]).includes(item)).map(problemWith);
  if (problems.length > 0) {
    throw new UserError(
      error(
        'usage/fail-on',
        `--fail-on '${text}': ${[...new Set(problems)].join('; ')}. Give a comma-separated list of ${FAIL_ON_CHOICES.join(', ')} (e.g. --fail-on missed,at_risk), or '${NONE}' to only report`,
      ),
    );
  }
  return FAIL_ON_CHOICES.filter((status) => items.includes(status));
}

/** A list without `missed` lets a KPI that misses its target pass: rarely meant, so said (`none` says it plainly already). */
export function failOnNotes(statuses: readonly Status[]): Diagnostic[] {
  if (statuses.length === 0 || statuses.includes('missed')) return [];
  const given = statuses.join(',');
  return [
    warning(
      'usage/fail-on-without-missed',
      `--fail-on ${given} does not include missed: a level-error KPI that misses its target passes this check. Write --fail-on missed,${given} to fail on a missed target too`,
    ),
  ];
}

function problemWith(item: string): string {
  if (item === '') return 'an item is empty';
  if (item === NONE) return `'${NONE}' cannot be combined with statuses`;
  const match = closestMatch(item, FAIL_ON_CHOICES);
  return `'${item}' is not a status that can fail a KPI${match === undefined ? '' : ` (did you mean '${match}'?)`}`;
}
