import { describe, expect, it } from 'vitest';
import type { Sample } from '../../core/sample.js';
import { DuckDbHistorian } from './index.js';
import { openHistorian, sql, tempFile } from './test-helpers.js';

const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);

/** Samples of every value type and quality, deliberately out of order. */
const MIXED: Sample[] = [
  { path: 'plant/line1/speed', value: 12.5, ts: T0 + 2000, quality: 'good' },
  { path: 'plant/line1/running', value: true, ts: T0 + 1000, quality: 'uncertain' },
  { path: 'plant/line1/recipe', value: 'IPA-330', ts: T0 + 1000, quality: 'bad' },
  { path: 'plant/line1/speed', value: -0.125, ts: T0, quality: 'uncertain' },
  { path: 'plant/line1/running', value: false, ts: T0 + 3000, quality: 'good' },
  { path: 'plant/line1/recipe', value: '', ts: T0 + 3000, quality: 'good' },
  { path: 'plant/line1/speed', value: 1e300, ts: T0 + 3000, quality: 'bad' },
];
const PATHS = ['plant/line1/speed', 'plant/line1/running', 'plant/line1/recipe'];

/** MIXED as queryRaw must return it: by ts, then path. */
const EXPECTED = [...MIXED].sort((a, b) => a.ts - b.ts || (a.path < b.path ? -1 : 1));

describe('DuckDbHistorian round trip', () => {
  it('returns numbers, booleans and strings with their quality, ordered by time then path', async () => {
    const h = await openHistorian({ file: tempFile() });
    await h.write(MIXED);
    await h.flush();
    expect(h.stats()).toMatchObject({ pending: 0, written: MIXED.length, failedFlushes: 0 });
    const got = await h.queryRaw({ paths: PATHS, from: T0, to: T0 + 10_000 });
    expect(got).toEqual(EXPECTED);
    expect(got.map((s) => typeof s.value)).toEqual(EXPECTED.map((s) => typeof s.value));
  });

  it('respects inclusive from, exclusive to, the path list and the limit', async () => {
    const h = await openHistorian({ file: tempFile() });
    await h.write(MIXED);
    await h.flush();
    const window = await h.queryRaw({ paths: PATHS, from: T0 + 1000, to: T0 + 3000 });
    expect(window).toEqual(EXPECTED.filter((s) => s.ts >= T0 + 1000 && s.ts < T0 + 3000));
    const one = await h.queryRaw({ paths: ['plant/line1/speed', 'not/a/tag'], from: T0, to: T0 + 10_000 });
    expect(one.map((s) => s.value)).toEqual([-0.125, 12.5, 1e300]);
    const limited = await h.queryRaw({ paths: PATHS, from: T0, to: T0 + 10_000, limit: 3 });
    expect(limited).toEqual(EXPECTED.slice(0, 3));
    expect(await h.queryRaw({ paths: PATHS, from: T0, to: T0 + 10_000, limit: 0 })).toEqual([]);
    expect(await h.queryRaw({ paths: PATHS, from: T0 + 5, to: T0 + 5 })).toEqual([]);
  });

  it('merges flushed and still-buffered samples into one ordered answer', async () => {
    const h = await openHistorian({ file: tempFile() });
    await h.write(MIXED.slice(0, 4));
    await h.flush();
    await h.write(MIXED.slice(4));
    expect(h.stats().pending).toBe(3);
    expect(await h.queryRaw({ paths: PATHS, from: T0, to: T0 + 10_000 })).toEqual(EXPECTED);
    expect(await h.queryRaw({ paths: PATHS, from: T0, to: T0 + 10_000, limit: 4 })).toEqual(EXPECTED.slice(0, 4));
  });

  it('stores paths verbatim, whatever characters they hold', async () => {
    const file = tempFile();
    const h = await openHistorian({ file });
    const odd = ["x'); DROP TABLE samples; --", 'ünï/cødé', 'a"b'];
    await h.write(odd.map((path, i) => ({ path, value: i, ts: T0, quality: 'good' as const })));
    await h.flush();
    expect((await h.queryRaw({ paths: odd, from: T0, to: T0 + 1 })).map((s) => s.path).sort()).toEqual([...odd].sort());
    await h.close();
    expect(await sql(file, 'SELECT count(*)::INTEGER FROM samples')).toEqual([[3]]);
  });

  it('keeps each sample its own type when a path changes type; the dictionary keeps the first', async () => {
    const h = await openHistorian({ file: tempFile() });
    await h.write([
      { path: 'p/mode', value: 3, ts: T0, quality: 'good' },
      { path: 'p/mode', value: 'AUTO', ts: T0 + 1, quality: 'good' },
      { path: 'p/mode', value: true, ts: T0 + 2, quality: 'good' },
    ]);
    await h.flush();
    expect((await h.queryRaw({ paths: ['p/mode'], from: T0, to: T0 + 3 })).map((s) => s.value)).toEqual([3, 'AUTO', true]);
    expect((await h.tags())[0]).toMatchObject({ path: 'p/mode', valueType: 'number' });
  });

  it('works in memory', async () => {
    const h = await openHistorian({ file: ':memory:' });
    await h.write(MIXED);
    await h.flush();
    expect(await h.queryRaw({ paths: PATHS, from: T0, to: T0 + 10_000 })).toEqual(EXPECTED);
  });
});

