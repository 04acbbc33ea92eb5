import { describe, expect, it } from 'vitest';
import type { Sample } from '../../core/sample.js';
import { MemoryHistorian } from '../memory.js';
import type { StoredSample, TrendPoint } from '../types.js';
import { M4Builder, cellPoints, columnOf, columnStart, m4Spec, trendPoints } from './m4.js';
import type { M4Spec } from './m4.js';
import { queryTrend, trendGrain } from './trend.js';
import { m4Samples, rng } from './m4-data.js';

const spec = (from: number, to: number, pixels: number, grain = 1) => m4Spec({ from, to, pixels, grain }) as M4Spec;

/** The column by BigInt arithmetic, written independently of columnOf(). */
function oracleColumn(s: M4Spec, ts: number): number {
  const g = BigInt(s.grain);
  let t = BigInt(ts);
  if (s.grain > 1) t = t - (((t % g) + g) % g);
  if (t < BigInt(s.from)) t = BigInt(s.from);
  return Number(((t - BigInt(s.from)) * BigInt(s.pixels)) / BigInt(s.to - s.from));
}

/** M4 by definition: per column, sort and pick. */
function oracle(samples: readonly StoredSample[], s: M4Spec): TrendPoint[] {
  const cols = new Map<number, StoredSample[]>();
  for (const x of samples) {
    if (x.quality === 'bad' || x.ts < s.from || x.ts >= s.to) continue;
    const c = oracleColumn(s, x.ts);
    cols.set(c, [...(cols.get(c) ?? []), x]);
  }
  const num = (x: StoredSample) => (typeof x.value === 'number' ? x.value : typeof x.value === 'boolean' ? Number(x.value) : undefined);
  return [...cols.keys()].sort((a, b) => a - b).flatMap((c) => {
    const rows = cols.get(c)!.slice().sort((a, b) => a.ts - b.ts);
    const nums = rows.filter((x) => num(x) !== undefined);
    const picks = [rows[0]!, rows[rows.length - 1]!];
    if (nums.length > 0) {
      picks.push([...nums].sort((a, b) => num(a)! - num(b)! || a.ts - b.ts)[0]!);
      picks.push([...nums].sort((a, b) => num(b)! - num(a)! || a.ts - b.ts)[0]!);
    }
    return [...new Set(picks)].sort((a, b) => a.ts - b.ts).map(({ ts, value, quality }) => ({ ts, value, quality }));
  });
}

function reference(samples: readonly StoredSample[], s: M4Spec, path: string): TrendPoint[] {
  const b = new M4Builder(s);
  for (const x of samples) b.addSample(x);
  return trendPoints(b.cellsOf(path));
}

describe('M4 columns', () => {
  it.each([
    // from, to, pixels, ts, column
    [0, 10, 3, 0, 0], [0, 10, 3, 3, 0], [0, 10, 3, 4, 1], [0, 10, 3, 6, 1], [0, 10, 3, 7, 2], [0, 10, 3, 9, 2],
    [-1000, 1000, 4, -1000, 0], [-1000, 1000, 4, -501, 0], [-1000, 1000, 4, -500, 1], [-1000, 1000, 4, 999, 3],
    [1_700_000_000_000, 1_700_000_000_000 + 900_719_925_474, 10_000, 1_700_000_000_000 + 900_719_925_473, 9999],
  ])('from %i to %i in %i columns: %i is in column %i', (from, to, pixels, ts, col) => {
    expect(columnOf(spec(from, to, pixels), ts)).toBe(col);
  });

  it('agrees with BigInt arithmetic near every column edge of an awkward span', () => {
    const s = spec(1_767_225_600_000, 1_767_225_600_000 + 15_552_000_007, 1999);
    for (let c = 0; c < s.pixels; c += 37) {
      const start = columnStart(s, c);
      for (const t of [start - 1, start, start + 1]) if (t >= s.from && t < s.to) expect(columnOf(s, t)).toBe(oracleColumn(s, t));
      expect(columnOf(s, start)).toBe(c);
    }
  });

  it('snaps times to the grain, never before from', () => {
    const s = spec(90_000, 90_000 + 3_600_000, 10, 60_000);
    expect(columnOf(s, 90_000)).toBe(0);
    expect(columnOf(s, 90_000 + 360_000 + 5)).toBe(0); // 450 005 snaps to 420 000, in column 0 (ends at 450 000)
    expect(columnOf(s, 90_000 + 390_000)).toBe(1); // a whole minute after the edge
  });

  it.each([
    [{ from: 0, to: 0, pixels: 1 }, /not before/],
    [{ from: 0.5, to: 10, pixels: 1 }, /whole epoch/],
    [{ from: 0, to: 10, pixels: 0 }, /pixels/],
    [{ from: 0, to: 10, pixels: 10_001 }, /pixels/],
    [{ from: 0, to: 10, pixels: 2, grain: 0 }, /grain/],
    [{ from: 0, to: 2 ** 50, pixels: 10 }, /too long/],
  ])('refuses %j', (q, problem) => {
    expect(m4Spec(q)).toMatch(problem);
  });
});

