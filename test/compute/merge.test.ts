/**
 * Rows taken in pieces by engines of the same plan, apart, and merged into
 * one (takeSummary / mergeSummary, as worker threads do) give exactly what
 * one engine taking every row gives: every mergeable kind of aggregate, on
 * random rows cut at random places, in windows as in the period alone.
 */
import { describe, expect, test } from 'vitest';
import { createEngine, type Engine } from '../../src/compute/engine.js';
import { createSlicedEngine } from '../../src/compute/slices.js';
import type { ReportWindows } from '../../src/compute/windows.js';
import type { Row } from '../../src/core/values.js';
import { previousPeriod, resolvePeriod } from '../../src/load/period.js';
import { random } from '../load-data/fast-csv-helpers.js';
import { makeFramework } from './factory.js';

const framework = makeFramework({
  sources: {
    events: { columns: { at: 'datetime', session: 'string', kind: 'string', amount: 'number', score: 'integer' }, time: 'at' },
    buys: { from: 'events', where: "kind = 'buy'" },
  },
  kpis: {
    rows: 'count(events)',
    bought: 'count(buys)',
    total: 'sum(events.amount)',
    average: 'avg(buys.amount)',
    smallest: 'min(events.amount)',
    largest: 'max(events.amount)',
    median: 'median(events.amount)',
    p90: 'percentile(events.amount, 0.9)',
    sessions: 'count_distinct(events.session)',
    buyers: 'count_distinct(buys.session)',
    engaged: 'count_distinct(events.session having sum(amount) >= 10)',
    repeat: 'count_distinct(events.session having count() >= 3)',
    steady: 'count_distinct(events.session having avg(amount) > 2 and max(amount) < 9 and min(amount) >= 0.5)',
    kinds: 'count_distinct(events.kind)',
    nps: 'nps(events.score)',
    csat: 'csat(events.score, 8)',
  },
});

const period = resolvePeriod({ period: '2026-Q3' }, 'UTC');
const windows: ReportWindows = { period, previous: previousPeriod(period) };

/** Rows of sessions that come one after another, as exports have them, with decimals that do not add up exactly in binary. */
function randomRows(seed: number, count: number): Row[] {
  const next = random(seed);
  const rows: Row[] = [];
  let session = 0;
  for (let r = 0; r < count; r++) {
    if (next() < 0.3) session = Math.floor(next() * count);
    const at = windows.previous.start + Math.floor(next() * (period.end - windows.previous.start));
    const amount = next() < 0.1 ? null : Math.round(next() * 1000) / 100 - (next() < 0.05 ? 5 : 0);
    const kind = ['view', 'cart', 'buy'][Math.floor(next() * 3)] as string;
    rows.push([at, `s${session}`, kind, amount, next() < 0.2 ? null : Math.floor(next() * 11)]);
  }
  return rows;
}

/** The rows given in one pass, and given in pieces cut at `cuts`, each to an engine of its own and merged. */
function bothWays(make: () => Engine, rows: readonly Row[], cuts: readonly number[]) {
  const whole = make();
  const sink = whole.rowSink('events');
  for (const row of rows) sink(row);

  const merged = make();
  const piece = make();
  const pieceSink = piece.rowSink('events');
  const bounds = [0, ...cuts, rows.length];
  for (let p = 0; p + 1 < bounds.length; p++) {
    for (const row of rows.slice(bounds[p], bounds[p + 1])) pieceSink(row);
    // The summary travels between threads: only what survives a structured clone counts.
    merged.mergeSummary('events', structuredClone(piece.takeSummary('events')));
  }
  return { whole: whole.finish(), merged: merged.finish() };
}

function randomCuts(seed: number, rows: number): number[] {
  const next = random(seed);
  return Array.from({ length: 1 + Math.floor(next() * 6) }, () => Math.floor(next() * rows)).sort((a, b) => a - b);
}

