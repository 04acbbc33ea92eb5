import { describe, expect, it } from 'vitest';
import { rng } from '../query/m4-data.js';
import { sortForAppend } from './append-order.js';
import type { Row } from './encoding.js';

const row = (tagId: number, ts: number, value: number): Row => ({ tagId, path: `p${tagId}`, ts, quality: 0, value });

/** The order by definition: a stable comparison sort of the rows in arrival order. */
const reference = (batches: readonly (readonly Row[])[]) => batches.flat().sort((a, b) => a.tagId - b.tagId || a.ts - b.ts);

describe('sortForAppend', () => {
  it('sorts by tag, then time, keeping arrival order otherwise', () => {
    const rows = [row(2, 20, 1), row(1, 30, 2), row(2, 10, 3), row(1, 10, 4)];
    expect(sortForAppend([rows]).map((r) => r.value)).toEqual([4, 2, 3, 1]);
  });

  it('reads the rows across batches in arrival order, equal times keeping it', () => {
    const out = sortForAppend([[row(3, 5, 1), row(1, 7, 2)], [], [row(3, 5, 3), row(1, 6, 4), row(3, 4, 5)]]);
    expect(out.map((r) => r.value)).toEqual([4, 2, 5, 1, 3]);
  });

  it('matches a stable comparison sort on random flushes, dense and sparse tag ids', () => {
    const rnd = rng(5);
    for (const maxId of [1, 7, 1000, 50_000_000]) {
      const batches: Row[][] = [];
      for (let b = 0; b < 5; b++) {
        batches.push(Array.from({ length: Math.floor(rnd() * 200) }, (_, i) => row(1 + Math.floor(rnd() * maxId), Math.floor(rnd() * 50), b * 1000 + i)));
      }
      expect(sortForAppend(batches)).toEqual(reference(batches));
    }
  });

  it('returns nothing for no rows', () => {
    expect(sortForAppend([])).toEqual([]);
    expect(sortForAppend([[], []])).toEqual([]);
  });
});
