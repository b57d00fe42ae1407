/** The progress line of long reads: its timing on a fake clock, its text, and that it only ever goes to a terminal's stderr. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Io, OutputStream } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { describeProgress, ProgressLine, withProgress } from '../../src/cli/progress.js';
import type { ReadProgress } from '../../src/load/data/index.js';
import { REPO } from '../e2e/run-cli.js';
import { parseReportJson } from '../e2e/report-json.js';

const ESC = '\u001b[';
const CLEAR = '\r\u001b[K';

/** A clock the test sets by hand, in milliseconds. */
function fakeClock(start = 0) {
  let now = start;
  return { now: () => now, at: (ms: number) => void (now = ms) };
}

function progress(bytesRead: number, rows: number, file = 'data/ga4-events.csv', totalBytes: number | null = 287_100_000): ReadProgress {
  return { file, bytesRead, totalBytes, rows };
}

describe('describeProgress', () => {
  it('file, MB read of the size, rows per second to three significant digits', () => {
    expect(describeProgress(progress(142_300_000, 0), 612_345.6)).toBe('reading data/ga4-events.csv  142.3 MB of 287.1 MB  612,000 rows/s');
    expect(describeProgress(progress(1_049_000, 0), 1234.5)).toBe('reading data/ga4-events.csv  1.0 MB of 287.1 MB  1,230 rows/s');
  });

  it('a .gz (size unknown) shows MB read only; no rate yet shows none', () => {
    expect(describeProgress(progress(5_000_000, 0, 'events.csv.gz', null), null)).toBe('reading events.csv.gz  5.0 MB read');
  });
});

describe('ProgressLine', () => {
  it('draws nothing until the read has taken a second', () => {
    const clock = fakeClock(500);
    const line = new ProgressLine(clock.now);
    clock.at(1499);
    expect(line.update(progress(1_000_000, 0))).toBeNull();
    expect(line.clear()).toBe('');
    clock.at(1500);
    expect(line.update(progress(2_000_000, 10_000))).toMatch(/^\rreading data\/ga4-events.csv {2}2.0 MB of 287.1 MB/);
  });

  it('redraws at most every 100 ms, on one line, with the rate since the file began', () => {
    const clock = fakeClock();
    const line = new ProgressLine(clock.now);
    clock.at(200);
    line.update(progress(1_000_000, 0)); // the file's first chunk: rate measured from here
    clock.at(1200);
    // 612,000 rows in the 1.0 s since the first chunk
    expect(line.update(progress(142_300_000, 612_000))).toBe(`\rreading data/ga4-events.csv  142.3 MB of 287.1 MB  612,000 rows/s${ESC}K`);
    clock.at(1299);
    expect(line.update(progress(143_300_000, 650_000))).toBeNull();
    clock.at(1300);
    expect(line.update(progress(144_300_000, 661_000))).toContain('  144.3 MB of 287.1 MB  601,000 rows/s'); // 661,000 / 1.1 s
    expect(line.clear()).toBe(CLEAR);
  });

  it('measures each file from its own first chunk; a source\'s rows run on across its files', () => {
    const clock = fakeClock();
    const line = new ProgressLine(clock.now);
    clock.at(1000);
    line.update(progress(1_000_000, 0, 'a.csv'));
    clock.at(2000);
    line.update(progress(1_000_000, 400_000, 'b.csv')); // b's first chunk: no rate yet
    clock.at(2500);
    // (500,000 - 400,000) rows in 0.5 s
    expect(line.update(progress(2_000_000, 500_000, 'b.csv'))).toContain('reading b.csv  2.0 MB of 287.1 MB  200,000 rows/s');
  });

  it('the same file read again (by another source) starts a new measure', () => {
    const clock = fakeClock();
    const line = new ProgressLine(clock.now);
    clock.at(1000);
    line.update(progress(9_000_000, 90_000, 'a.csv'));
    clock.at(2000);
    expect(line.update(progress(1_000_000, 0, 'a.csv'))).toBe(`\rreading a.csv  1.0 MB of 287.1 MB${ESC}K`);
  });

  it('cuts the file name from the left to fit the terminal', () => {
    const clock = fakeClock();
    const line = new ProgressLine(clock.now, 40);
    clock.at(1000);
    const text = line.update(progress(1_000_000, 0, 'exports/2026/september/ga4-events.csv')) ?? '';
    // 'reading ' (8) + file + '  1.0 MB of 287.1 MB' (20) must fit in 39 columns: the file gets 11, '…' and its last 10.
    expect(text).toBe(`\rreading …events.csv  1.0 MB of 287.1 MB${ESC}K`);
  });
});

describe('withProgress', () => {
  const recorder = (isTTY: boolean) => {
    const written: string[] = [];
    const stream: OutputStream = { write: (text: string) => written.push(text), isTTY };
    return { stream, written };
  };

  it('off a terminal the read gets no listener and nothing is written', async () => {
    const { stream, written } = recorder(false);
    const got = await withProgress(stream, async (onProgress) => onProgress, fakeClock().now);
    expect(got).toBeUndefined();
    expect(written).toEqual([]);
  });

  it('on a terminal it draws, and clears the line when the read ends, even by failing', async () => {
    const clock = fakeClock();
    const { stream, written } = recorder(true);
    const failing = withProgress(
      stream,
      async (onProgress) => {
        clock.at(1000);
        onProgress?.(progress(1_000_000, 0, 'a.csv'));
        throw new Error('read failed');
      },
      clock.now,
    );
    await expect(failing).rejects.toThrow('read failed');
    expect(written).toEqual([`\rreading a.csv  1.0 MB of 287.1 MB${ESC}K`, CLEAR]);
  });
});

describe('report on a slow clock, in-process', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Every reading of the clock is 0.6 s after the last: the second file's chunk is past the first second. */
  async function reportWith(isTTY: boolean) {
    let calls = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => ++calls * 600);
    let stdout = '';
    let stderr = '';
    const io: Io = {
      stdout: { write: (text: string) => (stdout += text), isTTY: false },
      stderr: { write: (text: string) => (stderr += text), isTTY },
      cwd: REPO,
      env: { NO_COLOR: '1' },
    };
    const code = await run(['report', `${REPO}/test/fixtures/e2e/shop/journey.yaml`, '--format', 'json'], io);
    return { code, stdout, stderr };
  }

  // The fixture has one bad row, whose warning goes to stderr after the read.
  const WARNING = "test/fixtures/e2e/shop/data/traffic.csv:16:35  warning  row/invalid-number  column 'engagement_sec' (field 4): 'abc' is not a number. The row was left out.\n";

  it('writes nothing but the diagnostics to a stderr that is not a terminal', async () => {
    const { code, stdout, stderr } = await reportWith(false);
    expect(code).toBe(0);
    expect(stderr).toBe(WARNING);
    parseReportJson(stdout);
  });

  it('on a terminal: the line on stderr, cleared before the diagnostics; stdout stays plain JSON', async () => {
    const { code, stdout, stderr } = await reportWith(true);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^\rreading test\/fixtures\/e2e\/shop\/data\/\w+\.csv {2}[\d.]+ MB of [\d.]+ MB/);
    expect(stderr.endsWith(`${CLEAR}${WARNING}`)).toBe(true);
    expect(stdout).not.toContain('reading');
    parseReportJson(stdout);
  });
});
