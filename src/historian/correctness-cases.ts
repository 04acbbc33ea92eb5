/**
 * The historian correctness suite: identical cases for every backend, answers worked out by hand
 * (correctness-data.ts). Call correctnessSuite() inside a describe() with a factory of opened,
 * empty historians. Aggregates run twice where the backend computes statistics in SQL: through
 * SQL and through the TypeScript reference, which must agree.
 */
import { expect, it } from 'vitest';
import type { Sample, Value } from '../core/sample.js';
import { queryAggregates } from './query/aggregate.js';
import { valuesAt } from './query/interpolate.js';
import { queryRawPage } from './query/raw.js';
import type { Aggregate, AggregateRequest, AggregateSeries, Fill } from './query/types.js';
import type { Historian, StoredSample } from './types.js';
import {
  AT_CASES, COUNTER_EXPECTED, GOOD16, GOOD16_EXPECTED, GOOD16_RULE, GOOD16_SAMPLES, COUNTER_SAMPLES, DST, DST_CASES, MIN, RANGE, RESETS, ROLLS, RUNNING, SINGLE, SINGLE_EXPECTED, SINGLE_SAMPLES,
  STATE, STEP_EXPECTED, STEP_SAMPLES, T, TEMP, TEMP_EXPECTED, TEMP_FILLS, TEMP_SAMPLES, TEMP_STEP_EXPECTED, pagingSamples,
} from './correctness-data.js';

/** Opens an empty historian; the suite writes, flushes and queries it. */
export type HistorianFactory = () => Promise<Historian>;

const MODES = ['sql', 'reference'] as const;

/** Values equal to 9 decimal places (SQL and TypeScript sum in different orders). */
export function expectValues(got: readonly (Value | null)[], expected: readonly (Value | null)[]): void {
  expect(got).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    if (typeof e === 'number') expect(got[i], `bucket ${i}`).toBeCloseTo(e, 9);
    else expect(got[i], `bucket ${i}`).toEqual(e);
  });
}

async function loaded(open: HistorianFactory, samples: readonly Sample[]): Promise<Historian> {
  const h = await open();
  await h.write(samples);
  await h.flush();
  return h;
}

async function aggregate(h: Historian, req: Partial<AggregateRequest> & { paths: string[]; agg: Aggregate }, mode: (typeof MODES)[number] = 'sql'): Promise<AggregateSeries[]> {
  return queryAggregates(h, { ...RANGE, ...req }, { useBucketStats: mode === 'sql', pageSize: 3 });
}

const values = (s: AggregateSeries[], i = 0) => s[i]!.buckets.map((b) => b.value);

/** Register the suite's tests in the current describe(). */
export function correctnessSuite(open: HistorianFactory): void {
  aggregateCases(open);
  edgeCases(open);
  storageCases(open);
}

function aggregateCases(open: HistorianFactory): void {
  it.each(MODES.flatMap((mode) => Object.keys(TEMP_EXPECTED).map((agg) => [agg, mode] as const)))('%s of each bucket (%s), with the value before the range, a bad sample and an empty bucket', async (agg, mode) => {
    const h = await loaded(open, TEMP_SAMPLES);
    const got = await aggregate(h, { paths: [TEMP], agg: agg as Aggregate, fill: 'none' }, mode);
    const expected = TEMP_EXPECTED[agg]!;
    // fill none leaves out empty buckets: those with no value and no good sample.
    expectValues(values(got), expected.filter((v, i) => v !== null || TEMP_EXPECTED.count![i] !== 0));
  });

  it('counts bad samples apart, and gives every bucket its bounds', async () => {
    const h = await loaded(open, TEMP_SAMPLES);
    const [s] = await aggregate(h, { paths: [TEMP], agg: 'count' });
    expect(s!.buckets.map((b) => [b.start - T, b.end - T, b.count, b.bad])).toEqual([
      [0, 10 * MIN, 2, 1], [10 * MIN, 20 * MIN, 1, 0], [20 * MIN, 30 * MIN, 0, 0], [30 * MIN, 40 * MIN, 1, 0],
    ]);
  });

  it.each(['twa', 'integral'] as const)('%s with step interpolation holds each value until the next', async (agg) => {
    const h = await loaded(open, TEMP_SAMPLES);
    expectValues(values(await aggregate(h, { paths: [TEMP], agg, interpolation: () => 'step' })), TEMP_STEP_EXPECTED[agg]!);
  });

  it.each(MODES.flatMap((mode) => (['none', 'previous', 'linear'] as Fill[]).map((fill) => [fill, mode] as const)))('fills the empty bucket of avg: %s (%s)', async (fill, mode) => {
    const h = await loaded(open, TEMP_SAMPLES);
    const got = await aggregate(h, { paths: [TEMP], agg: 'avg', fill }, mode);
    expectValues(values(got), TEMP_FILLS[fill as keyof typeof TEMP_FILLS]);
    expect(got[0]!.buckets.filter((b) => b.filled).map((b) => b.start - T)).toEqual(fill === 'none' ? [] : [20 * MIN]);
  });

  it.each(MODES)('answers a single sample (%s)', async (mode) => {
    const h = await loaded(open, SINGLE_SAMPLES);
    expectValues(values(await aggregate(h, { paths: [SINGLE], agg: 'avg', fill: 'previous' }, mode)), SINGLE_EXPECTED.previous);
    expectValues(values(await aggregate(h, { paths: [SINGLE], agg: 'count' }, mode)), SINGLE_EXPECTED.count);
    expectValues(values(await aggregate(h, { paths: [SINGLE], agg: 'twa', fill: 'previous' })), SINGLE_EXPECTED.twa);
  });

  it('adds counter increases across a rollover and across a reset', async () => {
    const h = await loaded(open, COUNTER_SAMPLES);
    const got = await aggregate(h, { paths: [ROLLS, RESETS], agg: 'delta', counter: (p) => (p === ROLLS ? { rolloverAt: 1000, onDrop: 'rollover' } : undefined) });
    expectValues(values(got, 0), COUNTER_EXPECTED[ROLLS]);
    expectValues(values(got, 1), COUNTER_EXPECTED[RESETS]);
  });

  it('counts a 16-bit counter that wraps twice in a shift and is then reset', async () => {
    const h = await loaded(open, GOOD16_SAMPLES);
    const shift = await aggregate(h, { paths: [GOOD16], agg: 'delta', interval: '40m', counter: () => GOOD16_RULE });
    expectValues(values(shift), [GOOD16_EXPECTED.shift]);
    expectValues(values(await aggregate(h, { paths: [GOOD16], agg: 'delta', counter: () => GOOD16_RULE })), GOOD16_EXPECTED.buckets);
    // Without the declared range every wrap is taken for a reset (the figure before counters had one).
    expectValues(values(await aggregate(h, { paths: [GOOD16], agg: 'delta' })), GOOD16_EXPECTED.asResets);
  });

  it('steps booleans and strings', async () => {
    const h = await loaded(open, STEP_SAMPLES);
    expectValues(values(await aggregate(h, { paths: [RUNNING], agg: 'twa' })), STEP_EXPECTED.runningTwa);
    for (const mode of MODES) {
      const got = await aggregate(h, { paths: [STATE], agg: 'first', fill: 'previous' }, mode);
      expectValues(values(got), ['RUN', 'STOP', 'STOP', 'STOP']);
      expectValues(values(await aggregate(h, { paths: [STATE], agg: 'count' }, mode)), STEP_EXPECTED.stateCount);
    }
    const at = await valuesAt(h, [RUNNING, STATE], T + 10 * MIN);
    expect(at.map((v) => [v.value, v.method])).toEqual([[true, 'step'], ['RUN', 'step']]);
  });
}

