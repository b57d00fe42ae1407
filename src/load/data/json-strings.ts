/**
 * The one piece of JSON lexing the readers do themselves: knowing whether a
 * character is inside a string. The array scanner uses it to find where an
 * element ends; quoteLongNumbers uses it to find number tokens, which
 * JSON.parse would otherwise round to doubles (`12345678901234567890123`
 * ids colliding), so a string column can keep their exact digits.
 */
const QUOTE = 34, BACKSLASH = 92;

export class StringState {
  private escaped = false;

  constructor(public inString = false) {}

  /** Takes one character code; true when it belongs to a string (its quotes included). */
  step(c: number): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === BACKSLASH) this.escaped = true;
      else if (c === QUOTE) this.inString = false;
      return true;
    }
    if (c !== QUOTE) return false;
    this.inString = true;
    return true;
  }
}

// More significant digits than a double keeps exactly (15): beyond them, digits change.
const MAX_EXACT_DIGITS = 15;
// A cheap test that lets almost every record skip the scan: 16 digits, a decimal point allowed between them.
const MAYBE_LONG = /\d(?:\.?\d){15}/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const FOLLOWED_BY_COLON = /\s*:/y;

/** The JSON text with every number token of more than 15 significant digits written as a string. */
export function quoteLongNumbers(text: string): string {
  if (!MAYBE_LONG.test(text)) return text;
  const strings = new StringState();
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    if (strings.step(text.charCodeAt(i))) continue;
    NUMBER.lastIndex = i;
    const token = NUMBER.exec(text)?.[0];
    if (token === undefined) continue;
    const end = i + token.length;
    FOLLOWED_BY_COLON.lastIndex = end;
    // A number where a key belongs stays as it is, so that JSON.parse still refuses it.
    if (significantDigits(token) > MAX_EXACT_DIGITS && !FOLLOWED_BY_COLON.test(text)) {
      out += `${text.slice(copied, i)}"${token}"`;
      copied = end;
    }
    i = end - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function significantDigits(token: string): number {
  const mantissa = token.replace(/^-/, '').replace(/[eE].*$/, '').replace('.', '');
  return mantissa.replace(/^0+/, '').length;
}
