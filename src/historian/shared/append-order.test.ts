import { describe, expect, it } from 'vitest';
import { rng } from '../query/m4-data.js';
import { lateRanges, lateRangesInAppendOrder } from '../rollup/config.js';
import { countBefore, firstAtOrAfter, forEachTagRun, sortForAppend } from './append-order.js';
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

describe('runs of a flush in append order', () => {
  const runsOf = (rows: readonly Row[]) => {
    const runs: [number, number][] = [];
    forEachTagRun(rows, (lo, hi) => runs.push([lo, hi]));
    return runs;
  };

  it('finds each tag\'s run, whatever its length', () => {
    expect(runsOf([])).toEqual([]);
    expect(runsOf([row(1, 0, 0)])).toEqual([[0, 1]]);
    const lengths = [1, 2, 3, 7, 8, 9, 1, 100];
    const rows = lengths.flatMap((n, t) => Array.from({ length: n }, (_, i) => row(t + 1, i, 0)));
    let at = 0;
    expect(runsOf(rows)).toEqual(lengths.map((n) => [at, (at += n)]));
  });

  it('counts rows before a time and finds late ranges as a scan of every row does', () => {
    const rnd = rng(9);
    const batch = Array.from({ length: 3000 }, (_, i) => row(1 + Math.floor(rnd() * 30), Math.floor(rnd() * 1000), i));
    const rows = sortForAppend([batch]);
    for (const t of [-1, 0, 1, 250, 999, 1000, 5000]) {
      expect(countBefore(rows, t)).toBe(rows.filter((r) => r.ts < t).length);
      expect(lateRangesInAppendOrder(rows, t)).toEqual(lateRanges(rows, t));
    }
    expect(firstAtOrAfter(rows, 0, 0, 5)).toBe(0);
  });
});
