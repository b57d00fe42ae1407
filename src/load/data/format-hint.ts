/**
 * Candidate `format` values for a timestamp the reader refused, so the
 * rejection can show the exact line to add (`12/1/11 8:26` ->
 * `M/D/YY H:mm` or `D/M/YY H:mm`). Only a hint: the user picks.
 */
const NUMERIC_DATE = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:([ T]+)(.+))?$/;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.(\d+))?(?:(\s*)([AaPp][Mm]))?$/;

// One sample cannot tell padding from a two-digit number: call a value padded when both date numbers have two digits.
function width(token: string, padded: boolean): string {
  return padded ? token + token : token;
}

function datePatterns(first: string, sep: string, second: string, year: string, padded: boolean): string[] {
  if (first.length === 4) return [`YYYY${sep}MM${sep}DD`];
  const y = year.length === 4 ? 'YYYY' : 'YY';
  const monthFirst = `${width('M', padded)}${sep}${width('D', padded)}${sep}${y}`;
  const dayFirst = `${width('D', padded)}${sep}${width('M', padded)}${sep}${y}`;
  if (Number(first) > 12) return [dayFirst];
  if (Number(second) > 12) return [monthFirst];
  return [monthFirst, dayFirst];
}

function timePattern(text: string, padded: boolean): string | null {
  const m = CLOCK.exec(text);
  if (!m) return null;
  const [, hour = '', , seconds, fraction, space = '', meridiem] = m;
  const hourToken = width(meridiem ? 'h' : 'H', padded && hour.length === 2);
  return (
    `${hourToken}:mm` + (seconds ? ':ss' : '') + (fraction ? '.SSS' : '') + (meridiem ? `${space}A` : '')
  );
}

export function suggestFormats(text: string): string[] {
  const m = NUMERIC_DATE.exec(text.trim());
  if (!m) return [];
  const [, first = '', sep = '', second = '', year = '', gap, clock] = m;
  const padded = first.length === 2 && second.length === 2;
  const dates = datePatterns(first, sep, second, year, padded);
  if (clock === undefined) return dates;
  const time = timePattern(clock, padded);
  if (time === null) return [];
  return dates.map((date) => `${date}${gap === 'T' ? 'T' : ' '}${time}`);
}
