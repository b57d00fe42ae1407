/**
 * The top of a CSV file: analytics exports (GA4, Universal Analytics)
 * open with `# ...` comment lines and maybe a blank line before the
 * header. Only those leading lines are dropped, never a `#` later on, and
 * a header whose first column is literally `#` (Typeform's `#,Question`)
 * is kept. The header line also tells the delimiter.
 */
export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;

export interface Preamble {
  /** Lines dropped before the header (comments and blank lines). */
  readonly skippedLines: number;
  /** The first physical line of the header; '' for a file with no header at all. */
  readonly headerLine: string;
  /** The text from the header line on. */
  readonly rest: AsyncIterable<string>;
}

export function isCommentLine(line: string, delimiters: readonly string[]): boolean {
  return line.startsWith('#') && !delimiters.some((d) => line.startsWith(d, 1));
}

export async function splitPreamble(chunks: AsyncIterable<string>, delimiters: readonly string[]): Promise<Preamble> {
  const iterator = chunks[Symbol.asyncIterator]();
  let buffer = '';
  let start = 0;
  let skippedLines = 0;
  let done = false;
  for (;;) {
    const newline = buffer.indexOf(lineBreakOf(buffer), start);
    if (newline < 0 && !done) {
      const next = await iterator.next();
      done = next.done === true;
      buffer = buffer.slice(start) + (next.done ? '' : next.value);
      start = 0;
      continue;
    }
    const line = buffer.slice(start, newline < 0 ? undefined : newline);
    const droppable = line.trim() === '' || isCommentLine(line, delimiters);
    if (!droppable || newline < 0) {
      const text = droppable ? '' : buffer.slice(start);
      return { skippedLines, headerLine: droppable ? '' : line, rest: resume(text, iterator) };
    }
    skippedLines++;
    start = newline + 1;
  }
}

/**
 * LF, or CR in a file whose first line break is a lone CR (old Mac exports,
 * which csv-parse then reads by CR as well): the text has every CRLF as LF.
 */
function lineBreakOf(text: string): '\n' | '\r' {
  const cr = text.indexOf('\r');
  const lf = text.indexOf('\n');
  return cr >= 0 && (lf < 0 || cr < lf) ? '\r' : '\n';
}

async function* resume(head: string, iterator: AsyncIterator<string>): AsyncGenerator<string> {
  try {
    if (head !== '') yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  } finally {
    // Stopped early (a bad header, a syntax error): close the file too.
    await iterator.return?.();
  }
}

/** The candidate that occurs most often outside quotes in the header line; `,` when none does. */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (DELIMITER_CANDIDATES as readonly string[]).includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const candidate of DELIMITER_CANDIDATES) {
    const count = counts.get(candidate) ?? 0;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
