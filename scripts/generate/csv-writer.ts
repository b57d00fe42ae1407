/**
 * CSV output that never holds a whole file in memory: lines gather in a
 * small buffer that is handed to the stream in chunks, waiting for 'drain'
 * whenever the stream asks us to slow down.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const CHUNK_CHARS = 64 * 1024;

/** Quotes a cell only when it must be, as spreadsheet exports do. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(cells: readonly string[], lineEnd = '\n'): string {
  return cells.map(csvCell).join(',') + lineEnd;
}

export interface CsvStyle {
  /** `\r\n` for exports made on Windows-minded tools (HubSpot, SurveyMonkey). */
  readonly lineEnd?: string;
  /** A UTF-8 byte-order mark first, as Excel-friendly exports write. */
  readonly bom?: boolean;
}

export class CsvFile {
  private readonly stream: WriteStream;
  private readonly lineEnd: string;
  private buffer = '';

  constructor(path: string, style: CsvStyle = {}) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.lineEnd = style.lineEnd ?? '\n';
    if (style.bom === true) this.buffer = '\uFEFF';
  }

  /** Raw text, e.g. a `#` preamble. */
  async text(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= CHUNK_CHARS) await this.flush();
  }

  async row(cells: readonly string[]): Promise<void> {
    await this.text(csvLine(cells, this.lineEnd));
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }

  private async flush(): Promise<void> {
    const chunk = this.buffer;
    this.buffer = '';
    if (chunk !== '' && !this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}
