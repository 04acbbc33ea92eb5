/**
 * The rollup suite for both backends: over whole buckets, every aggregate answered from rollups
 * equals the same query over raw samples (late samples, buffered samples, gaps, bad samples,
 * counters with resets and rollovers, booleans, strings, a path that changes type), and trends
 * over rollups equal the reference at the same grain. A spy shows the rollup was used.
 */
import { expect, it, vi } from 'vitest';
import type { Sample, Value } from '../core/sample.js';
import { queryAggregates } from './query/aggregate.js';
import { rng } from './query/m4-data.js';
import { queryTrend } from './query/trend.js';
import type { Aggregate, AggregateRequest, AggregateSeries } from './query/types.js';
import type { RetentionRule } from './retention/plan.js';
import type { RollupsConfig } from './rollup/config.js';
import type { MaintainedHistorian } from './shared/maintained-historian.js';

const H = 3_600_000;
const D = 24 * H;
export const ROLLUP_T0 = Date.UTC(2026, 2, 6, 0, 0, 0);
const END = ROLLUP_T0 + 3 * D;
const NOW = END + D;
const PATHS = ['r/temp', 'r/count', 'r/run', 'r/state', 'r/mixed'];
const AGGS: Aggregate[] = ['avg', 'min', 'max', 'count', 'sum', 'stddev', 'twa', 'integral', 'first', 'last', 'delta'];

/** Seeded samples from ROLLUP_T0 - 2 h to `to`, irregularly spaced, with a 5-hour gap. */
export function rollupSamples(seed: number, to = END): Sample[] {
  const rand = rng(seed);
  const out: Sample[] = [];
  let walk = 50;
  let count = 990;
  for (let ts = ROLLUP_T0 - 2 * H; ts < to; ts += 1 + Math.floor(rand() * 20_000)) {
    if (ts > ROLLUP_T0 + 30 * H && ts < ROLLUP_T0 + 35 * H) continue;
    const quality = rand() < 0.03 ? 'bad' : rand() < 0.1 ? 'uncertain' : 'good';
    walk = Math.round((walk + (rand() - 0.5) * 2) * 10) / 10;
    count = rand() < 0.002 ? 3 : (count + Math.floor(rand() * 5)) % 1000; // resets, and rollovers at 1000
    const i = out.length;
    const values: [string, Value][] = [['r/temp', walk], ['r/count', count], ['r/run', rand() < 0.5], ['r/state', ['RUN', 'IDLE', 'DOWN'][i % 3]!], ['r/mixed', i % 7 === 0 ? 'n/a' : i % 5 === 0 ? rand() < 0.5 : walk]];
    const [path, value] = values[i % values.length]!;
    out.push({ path, ts, value: quality === 'bad' && typeof value === 'number' ? -1e9 : value, quality });
  }
  return out;
}

