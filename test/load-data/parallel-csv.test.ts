/**
 * Large CSV files are read in pieces by worker threads (parallel-csv.ts).
 * Here the pieces are made tiny so that their boundaries fall everywhere:
 * inside quoted values, in runs of blank lines, among header rows, rejected
 * rows and syntax errors, before a second table. Every split read must equal
 * the sequential read of the same file: the rows in order, the counts, the
 * rejections with their locations, the notices, or the same error.
 * Workers run the built code, so the reads here use it too (dist/, built by
 * `npm test` before the tests run).
 */
import { writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ColumnDef, FileSourceDef } from '../../src/core/framework.js';
import type { Period, TimeRange } from '../../src/core/period.js';
import { generateCsv, pick, random } from './fast-csv-helpers.js';
import { col, source, tempDir, utc } from './helpers.js';
import { makeFramework } from '../compute/factory.js';

interface Split {
  readonly workers: number;
  readonly pieceBytes: number;
  readonly minBytes: number;
  readonly minBytesWhileRunning: number;
}

// The built modules have no type declarations: these are the parts used.
const built = (await import(new URL('../../dist/src/load/data/read-source.js', import.meta.url).href)) as {
  readSource: (def: FileSourceDef, options: object) => Promise<unknown>;
};
const { readSources } = (await import(new URL('../../dist/src/load/data/read-sources.js', import.meta.url).href)) as {
  readSources: (reads: readonly { def: FileSourceDef; options: object }[]) => Promise<unknown[]>;
};
const { pieceBytesFor } = (await import(new URL('../../dist/src/load/data/parallel-csv.js', import.meta.url).href)) as {
  pieceBytesFor: (options: Split, bytes: number, running: boolean) => number | undefined;
};
const { UserError } = (await import(new URL('../../dist/src/core/diagnostics.js', import.meta.url).href)) as { UserError: new () => Error };

async function readSplit(
  path: string,
  def: FileSourceDef,
  split: Split,
  period: Period | null = null,
  range: TimeRange | null = null,
  onProgress?: (progress: { bytesRead: number }) => void,
): Promise<unknown> {
  const rows: unknown[][] = [];
  try {
    const options = { baseDir: '/', overridePath: path, timezone: 'UTC', period, range, onRow: (row: unknown[]) => rows.push([...row]), maxReported: 1e9, split, onProgress };
    const stats = await built.readSource(def, options);
    return { rows, stats };
  } catch (cause) {
    if (cause instanceof UserError) return { error: (cause as Error & { diagnostics: unknown }).diagnostics };
    throw cause;
  }
}

const SEQUENTIAL: Split = { workers: 0, pieceBytes: 1, minBytes: 0, minBytesWhileRunning: 0 };
/** Pieces read by the calling thread and 1 or 2 workers, in turns that depend on timing: every mix must give the same. */
const inPieces = (pieceBytes: number): Split => ({ workers: 1 + (pieceBytes % 2), pieceBytes, minBytes: 0, minBytesWhileRunning: 0 });

async function expectSameInPieces(path: string, def: FileSourceDef, pieceSizes: readonly number[], period: Period | null = null, range: TimeRange | null = null): Promise<unknown> {
  const expected = await readSplit(path, def, SEQUENTIAL, period, range);
  for (const pieceBytes of pieceSizes) expect(await readSplit(path, def, inPieces(pieceBytes), period, range), `pieces of ${pieceBytes} bytes`).toEqual(expected);
  return expected;
}

const q3: Period = { label: '2026-Q3', start: utc('2026-07-01T00:00:00Z'), end: utc('2026-10-01T00:00:00Z') } as Period;

