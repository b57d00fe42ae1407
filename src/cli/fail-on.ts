/** `--fail-on missed,at_risk`: the statuses that fail a level-error KPI in `check`; `none` only reports. */
import { error, UserError } from '../core/diagnostics.js';
import type { Status } from '../core/report.js';
import { didYouMean } from '../core/suggest.js';

export const FAIL_ON_CHOICES = ['missed', 'at_risk', 'no_data'] as const satisfies readonly Status[];
const NONE = 'none';

/** The chosen statuses in a fixed order (missed, at_risk, no_data), whatever order they were written in. */
export function parseFailOn(text: string): Status[] {
  const items = text.split(',').map((item) => item.trim());
  if (items.length === 1 && items[0] === NONE) return [];
  const unknown = items.filter((item) => !(FAIL_ON_CHOICES as readonly string[]).includes(item));
  if (unknown.length > 0) throw new UserError(unknown.map((item) => badChoice(text, item)));
  return FAIL_ON_CHOICES.filter((status) => items.includes(status));
}

function badChoice(text: string, item: string) {
  const what =
    item === '' ? 'has an empty item.'
    : item === NONE ? `combines '${NONE}' with statuses.`
    : `has '${item}', which is not a status.${didYouMean(item, FAIL_ON_CHOICES)}`;
  return error(
    'usage/fail-on',
    `--fail-on '${text}' ${what} Give a comma-separated list of ${FAIL_ON_CHOICES.join(', ')} (e.g. --fail-on missed,no_data), or '${NONE}' to only report`,
  );
}