describe('M4 reference', () => {
  it.each([1, 2, 3, 7, 50, 400])('matches the definition on random data, %i columns', (pixels) => {
    const { samples, from, to } = m4Samples(rng(pixels));
    const s = spec(from, to, pixels);
    for (const path of ['m4/num', 'm4/bool', 'm4/str', 'm4/one', 'm4/mixed']) {
      const got = reference(samples, s, path);
      expect(got, path).toEqual(oracle(samples.filter((x) => x.path === path), s));
      expect(got.length).toBeLessThanOrEqual(4 * pixels);
    }
  });

  it('matches the definition with a grain', () => {
    const { samples, from, to } = m4Samples(rng(9));
    const s = spec(from, to, 13, 1000);
    expect(reference(samples, s, 'm4/num')).toEqual(oracle(samples.filter((x) => x.path === 'm4/num'), s));
  });

  it('keeps extremes at column edges and leaves out bad samples and empty columns', () => {
    const pt = (ts: number, value: number | string, quality: StoredSample['quality'] = 'good'): StoredSample => ({ path: 'p', ts, value, quality });
    const s = spec(0, 100, 4); // columns of 25 ms
    const got = reference([pt(0, 5), pt(10, 1e9, 'bad'), pt(24, -3), pt(25, 7), pt(49, 99), pt(99, 1), pt(80, 'x')], s, 'p');
    expect(got.map((p) => [p.ts, p.value])).toEqual([[0, 5], [24, -3], [25, 7], [49, 99], [80, 'x'], [99, 1]]);
  });

  it('gives one point for one sample and deduplicates a sample that is first, min, max and last', () => {
    const one: StoredSample = { path: 'p', ts: 5, value: 1, quality: 'uncertain' };
    const b = new M4Builder(spec(0, 10, 1));
    b.addSample(one);
    expect(b.cellsOf('p').flatMap(cellPoints)).toEqual([{ ts: 5, value: 1, quality: 'uncertain' }]);
  });
});

describe('queryTrend', () => {
  it('reduces each path in the order asked, at most 4 points a pixel, every extreme kept', async () => {
    const { samples, from, to } = m4Samples(rng(3));
    const h = new MemoryHistorian();
    await h.write(samples as Sample[]);
    const got = await queryTrend(h, { paths: ['m4/str', 'm4/num', 'nothing'], from, to, pixels: 20 });
    expect(got.grain).toBe(1);
    expect(got.series.map((x) => x.path)).toEqual(['m4/str', 'm4/num', 'nothing']);
    expect(got.series[2]!.points).toEqual([]);
    const num = got.series[1]!.points;
    expect(num.length).toBeLessThanOrEqual(80);
    const good = samples.filter((x) => x.path === 'm4/num' && x.quality !== 'bad' && x.ts >= from).map((x) => x.value as number);
    expect(Math.max(...num.map((p) => p.value as number))).toBe(Math.max(...good));
    expect(Math.min(...num.map((p) => p.value as number))).toBe(Math.min(...good));
  });

  it('refuses bad requests with a catalogue error', async () => {
    const h = new MemoryHistorian();
    await expect(queryTrend(h, { paths: ['a'], from: 10, to: 5, pixels: 10 })).rejects.toMatchObject({ code: 'CW_HISTORIAN_QUERY_INVALID' });
    await expect(queryTrend(h, { paths: [], from: 0, to: 5, pixels: 10 })).rejects.toMatchObject({ code: 'CW_HISTORIAN_QUERY_INVALID' });
    await expect(queryTrend(h, { paths: ['a'], from: 0, to: 5, pixels: 0 })).rejects.toMatchObject({ code: 'CW_HISTORIAN_QUERY_INVALID' });
  });

  it.each([
    // span, pixels, sizes, grain
    [3_600_000, 100, [60_000], 1], // a short range reads raw samples
    [180 * 86_400_000, 2000, [60_000, 3_600_000], 60_000], // columns of 2.16 h: 1 h fits only twice
    [365 * 86_400_000, 100, [60_000, 3_600_000], 3_600_000],
    [2 * 86_400_000, 2000, [60_000], 1], // columns of 86 s: not 8 minutes
  ])('picks the grain for %i ms in %i pixels with rollups %j: %i', (span, pixels, sizes, grain) => {
    expect(trendGrain({ from: 0, to: span, pixels }, sizes)).toBe(grain);
  });
});