describe('DuckDbHistorian buffered reads', () => {
  it('shows samples to queryRaw and lastValues before any flush', async () => {
    const h = await openHistorian({ file: tempFile() });
    await h.write(MIXED);
    expect(h.stats()).toMatchObject({ pending: MIXED.length, written: 0 });
    expect(await h.queryRaw({ paths: PATHS, from: T0, to: T0 + 10_000 })).toEqual(EXPECTED);
    expect(await h.lastValues(['plant/line1/speed', 'plant/line1/running', 'nothing/here'])).toEqual([
      { path: 'plant/line1/speed', ts: T0 + 3000, value: 1e300, quality: 'bad' },
      { path: 'plant/line1/running', ts: T0 + 3000, value: false, quality: 'good' },
    ]);
    expect((await h.tags()).map((t) => [t.path, t.valueType])).toEqual([
      ['plant/line1/speed', 'number'],
      ['plant/line1/running', 'boolean'],
      ['plant/line1/recipe', 'string'],
    ]);
  });

  it('keeps the newest sample by time, not by arrival', async () => {
    const h = await openHistorian({ file: tempFile() });
    await h.write([{ path: 'p/a', value: 2, ts: T0 + 2, quality: 'good' }]);
    await h.write([{ path: 'p/a', value: 1, ts: T0 + 1, quality: 'good' }]);
    await h.write([{ path: 'p/a', value: 3, ts: T0 + 2, quality: 'bad' }]);
    expect(await h.lastValues(['p/a'])).toEqual([{ path: 'p/a', value: 3, ts: T0 + 2, quality: 'bad' }]);
  });
});

describe('DuckDbHistorian restart', () => {
  it('keeps data, dictionary and last values across a close and reopen, and hands out fresh ids', async () => {
    const file = tempFile();
    const first = await openHistorian({ file });
    await first.write(MIXED);
    await first.close();

    const second = await openHistorian({ file });
    expect(await second.queryRaw({ paths: PATHS, from: T0, to: T0 + 10_000 })).toEqual(EXPECTED);
    const before = await second.tags();
    expect(before.map((t) => t.path)).toEqual(PATHS);
    expect(await second.lastValues()).toEqual([
      { path: 'plant/line1/recipe', ts: T0 + 3000, value: '', quality: 'good' },
      { path: 'plant/line1/running', ts: T0 + 3000, value: false, quality: 'good' },
      { path: 'plant/line1/speed', ts: T0 + 3000, value: 1e300, quality: 'bad' },
    ]);
    await second.write([
      { path: 'plant/line2/speed', value: 1, ts: T0, quality: 'good' },
      { path: 'plant/line1/speed', value: 2, ts: T0 + 4000, quality: 'good' },
    ]);
    await second.close();

    const third = await openHistorian({ file });
    const tags = await third.tags();
    expect(tags.slice(0, 3)).toEqual(before);
    expect(tags[3]).toMatchObject({ path: 'plant/line2/speed', valueType: 'number' });
    expect(tags[3]!.id).toBeGreaterThan(Math.max(...before.map((t) => t.id)));
    expect((await third.lastValues(['plant/line1/speed']))[0]).toMatchObject({ value: 2, ts: T0 + 4000 });
    await third.close();
    expect(await sql(file, 'SELECT count(*)::INTEGER, count(DISTINCT id)::INTEGER, count(DISTINCT path)::INTEGER FROM tags')).toEqual([[4, 4, 4]]);
    expect(await sql(file, 'SELECT count(*)::INTEGER FROM samples')).toEqual([[MIXED.length + 2]]);
  });
});