/** Rows in and out of the period, rejections, quoted line breaks, blank and all-empty records, then a second table. */
const EXPORT = [
  '# Events export',
  '',
  'time,session,note,seconds',
  '2026-07-01T10:00:00Z,s1,"a ""quoted"" note",5',
  '2026-06-30T23:59:59Z,s0,before the period,3',
  '2026-07-02T10:00:00Z,s2,"two',
  'lines, and a comma",7',
  '2026-07-02T11:00:00Z,s2,,not a number',
  '',
  ',,,',
  '2026-07-03T09:30:00Z,s3,"x",12',
  '2026-07-03T09:31:00Z,,"required session missing",1',
  '2026-09-30T23:59:59Z,s4,last second,0',
  '2026-10-01T00:00:00Z,s5,after the period,9',
  '',
  '',
  '2026-08-01T00:00:00Z,s6,"after blank lines\r\nwith CRLF",4',
  '2026-08-01T00:00:01Z,s7,extra,5,unexpected',
  '',
  'Day Index,Sessions',
  '2026-07-01,10',
  '2026-07-02,12',
].join('\n');

const columns: readonly ColumnDef[] = [
  col('time', 'datetime', { required: true }),
  col('session', 'string', { required: true }),
  col('note', 'string'),
  col('seconds', 'number'),
];

describe('a file read in pieces reads as it does whole', () => {
  test('at every boundary of an export with rejections, quoted line breaks, blank records and a second table', async () => {
    const dir = await tempDir({ 'events.csv': EXPORT });
    const def = source('events.csv', columns, { time: 'time' });
    const path = join(dir, 'events.csv');
    // Pieces of 1 byte start after every line break; the others mix boundaries inside and between records.
    const sizes = [1, 2, 3, 5, 8, 13, 21, 34];
    const whole = (await expectSameInPieces(path, def, sizes, q3)) as { rows: unknown[][]; stats: { rowsRejected: number; notices: unknown[] } };
    // The sequential read itself, so the comparisons above compare something: s1, s2, s3, s4, s6 in Q3.
    expect(whole.rows.map((row) => row[1])).toEqual(['s1', 's2', 's3', 's4', 's6']);
    expect(whole.stats.rowsRejected).toBe(3);
    expect(whole.stats.notices).toHaveLength(1);
    await expectSameInPieces(path, def, sizes);
    await expectSameInPieces(path, source('events.csv', columns, { headerRows: 3 }), [1, 7, 30]);
  });

  test('with a range around the period, passing on and counting the rows it adds', async () => {
    const dir = await tempDir({ 'events.csv': EXPORT });
    const def = source('events.csv', columns, { time: 'time' });
    // June (for a previous period) and the day after Q3: s0 (June 30) and s5 (October 1) join the rows.
    const range = { start: utc('2026-06-01T00:00:00Z'), end: utc('2026-10-02T00:00:00Z') };
    const whole = (await expectSameInPieces(join(dir, 'events.csv'), def, [1, 5, 21], q3, range)) as {
      rows: unknown[][];
      stats: { rowsInPeriod: number; rowsOutsidePeriod: number; rowsUsedOutside: number };
    };
    expect(whole.rows.map((row) => row[1])).toEqual(['s1', 's0', 's2', 's3', 's4', 's5', 's6']);
    expect(whole.stats).toMatchObject({ rowsInPeriod: 5, rowsOutsidePeriod: 2, rowsUsedOutside: 2 });
  });

  test('with a syntax error in the middle, the same error at the same line', async () => {
    const broken = EXPORT.replace('s3,"x",12', 's3,"x"y,12');
    const dir = await tempDir({ 'broken.csv': broken });
    const whole = await expectSameInPieces(join(dir, 'broken.csv'), source('broken.csv', columns), [1, 13, 40, 200]);
    expect(whole).toMatchObject({ error: [{ code: 'data/csv-syntax', location: { line: 11 } }] });
  });

  test('random exports with every CSV hazard, in pieces of random sizes', async () => {
    const dir = await tempDir({});
    for (let seed = 1; seed <= 10; seed++) {
      const delimiter = pick(random(seed), [',', ';', '\t', '|']);
      const path = join(dir, `random-${seed}.csv`);
      await writeFile(path, generateCsv(seed, delimiter));
      const next = random(seed * 11);
      const sizes = [1 + Math.floor(next() * 20), 20 + Math.floor(next() * 400)];
      const def = source('random.csv', [col('id', 'string'), col('note', 'string', { from: 'note' }), col('amount', 'number'), col('tag', 'string', { from: 4 })]);
      await expectSameInPieces(path, def, sizes);
    }
  });
});

