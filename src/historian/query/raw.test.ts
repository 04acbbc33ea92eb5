import { describe, expect, it } from 'vitest';
import { MemoryHistorian } from '../memory.js';
import type { StoredSample } from '../types.js';
import { decodeCursor, encodeCursor, queryRawPage, scanRaw } from './raw.js';

const T = Date.UTC(2026, 10, 23, 8, 0, 0);
const s = (path: string, dt: number, value: number): StoredSample => ({ path, ts: T + dt, value, quality: 'good' });

/** Three samples of a/x at T+2 (a resent batch): a page boundary falls inside them. */
const DATA = [s('a/y', 0, 1), s('a/x', 1, 2), s('a/x', 2, 3), s('a/x', 2, 4), s('a/x', 2, 5), s('a/y', 2, 6), s('a/x', 3, 7)];

async function allPages(h: MemoryHistorian, limit: number) {
  const pages: StoredSample[][] = [];
  let cursor: string | undefined;
  do {
    const page = await queryRawPage(h, { paths: ['a/x', 'a/y'], from: T, to: T + 10, limit, ...(cursor ? { cursor } : {}) });
    pages.push(page.samples);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return pages;
}

describe('raw paging', () => {
  it('round-trips a cursor and refuses one it did not make', () => {
    expect(decodeCursor(encodeCursor({ ts: T, path: 'a/ü"x' }))).toEqual({ ts: T, path: 'a/ü"x' });
    for (const bad of ['', 'xyz', Buffer.from('[1]').toString('base64url'), Buffer.from('["1","a"]').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: 'CW_HISTORIAN_QUERY_INVALID' }));
    }
  });

  it.each([1, 2, 3, 4, 7, 100])('with %i per page returns every sample once, in order', async (limit) => {
    const h = new MemoryHistorian();
    await h.write(DATA);
    const pages = await allPages(h, limit);
    expect(pages.flat().map((x) => x.value).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pages.flat().map((x) => [x.ts - T, x.path])).toEqual([[0, 'a/y'], [1, 'a/x'], [2, 'a/x'], [2, 'a/x'], [2, 'a/x'], [2, 'a/y'], [3, 'a/x']]);
  });

  it('extends a page to hold all samples of its last path and instant', async () => {
    const h = new MemoryHistorian();
    await h.write(DATA);
    const first = await queryRawPage(h, { paths: ['a/x', 'a/y'], from: T, to: T + 10, limit: 3 });
    expect(first.samples.map((x) => x.value)).toEqual([1, 2, 3, 4, 5]);
    expect(decodeCursor(first.cursor!)).toEqual({ ts: T + 2, path: 'a/x' });
  });

  it('refuses a limit below 1', async () => {
    await expect(queryRawPage(new MemoryHistorian(), { paths: ['a'], from: 0, to: 1, limit: 0 })).rejects.toMatchObject({ code: 'CW_HISTORIAN_QUERY_INVALID' });
  });
});

describe('scanRaw', () => {
  it('reads a long range in windows, every sample once and in order, whatever the page size', async () => {
    const h = new MemoryHistorian();
    // Dense at the start, a long empty stretch, dense again at the end.
    const samples = [
      ...Array.from({ length: 50 }, (_, i) => s('a', i, i)),
      ...Array.from({ length: 50 }, (_, i) => s(i % 2 ? 'a' : 'b', 1_000_000 + i, 100 + i)),
    ];
    await h.write(samples);
    for (const pageSize of [1, 7, 1000]) {
      const got: StoredSample[] = [];
      for await (const page of scanRaw(h, { paths: ['a', 'b'], from: T, to: T + 2_000_000 }, pageSize)) got.push(...page);
      expect(got.map((x) => x.value)).toEqual(samples.map((x) => x.value));
    }
  });
});