describe('DuckDbHistorian rejected samples', () => {
  it('refuses non-finite numbers, counts them, and keeps the good samples of the batch', async () => {
    const file = tempFile();
    const h = await openHistorian({ file });
    await h.write([
      { path: 'a/x', value: 1, ts: T0, quality: 'good' },
      { path: 'a/x', value: NaN, ts: T0 + 1, quality: 'good' },
      { path: 'a/y', value: Infinity, ts: T0 + 2, quality: 'good' },
      { path: 'a/x', value: 2, ts: T0 + 3, quality: 'good' },
      { path: 'a/x', value: -Infinity, ts: T0 + 4, quality: 'good' },
    ]);
    expect(h.stats()).toMatchObject({ pending: 2, rejected: 3 });
    await h.flush();
    expect(h.stats()).toMatchObject({ pending: 0, written: 2, failedFlushes: 0, rejected: 3 });
    await h.close();
    const again = await openHistorian({ file });
    expect((await again.queryRaw({ paths: ['a/x', 'a/y'], from: T0, to: T0 + 10 })).map((s) => s.value)).toEqual([1, 2]);
  });
});

describe('DuckDbHistorian errors', () => {
  it('names the file when it cannot open it', async () => {
    const file = `${tempFile()}/no/such/dir/h.duckdb`;
    const h = new DuckDbHistorian({ file });
    await expect(h.open()).rejects.toMatchObject({ code: 'CW_HISTORIAN_OPEN_FAILED', params: { target: file } });
  });

  it('refuses a second historian on a file already open in this process', async () => {
    const file = tempFile();
    await openHistorian({ file });
    await expect(new DuckDbHistorian({ file }).open()).rejects.toMatchObject({ code: 'CW_HISTORIAN_OPEN_FAILED' });
  });

  it('refuses bad options, writes before open and bad queries with catalogue errors', async () => {
    expect(() => new DuckDbHistorian({ file: 'x.duckdb', maxPending: 0 })).toThrow(expect.objectContaining({ code: 'CW_HISTORIAN_OPEN_FAILED' }));
    const closed = new DuckDbHistorian({ file: tempFile() });
    await expect(closed.write(MIXED)).rejects.toMatchObject({ code: 'CW_HISTORIAN_WRITE_FAILED' });
    const h = await openHistorian({ file: tempFile() });
    await expect(h.queryRaw({ paths: PATHS, from: NaN, to: 1 })).rejects.toMatchObject({ code: 'CW_HISTORIAN_QUERY_FAILED' });
    await expect(h.queryRaw({ paths: PATHS, from: 0, to: 1, limit: -1 })).rejects.toMatchObject({ code: 'CW_HISTORIAN_QUERY_FAILED' });
    await h.close();
    await expect(h.write(MIXED)).rejects.toMatchObject({ code: 'CW_HISTORIAN_WRITE_FAILED' });
    await expect(h.queryRaw({ paths: PATHS, from: 0, to: 1 })).rejects.toMatchObject({ code: 'CW_HISTORIAN_QUERY_FAILED' });
  });
});