// The run's wiring: what workers summarize rows with, and the engine their summaries merge into.
const { engineOf, rowSummaries } = (await import(new URL('../../dist/src/cli/piece-summaries.js', import.meta.url).href)) as {
  engineOf: (spec: object) => { rowSink: (source: string) => (row: unknown[]) => void; columnsRead: (source: string) => ReadonlySet<string>; finish: () => unknown };
  rowSummaries: (engine: unknown, spec: object, source: string) => object | undefined;
};

const summarized = makeFramework({
  sources: { events: { columns: { ref: 'string', time: 'datetime', id: 'string', note: 'string', amount: 'number', tag: 'string' }, time: 'time' } },
  kpis: {
    rows: 'count(events)',
    total: 'sum(events.amount)',
    average: "avg(events.amount where tag <> 'x')",
    lowest: 'min(events.amount)',
    median: 'median(events.amount)',
    ids: 'count_distinct(events.id)',
    tags: 'count_distinct(events.tag having sum(amount) > 0)',
  },
});

/** The KPIs computed from a file read with `split`: rows straight to the engine, or summarized by workers and merged. */
async function computeSplit(path: string, split: Split): Promise<unknown> {
  const spec = { framework: summarized, selected: ['rows', 'total', 'average', 'lowest', 'median', 'ids', 'tags'], request: { windows: { period: q3, previous: q3 } } };
  const engine = engineOf(spec);
  const summaries = split.workers > 0 ? rowSummaries(engine, spec, 'events') : undefined;
  expect(split.workers === 0 || summaries !== undefined).toBe(true);
  const def = summarized.sources[0] as FileSourceDef;
  const options = { baseDir: '/', overridePath: path, timezone: 'UTC', period: q3, onRow: engine.rowSink('events'), columns: engine.columnsRead('events'), summaries, split };
  try {
    const stats = await built.readSource(def, options);
    return { kpis: engine.finish(), stats };
  } catch (cause) {
    if (cause instanceof UserError) return { error: (cause as Error & { diagnostics: unknown }).diagnostics };
    throw cause;
  }
}

describe('rows summarized where workers read them', () => {
  test('merge into the KPIs one thread computes reading the file whole, on random exports in pieces of random sizes', async () => {
    const dir = await tempDir({});
    let computed = 0;
    for (let seed = 1; seed <= 16; seed++) {
      const path = join(dir, `timed-${seed}.csv`);
      await writeFile(path, generateCsv(seed, ',', true));
      const whole = await computeSplit(path, SEQUENTIAL);
      if ('kpis' in (whole as object)) {
        computed++;
        expect((whole as { kpis: Map<string, { value: unknown }> }).kpis.get('rows')?.value).toBeGreaterThan(10);
      }
      const next = random(seed * 13);
      for (const pieceBytes of [1 + Math.floor(next() * 40), 40 + Math.floor(next() * 900)]) {
        expect(await computeSplit(path, inPieces(pieceBytes)), `seed ${seed}, pieces of ${pieceBytes} bytes`).toEqual(whole);
      }
    }
    // Many files compute (others break): the comparisons above compare values, not only errors.
    expect(computed).toBeGreaterThan(5);
  });
});