describe('merging what rows taken apart left', () => {
  test('every mergeable aggregate equals the one-pass value, on random rows cut anywhere', () => {
    const inPeriod = (rows: Row[]) => rows.filter((row) => (row[0] as number) >= period.start);
    for (let seed = 1; seed <= 40; seed++) {
      const rows = inPeriod(randomRows(seed, 50 + seed * 20));
      const { whole, merged } = bothWays(() => createEngine(framework), rows, randomCuts(seed, rows.length));
      expect(merged, `seed ${seed}`).toEqual(whole);
    }
  });

  test('a hand-made case: each kind of value merged from three pieces', () => {
    const rows: Row[] = [
      [period.start, 'a', 'buy', 9.7, 10],
      [period.start, 'a', 'view', 0.2, 9],
      [period.start, 'b', 'cart', 12, 3],
      [period.start, 'a', 'buy', 0.1, 6],
      [period.start, 'c', 'view', null, null],
      [period.start, 'b', 'buy', 0.3, 8],
    ];
    const { merged } = bothWays(() => createEngine(framework), rows, [2, 4]);
    const value = (id: string) => merged.get(id)?.value;
    expect(value('rows')).toBe(6);
    expect(value('bought')).toBe(3);
    // 9.7 + 0.2 + 12 + 0.1 + 0.3 = 22.3, the exact sum rounded once.
    expect(value('total')).toBe(22.3);
    expect(value('average')).toBeCloseTo(10.1 / 3, 15);
    expect(value('smallest')).toBe(0.1);
    expect(value('largest')).toBe(12);
    expect(value('sessions')).toBe(3);
    expect(value('buyers')).toBe(2);
    // a: 9.7 + 0.2 + 0.1 = 10, where a plain running sum gives 9.999999999999998; b: 12.3; c: no amount.
    expect(value('engaged')).toBe(2);
    expect(value('repeat')).toBe(1);
    // Promoters (9-10): 2, detractors (0-6): 2, of 5 answers.
    expect(value('nps')).toBe(0);
    expect(value('csat')).toBe(3 / 5);
  });

  test('a piece without rows leaves nothing to take, and merging that changes nothing', () => {
    const empty = createEngine(framework);
    const summary = structuredClone(empty.takeSummary('events'));
    expect(summary).toEqual([{ rows: 0, states: [] }]);
    const rows = randomRows(3, 200).filter((row) => (row[0] as number) >= period.start);
    const { whole } = bothWays(() => createEngine(framework), rows, []);
    const merged = createEngine(framework);
    const sink = merged.rowSink('events');
    for (const row of rows) sink(row);
    merged.mergeSummary('events', summary);
    expect(merged.finish()).toEqual(whole);
  });

  test('windows of a sliced engine (comparison period, trend buckets) merge each on its own', () => {
    const july = resolvePeriod({ period: '2026-07' }, 'UTC');
    const august = resolvePeriod({ period: '2026-08' }, 'UTC');
    const request = {
      windows,
      comparison: { period: windows.previous, previous: previousPeriod(windows.previous) },
      buckets: [july, august].map((bucket) => ({ period: bucket, previous: previousPeriod(bucket) })),
    };
    const make = () => createSlicedEngine(framework, new Set(framework.stages.flatMap((stage) => stage.kpis.map((kpi) => kpi.id))), request);
    expect(make().mergeable('events')).toBe(true);
    for (let seed = 1; seed <= 10; seed++) {
      const rows = randomRows(seed, 300);
      const cuts = randomCuts(seed, rows.length);
      const whole = make();
      const merged = make();
      const piece = make();
      for (const [engine, parts] of [[whole, [rows]], [piece, cuts.map((cut, i) => rows.slice(cuts[i - 1] ?? 0, cut)).concat([rows.slice(cuts.at(-1))])]] as const) {
        const sink = engine.rowSink('events');
        for (const part of parts) {
          for (const row of part) sink(row);
          if (engine === piece) merged.mergeSummary('events', structuredClone(piece.takeSummary('events')));
        }
      }
      expect(merged.finish(), `seed ${seed}`).toEqual(whole.finish());
      expect(merged.slices(), `seed ${seed}`).toEqual(whole.slices());
    }
  });

  test('what cannot be merged says so: windowed functions, segments, tallied currencies', () => {
    const windowed = makeFramework({
      sources: { events: { columns: { at: 'datetime', user: 'string' }, time: 'at' } },
      kpis: { daily: 'daily_avg(count_distinct(events.user))' },
    });
    expect(createEngine(windowed, undefined, windows).mergeable('events')).toBe(false);
    expect(createSlicedEngine(framework, new Set(['rows']), { windows, segments: ['kind'] }).mergeable('events')).toBe(false);
    expect(createEngine(framework).mergeable('events')).toBe(true);
    expect(() => createEngine(windowed, undefined, windows).takeSummary('events')).toThrow("the rows of source 'events' cannot be merged from pieces");
  });
});
