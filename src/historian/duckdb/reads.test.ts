import { describe, expect, it } from 'vitest';
import type { Sample } from '../../core/sample.js';
import { openHistorian, tempFile } from './test-helpers.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);
const s = (path: string, ts: number, value: Sample['value'], quality: Sample['quality'] = 'good'): Sample => ({ path, ts, value, quality });

/** a: one sample 500 days back, a bad one just before T0, one at T0 + 10; b: one 2 h back; c: none before T0. */
const DATA = [s('a', T0 - 500 * DAY, 1), s('a', T0 - 1, 99, 'bad'), s('a', T0 + 10, 2), s('b', T0 - 7_200_000, 'x'), s('c', T0 + 5, true)];

describe.each(['flushed', 'buffered', 'half flushed'])('DuckDbHistorian edge reads, %s', (stage) => {
  async function loaded() {
    const h = await openHistorian({ file: tempFile() });
    if (stage === 'half flushed') {
      await h.write(DATA.slice(0, 2));
      await h.flush();
      await h.write(DATA.slice(2));
    } else {
      await h.write(DATA);
      if (stage === 'flushed') await h.flush();
    }
    return h;
  }

  it('finds the sample before an instant however far back, skipping bad ones when asked', async () => {
    const h = await loaded();
    expect(await h.priorValues(['a', 'b', 'c', 'none'], T0)).toEqual([
      { path: 'a', ts: T0 - 1, value: 99, quality: 'bad' },
      { path: 'b', ts: T0 - 7_200_000, value: 'x', quality: 'good' },
    ]);
    expect((await h.priorValues(['a'], T0, { excludeBad: true }))[0]).toMatchObject({ ts: T0 - 500 * DAY, value: 1 });
  });

  it('finds the sample at or after an instant', async () => {
    const h = await loaded();
    expect(await h.nextValues(['a', 'c', 'b'], T0 + 5)).toEqual([
      { path: 'a', ts: T0 + 10, value: 2, quality: 'good' },
      { path: 'c', ts: T0 + 5, value: true, quality: 'good' },
    ]);
    expect(await h.nextValues(['a'], T0 - 600 * DAY)).toEqual([{ path: 'a', ts: T0 - 500 * DAY, value: 1, quality: 'good' }]);
  });

  it('finds nothing after the newest sample, and what arrives later', async () => {
    const h = await loaded();
    expect(await h.nextValues(['a', 'b', 'c'], T0 + 11)).toEqual([]);
    expect(await h.nextValues(['a', 'b', 'c'], T0 + 10)).toEqual([{ path: 'a', ts: T0 + 10, value: 2, quality: 'good' }]);
    await h.write([s('b', T0 + DAY, 'y')]);
    expect(await h.nextValues(['a', 'b'], T0 + 11)).toEqual([{ path: 'b', ts: T0 + DAY, value: 'y', quality: 'good' }]);
  });

  it('resumes raw reads after a cursor', async () => {
    const h = await loaded();
    const all = await h.queryRaw({ paths: ['a', 'b', 'c'], from: T0 - 1000 * DAY, to: T0 + DAY });
    expect(all.map((x) => x.value)).toEqual([1, 'x', 99, true, 2]);
    expect((await h.queryRaw({ paths: ['a', 'b', 'c'], from: T0 - 1000 * DAY, to: T0 + DAY, after: { ts: T0 - 1, path: 'a' } })).map((x) => x.value)).toEqual([true, 2]);
    expect((await h.queryRaw({ paths: ['a', 'b', 'c'], from: T0 - 1000 * DAY, to: T0 + DAY, after: { ts: T0 + 5, path: 'b' }, limit: 1 })).map((x) => x.value)).toEqual([true]);
  });

  it('computes value statistics per bucket', async () => {
    const h = await loaded();
    const stats = await h.bucketStats({ paths: ['a', 'c'], edges: [T0 - DAY, T0, T0 + DAY] });
    const merged = stats.map(({ path, bucket, count, bad, n, sum }) => ({ path, bucket, count, bad, n, sum }));
    // a: the bad sample in bucket 0 (counted as bad only), 2 in bucket 1; c: true in bucket 1.
    const sum = (path: string, bucket: number) => merged.filter((x) => x.path === path && x.bucket === bucket)
      .reduce((acc, x) => ({ count: acc.count + x.count, bad: acc.bad + x.bad, n: acc.n + x.n, sum: acc.sum + x.sum }), { count: 0, bad: 0, n: 0, sum: 0 });
    expect(sum('a', 0)).toEqual({ count: 0, bad: 1, n: 0, sum: 0 });
    expect(sum('a', 1)).toEqual({ count: 1, bad: 0, n: 1, sum: 2 });
    expect(sum('c', 1)).toEqual({ count: 1, bad: 0, n: 1, sum: 1 });
  });
});

describe('DuckDbHistorian edge reads after a reopen', () => {
  it('knows the newest stored sample of each tag from the file', async () => {
    const file = tempFile();
    const first = await openHistorian({ file });
    await first.write(DATA);
    await first.close();
    const h = await openHistorian({ file });
    expect(await h.nextValues(['a', 'c'], T0 + 6)).toEqual([{ path: 'a', ts: T0 + 10, value: 2, quality: 'good' }]);
    expect(await h.nextValues(['a', 'c'], T0 + 11)).toEqual([]);
  });
});