describe('how a file is split', () => {
  const split: Split = { workers: 1, pieceBytes: 8 << 20, minBytes: 32 << 20, minBytesWhileRunning: 1 << 20 };

  test('a large file in pieces of at most pieceBytes, four for each thread when it is smaller', () => {
    expect(pieceBytesFor(split, 286_965_104, false)).toBe(8 << 20);
    expect(pieceBytesFor(split, 40 << 20, false)).toBe(5 << 20);
    expect(pieceBytesFor({ ...split, workers: 3 }, 40 << 20, false)).toBe(40 << 16);
  });

  test('a medium file only once the workers run, started for an earlier file', () => {
    expect(pieceBytesFor(split, 33_188_415, false)).toBeUndefined();
    expect(pieceBytesFor(split, 33_188_415, true)).toBe(4_148_552);
    expect(pieceBytesFor(split, 2_566_647, true)).toBe(320_831);
    expect(pieceBytesFor(split, (1 << 20) - 1, true)).toBeUndefined();
  });

  test('no file without workers', () => {
    expect(pieceBytesFor({ ...split, workers: 0 }, 286_965_104, true)).toBeUndefined();
  });
});

/** The export's records `times` over, then its second table: a file of many pieces with a boundary in every kind of place. */
function longExport(times: number): string {
  const records = EXPORT.slice(EXPORT.indexOf('2026-07-01T10'), EXPORT.indexOf('Day Index'));
  return [EXPORT.slice(0, EXPORT.indexOf('Day Index')), records.repeat(times), EXPORT.slice(EXPORT.indexOf('Day Index'))].join('');
}
const LONG_EXPORT = longExport(40);

describe('a medium file read once the workers run', () => {
  test('is read in pieces sized to it, and reads as it does whole, its progress told to the last byte', async () => {
    // 1.8 MB: its progress is told in two chunks when read whole.
    const content = longExport(4000);
    const dir = await tempDir({ 'events.csv': content });
    const def = source('events.csv', columns, { time: 'time' });
    const path = join(dir, 'events.csv');
    // A file read in pieces starts the workers.
    await readSplit(path, def, inPieces(4001), q3);
    const medium: Split = { workers: 1, pieceBytes: 8 << 20, minBytes: 1 << 30, minBytesWhileRunning: 1 << 20 };
    const told = { whole: [] as number[], pieces: [] as number[] };
    const whole = await readSplit(path, def, SEQUENTIAL, q3, null, ({ bytesRead }) => told.whole.push(bytesRead));
    expect(await readSplit(path, def, medium, q3, null, ({ bytesRead }) => told.pieces.push(bytesRead))).toEqual(whole);
    expect((whole as { rows: unknown[] }).rows).toHaveLength(4001 * 5);
    // Whole, chunk by chunk; in pieces, the chunk read for the header, then piece by piece after it.
    const size = Buffer.byteLength(content);
    expect(told.whole).toEqual([1 << 20, size]);
    expect(told.pieces[0]).toBe(1 << 20);
    expect(told.pieces.at(-1)).toBe(size);
    expect(told.pieces.length).toBeGreaterThan(told.whole.length);
  });
});

interface RunSource {
  readonly path: string;
  readonly def: FileSourceDef;
}

/** Sources read one after another (readSources), each row tagged with its source's name. */
async function readRun(sources: readonly RunSource[], split: Split, onRow: (row: unknown[]) => void = () => {}): Promise<unknown> {
  const rows: unknown[][] = [];
  const reads = sources.map(({ path, def }) => ({
    def,
    options: { baseDir: '/', overridePath: path, timezone: 'UTC', period: q3, onRow: (row: unknown[]) => (rows.push([def.name, ...row]), onRow(row)), maxReported: 1e9, split },
  }));
  try {
    return { rows, stats: await readSources(reads) };
  } catch (cause) {
    if (cause instanceof UserError) return { error: (cause as Error & { diagnostics: unknown }).diagnostics };
    throw cause;
  }
}

async function expectSameRunInPieces(sources: readonly RunSource[], pieceSizes: readonly number[]): Promise<unknown> {
  const expected = await readRun(sources, SEQUENTIAL);
  for (const pieceBytes of pieceSizes) expect(await readRun(sources, inPieces(pieceBytes)), `pieces of ${pieceBytes} bytes`).toEqual(expected);
  return expected;
}

/** Another export, of another shape: the workers go from one file's pieces to the other's and back. */
const SURVEY = ['answered;session;score', ...Array.from({ length: 300 }, (_, i) => `2026-08-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00Z;s${i};${i % 12}`)].join('\n');
const surveyColumns: readonly ColumnDef[] = [col('answered', 'datetime', { required: true }), col('session', 'string'), col('score', 'number', { max: 10 })];