function edgeCases(open: HistorianFactory): void {
  it.each(DST_CASES.flatMap((c) => MODES.map((mode) => [c.name, mode, c] as const)))('makes day buckets follow America/Chicago: %s (%s)', async (_name, mode, c) => {
    const h = await loaded(open, c.samples);
    const req = { paths: [DST], from: Date.parse(c.from), to: Date.parse(c.to), interval: '1d', timeZone: 'America/Chicago' };
    const counts = await aggregate(h, { ...req, agg: 'count' }, mode);
    expect(counts[0]!.buckets.map((b) => new Date(b.start).toISOString())).toEqual(c.starts);
    expect(counts[0]!.buckets.map((b) => (b.end - b.start) / (60 * MIN))).toEqual(c.counts);
    expectValues(values(counts), c.counts);
    expectValues(values(await aggregate(h, { ...req, agg: 'integral' })), c.integral);
  });

  it.each(['linear', 'step'] as const)('interpolates values at an instant: %s', async (mode) => {
    const h = await loaded(open, TEMP_SAMPLES);
    for (const c of AT_CASES) {
      const [v] = await valuesAt(h, [TEMP], T + c.minute * MIN, () => mode);
      expect(v!.value, `at ${c.minute} min`).toBe(c[mode]);
    }
  });
}

function storageCases(open: HistorianFactory): void {
  it('gives the same answers whatever order samples arrive in, flushed or still buffered', async () => {
    const h = await open();
    const shuffled = [5, 0, 3, 6, 1, 4, 2].map((i) => TEMP_SAMPLES[i]!);
    await h.write(shuffled.slice(0, 3));
    await h.flush();
    await h.write(shuffled.slice(3, 5));
    await h.flush();
    await h.write(shuffled.slice(5)); // left in the buffer
    for (const agg of ['twa', 'avg', 'first', 'last'] as const) {
      for (const mode of MODES) {
        const got = await aggregate(h, { paths: [TEMP], agg, fill: 'previous' }, mode);
        const want = TEMP_EXPECTED[agg]!.map((v, i, all) => v ?? all[i - 1]!);
        expectValues(values(got), want);
      }
    }
    const raw = await h.queryRaw({ paths: [TEMP], from: T - 60 * MIN, to: T + 60 * MIN });
    expect(raw.map((s) => s.ts)).toEqual([...TEMP_SAMPLES].map((s) => s.ts).sort((a, b) => a - b));
  });

  it.each([1, 2, 4, 100])('pages raw samples with a cursor, %i per page: no duplicates, no gaps', async (limit) => {
    const written = pagingSamples();
    const h = await loaded(open, written);
    const seen: StoredSample[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const got = await queryRawPage(h, { paths: ['r/a', 'r/b', 'r/c'], from: T, to: T + 10 * MIN, limit, ...(cursor ? { cursor } : {}) });
      seen.push(...got.samples);
      cursor = got.cursor;
      if (cursor === undefined) break;
    }
    expect(cursor).toBeUndefined();
    const key = (s: { ts: number; path: string; value: Value }) => `${s.ts} ${s.path} ${String(s.value)}`;
    expect(seen.map(key).sort()).toEqual(written.map(key).sort());
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1]!, seen[i]!];
      expect(a.ts < b.ts || (a.ts === b.ts && a.path <= b.path), `row ${i} in (ts, path) order`).toBe(true);
    }
  });
}
