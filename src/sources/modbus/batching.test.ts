import { describe, expect, it } from 'vitest';
import { planBatches, type Area, type ReadItem } from './batching.js';

let n = 0;
const item = (area: Area, address: number, count = 1, unitId = 1): ReadItem => ({ key: `t${n++}`, area, unitId, address, count });
/** The batches as [area, unit, start, count, item count] rows. */
const rows = (items: ReadItem[], maxGap = 10, extra = {}) =>
  planBatches(items, { maxGap, ...extra }).map((b) => [b.area, b.unitId, b.start, b.count, b.items.length]);

describe('planBatches', () => {
  it.each<[string, ReadItem[], number, Array<[Area, number, number, number, number]>]>([
    ['nothing to read', [], 10, []],
    ['one register', [item('holding', 7)], 10, [['holding', 1, 7, 1, 1]]],
    ['contiguous registers', [item('holding', 0, 2), item('holding', 2, 2), item('holding', 4)], 0, [['holding', 1, 0, 5, 3]]],
    ['a gap within maxGap', [item('holding', 0), item('holding', 11)], 10, [['holding', 1, 0, 12, 2]]],
    ['a gap one beyond maxGap', [item('holding', 0), item('holding', 12)], 10, [['holding', 1, 0, 1, 1], ['holding', 1, 12, 1, 1]]],
    ['maxGap 0 keeps adjacent only', [item('input', 0), item('input', 1), item('input', 3)], 0, [['input', 1, 0, 2, 2], ['input', 1, 3, 1, 1]]],
    ['unsorted input', [item('holding', 20), item('holding', 0), item('holding', 10)], 10, [['holding', 1, 0, 21, 3]]],
    ['overlapping tags', [item('holding', 0, 4), item('holding', 1), item('holding', 2, 4)], 0, [['holding', 1, 0, 6, 3]]],
    ['a tag inside another', [item('holding', 10, 10), item('holding', 12, 2)], 0, [['holding', 1, 10, 10, 2]]],
    ['same address twice', [item('coil', 5), item('coil', 5)], 0, [['coil', 1, 5, 1, 2]]],
  ])('%s', (_name, items, maxGap, expected) => {
    expect(rows(items, maxGap)).toEqual(expected);
  });

  it('splits registers at 125 per request', () => {
    const items = Array.from({ length: 300 }, (_, i) => item('holding', i));
    expect(rows(items, 10)).toEqual([['holding', 1, 0, 125, 125], ['holding', 1, 125, 125, 125], ['holding', 1, 250, 50, 50]]);
  });

  it('never cuts a multi-register tag at the limit', () => {
    const items = Array.from({ length: 63 }, (_, i) => item('holding', i * 2, 2)); // 126 registers
    expect(rows(items, 0)).toEqual([['holding', 1, 0, 124, 62], ['holding', 1, 124, 2, 1]]);
  });

  it('splits bits at 2000 per request', () => {
    const items = [item('coil', 0), item('coil', 1999), item('coil', 2000), item('discrete', 0), item('discrete', 4000)];
    expect(rows(items, 5000)).toEqual([['coil', 1, 0, 2000, 2], ['coil', 1, 2000, 1, 1], ['discrete', 1, 0, 1, 1], ['discrete', 1, 4000, 1, 1]]);
  });

  it('honours a lower per-device limit', () => {
    const items = Array.from({ length: 10 }, (_, i) => item('input', i));
    expect(rows(items, 0, { maxRegisters: 4 })).toEqual([['input', 1, 0, 4, 4], ['input', 1, 4, 4, 4], ['input', 1, 8, 2, 2]]);
    expect(rows([item('coil', 0), item('coil', 9)], 10, { maxBits: 8 })).toEqual([['coil', 1, 0, 1, 1], ['coil', 1, 9, 1, 1]]);
  });

  it('never spans areas', () => {
    const items = [item('holding', 0), item('input', 1), item('coil', 2), item('discrete', 3), item('holding', 1)];
    expect(rows(items, 10)).toEqual([
      ['coil', 1, 2, 1, 1], ['discrete', 1, 3, 1, 1], ['holding', 1, 0, 2, 2], ['input', 1, 1, 1, 1],
    ]);
  });

  it('never spans unit ids', () => {
    const items = [item('holding', 0, 1, 2), item('holding', 1, 1, 1), item('holding', 2, 1, 2), item('holding', 0, 1, 10)];
    expect(rows(items, 10)).toEqual([['holding', 1, 1, 1, 1], ['holding', 2, 0, 3, 2], ['holding', 10, 0, 1, 1]]);
  });

  it('keeps each item with its batch', () => {
    const a = item('holding', 0, 2);
    const b = item('holding', 40, 2);
    const batches = planBatches([b, a], { maxGap: 10 });
    expect(batches.map((x) => x.items)).toEqual([[a], [b]]);
  });

  it('refuses an item larger than one request', () => {
    expect(() => planBatches([item('holding', 0, 126)], { maxGap: 0 })).toThrow(/more than one request may read \(125\)/);
  });
});