describe('sources read one after another, the next file read ahead', () => {
  test('give the rows and stats of sequential reads', async () => {
    const dir = await tempDir({ 'events.csv': LONG_EXPORT, 'survey.csv': SURVEY, 'small.csv': EXPORT });
    const sources = [
      { path: join(dir, 'events.csv'), def: source('events.csv', columns, { name: 'traffic', time: 'time' }) },
      { path: join(dir, 'survey.csv'), def: source('survey.csv', surveyColumns, { name: 'survey', time: 'answered' }) },
      { path: join(dir, 'small.csv'), def: source('small.csv', columns, { name: 'small', time: 'time' }) },
    ];
    const whole = (await expectSameRunInPieces(sources, [1000, 1999, 4001])) as { rows: unknown[][]; stats: { name: string; rowsRejected: number }[] };
    // The sequential reads themselves: every source's rows, in the order read; scores above 10 rejected.
    expect(whole.rows.map((row) => row[0])).toEqual([...Array(41 * 5).fill('traffic'), ...Array(275).fill('survey'), ...Array(5).fill('small')]);
    expect(whole.stats.map((stats) => [stats.name, stats.rowsRejected])).toEqual([['traffic', 41 * 3], ['survey', 25], ['small', 3]]);
  });

  test('report the first error in the order read: a later file read ahead does not speak before its turn', async () => {
    const broken = EXPORT.replace('s3,"x",12', 's3,"x"y,12');
    const dir = await tempDir({ 'events.csv': LONG_EXPORT, 'broken.csv': broken, 'survey.csv': SURVEY });
    const events = { path: join(dir, 'events.csv'), def: source('events.csv', columns, { name: 'traffic', time: 'time' }) };
    const brokenSource = { path: join(dir, 'broken.csv'), def: source('broken.csv', columns, { name: 'broken' }) };
    const survey = { path: join(dir, 'survey.csv'), def: source('survey.csv', surveyColumns, { name: 'survey' }) };
    const missingColumn = { ...survey, def: source('survey.csv', [...surveyColumns, col('channel', 'string', { required: true })], { name: 'survey' }) };
    expect(await expectSameRunInPieces([events, brokenSource, survey], [1000, 1999])).toMatchObject({ error: [{ code: 'data/csv-syntax', location: { line: 11 } }] });
    expect(await expectSameRunInPieces([events, missingColumn, brokenSource], [1000, 1999])).toMatchObject({ error: [{ code: 'data/missing-column' }] });
  });

  test('read a file changed before its turn as it is then', async () => {
    const dir = await tempDir({ 'events.csv': LONG_EXPORT, 'survey.csv': SURVEY });
    const survey = join(dir, 'survey.csv');
    const sources = [
      { path: join(dir, 'events.csv'), def: source('events.csv', columns, { name: 'traffic', time: 'time' }) },
      { path: survey, def: source('survey.csv', surveyColumns, { name: 'survey', time: 'answered' }) },
    ];
    // Columns in another order and fewer rows: neither the header nor the pieces read ahead hold.
    const changed = SURVEY.split('\n').slice(0, 100).map((line) => line.replace(/^([^;]*);([^;]*)/, '$2;$1')).join('\n');
    let seen = 0;
    const rewriteAtLastRow = () => {
      if (++seen === 41 * 5) writeFileSync(survey, changed);
    };
    for (const pieceBytes of [1000, 1999]) {
      writeFileSync(survey, SURVEY);
      seen = 0;
      const run = (await readRun(sources, inPieces(pieceBytes), rewriteAtLastRow)) as { rows: unknown[][] };
      // 99 answers, 8 of them above 10.
      expect(run.rows.filter((row) => row[0] === 'survey')).toHaveLength(91);
      expect(run).toEqual(await readRun(sources, SEQUENTIAL));
    }
  });
});
