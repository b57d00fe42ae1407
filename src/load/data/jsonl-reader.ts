/**
 * JSON Lines (.jsonl, .ndjson): one record per line, blank lines skipped.
 * Lines are cut from the stream as they arrive, so memory holds one line.
 * A line that is not JSON is handed on as a JsonSyntax: unlike an array,
 * the file can go on after it, so it only costs that row.
 */
import { parseJson } from './json-text.js';

type Emit = (value: unknown, line: number, column: number) => void;

export async function readJsonLines(chunks: AsyncIterable<string>, emit: Emit): Promise<void> {
  let pending = '';
  let line = 1;
  const take = (text: string) => {
    if (text.trim() !== '') emit(parseJson(text, line, 1), line, 1);
    line++;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      take(pending + chunk.slice(start, end));
      pending = '';
      start = end + 1;
    }
    pending += chunk.slice(start);
  }
  take(pending);
}
