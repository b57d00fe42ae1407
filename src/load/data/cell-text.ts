/**
 * Cell text as rejection messages quote it: a file's bytes end up on a
 * terminal, so control characters (an ESC starts a terminal command) and
 * bidi overrides are escaped, and a long cell is cut so one row cannot
 * flood the report.
 */
const MAX_SHOWN = 60;
// C0, DEL, C1, line/paragraph separators and the bidi embedding, override and isolate controls.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The text escaped (`\u001b`) and cut to 60 characters plus `…`, without quotes. */
export function safeText(text: string): string {
  let shown = text;
  if (shown.length > MAX_SHOWN) {
    const points = Array.from(shown);
    if (points.length > MAX_SHOWN) shown = `${points.slice(0, MAX_SHOWN).join('')}…`;
  }
  return shown.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A cell quoted for a message: `'12,5'`. */
export function quoteCell(text: string): string {
  return `'${safeText(text)}'`;
}
