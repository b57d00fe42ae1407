/** User text (names, messages quoting file contents) made safe for every output format. */

/**
 * A control character (an escape sequence in a hostile cell or KPI name)
 * shows as `\u001b` text, never acts on a terminal or breaks a format;
 * characters in `keep` pass through.
 */
export function printable(text: string, keep = ''): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => (keep.includes(char) ? char : codePoint(char)));
}

/** `\u001b` for a character, the form `printable` and the XML writer show forbidden characters in. */
export function codePoint(char: string): string {
  return `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}