function expectSame(got: AggregateSeries[], want: AggregateSeries[], what: string): void {
  expect(got.map((s) => s.path)).toEqual(want.map((s) => s.path));
  got.forEach((s, i) => {
    const w = want[i]!;
    expect(s.buckets.map((b) => [b.start, b.end, b.count, b.bad]), `${what} ${s.path}`).toEqual(w.buckets.map((b) => [b.start, b.end, b.count, b.bad]));
    s.buckets.forEach((b, j) => {
      const e = w.buckets[j]!.value;
      if (typeof e === 'number' && typeof b.value === 'number') expect(Math.abs(b.value - e), `${what} ${s.path} bucket ${j}: ${b.value} vs ${e}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));
      else expect(b.value, `${what} ${s.path} bucket ${j}`).toEqual(e);
    });
  });
}

/** Every aggregate of `req` through the historian (rollups allowed) equals the reference over raw samples. */
async function expectRollupsEqualRaw(h: MaintainedHistorian, req: Omit<AggregateRequest, 'agg'>, aggs: readonly Aggregate[] = AGGS): Promise<void> {
  for (const agg of aggs) {
    for (const interpolation of agg === 'twa' || agg === 'integral' ? (['linear', 'step'] as const) : (['linear'] as const)) {
      const q = { ...req, agg, interpolation: () => interpolation, counter: (p: string) => (p === 'r/count' ? { rolloverAt: 1000, onDrop: 'rollover' as const } : undefined) };
      expectSame(await queryAggregates(h, q), await queryAggregates(h, q, { useRollups: false, useBucketStats: false, pageSize: 5000 }), `${agg} (${interpolation}) ${String(req.interval)}`);
    }
  }
}

/** Opens a fresh historian whose clock reads `now` (rollups: 1m and 1h unless given). */
export type RollupOpen = (opts: { now: () => number; rollups?: RollupsConfig; retention?: RetentionRule[] }) => Promise<MaintainedHistorian>;

/** Register the suite's tests in the current describe(). */
export function rollupSuite(open: RollupOpen): void {
  it('answers every aggregate from rollups exactly as from raw samples, and uses them', async () => {
    const h = await open({ now: () => NOW });
    await h.write(rollupSamples(1));
    await h.flush();
    await h.maintain();
    const spy = vi.spyOn(h, 'readRollup');
    for (const [interval, timeZone] of [['1h', 'UTC'], ['15m', 'UTC'], ['1d', 'America/Chicago']] as const) {
      spy.mockClear();
      await expectRollupsEqualRaw(h, { paths: PATHS, from: ROLLUP_T0 - H, to: END, interval, timeZone }, interval === '1h' ? AGGS : ['twa', 'avg', 'delta', 'last']);
      const used = await spy.mock.results.at(-1)!.value;
      expect(spy.mock.calls.at(-1)![0].size).toBe(interval === '15m' ? 60_000 : H);
      expect(used.until).toBeGreaterThan(END - 3 * H); // all but the last buckets (the range ends at the lag before now)
      expect(used.buckets.length).toBeGreaterThan(100);
    }
    spy.mockClear();
    await queryAggregates(h, { paths: PATHS, from: ROLLUP_T0, to: ROLLUP_T0 + 12 * H, interval: '1h', agg: 'avg' });
    expect(spy).not.toHaveBeenCalled(); // half a day: raw samples
  });

  it('stays exact with late and still-buffered samples, before and after the next rollup run', async () => {
    const h = await open({ now: () => NOW });
    const all = rollupSamples(2, END + H);
    const late = all.filter((s, i) => i % 11 === 0 && s.ts >= ROLLUP_T0 + 10 * H && s.ts < END - D);
    const buffered = all.filter((s) => s.ts >= END - 2 * H);
    await h.write(all.filter((s) => !late.includes(s) && !buffered.includes(s)));
    await h.flush();
    await h.maintain(['rollups']);
    await h.write(late); // for time the rollups already summarised
    await h.flush();
    await h.write(buffered);
    const req = { paths: PATHS, from: ROLLUP_T0 - H, to: END, interval: '1h' };
    const aggs: Aggregate[] = ['twa', 'avg', 'delta', 'last', 'count'];
    await expectRollupsEqualRaw(h, req, aggs);
    const before = await h.readRollup({ paths: PATHS, size: H, from: ROLLUP_T0 - H, to: END });
    expect(before.until).toBe(Math.floor(Math.min(...late.map((s) => s.ts)) / H) * H); // raw samples from the first late one's bucket on
    await h.maintain(['rollups']);
    await expectRollupsEqualRaw(h, req, aggs);
    const after = await h.readRollup({ paths: PATHS, size: H, from: ROLLUP_T0 - H, to: END });
    expect(after.until).toBe(END - 2 * H); // up to the first buffered sample
  });

  it('draws trends from rollups exactly as the reference at the same grain', async () => {
    const h = await open({ now: () => NOW });
    await h.write(rollupSamples(3));
    await h.flush();
    await h.maintain(['rollups']);
    await h.write(rollupSamples(4).filter((s) => s.ts > END - 3 * H && s.path === 'r/temp').map((s) => ({ ...s, ts: s.ts + 1 })));
    const from = ROLLUP_T0 - 90 * 60_000 + 17;
    for (const [grain, pixels] of [[60_000, 50], [H, 7]] as const) {
      const req = { paths: PATHS, from, to: END, pixels };
      const got = await queryTrend(h, req, { grain });
      expect(got).toEqual(await queryTrend(h, req, { grain, useBackend: false }));
      expect(got.series[0]!.points.length).toBeGreaterThan(pixels);
    }
    expect((await queryTrend(h, { paths: ['r/temp'], from, to: END, pixels: 5 })).grain).toBe(H); // columns of 14.4 h
    expect((await queryTrend(h, { paths: ['r/temp'], from, to: END, pixels: 20 })).grain).toBe(60_000); // 3.6 h: fewer than 8 hours
  });

  it('keeps answering from rollups after retention deleted the raw samples, until the rollup expires', async () => {
    const h = await open({ now: () => NOW, retention: [{ paths: '**', keep: '1d' }], rollups: { '1h': { keep: '3d' } } });
    await h.maintain([]);
    await h.write(rollupSamples(5));
    await h.flush();
    const req = { paths: PATHS, from: ROLLUP_T0, to: END, interval: '1h', agg: 'twa' as const };
    const before = await queryAggregates(h, req, { useRollups: false });
    expect(await h.maintain(['rollups', 'retention'])).toMatchObject({ retention: { deleted: expect.any(Number) } });
    expect(await h.queryRaw({ paths: PATHS, from: ROLLUP_T0, to: END })).toEqual([]); // raw samples are kept 1 day: all gone
    // The rollup, kept 3 days, covers the last two days of the range; from the second hour on it also
    // holds the value in force at the start (the last sample of the hour before).
    const from = END - 2 * D + H;
    const read = await h.readRollup({ paths: PATHS, size: H, from, to: END });
    expect(read.coveredFrom).toBe(NOW - 3 * D);
    expect(read.prior.map((s) => s.path).sort()).toEqual([...PATHS].sort());
    const recent = await queryAggregates(h, { ...req, from });
    expectSame(recent, before.map((s) => ({ ...s, buckets: s.buckets.filter((b) => b.start >= from) })), 'twa after retention');
    expect(recent[0]!.buckets.length).toBeGreaterThan(40);
    const old = await queryAggregates(h, { ...req, to: END - 2 * D + H });
    expect(old.every((s) => s.buckets.every((b) => b.count === 0))).toBe(true); // not covered by the rollup, no raw samples: nothing
  });
}
