import { describe, expect, it } from 'vitest';
import type { Sample } from '../../core/sample.js';
import type { StoredSample } from '../types.js';
import {
  checkedLimit, collectMatches, decodeValue, mergeSorted, qualityCode, qualityOf, sampleProblem, timeBounds, toRow, toStored,
} from './encoding.js';

const ok: Sample = { path: 'a/b', value: 1, ts: 1000, quality: 'good' };

describe('quality codes', () => {
  it.each([
    ['good', 0],
    ['uncertain', 1],
    ['bad', 2],
  ] as const)('%s is stored as %i and read back', (q, code) => {
    expect(qualityCode(q)).toBe(code);
    expect(qualityOf(code)).toBe(q);
  });

  it('reads an unknown code as bad', () => {
    expect(qualityOf(7)).toBe('bad');
  });
});

describe('sampleProblem', () => {
  it.each<[string, Partial<Sample> | null, RegExp | undefined]>([
    ['a number', {}, undefined],
    ['a string', { value: '' }, undefined],
    ['a boolean', { value: false }, undefined],
    ['negative zero', { value: -0 }, undefined],
    ['a fractional time', { ts: 1000.7 }, undefined],
    ['NaN', { value: NaN }, /not a finite number/],
    ['Infinity', { value: Infinity }, /not a finite number/],
    ['-Infinity', { value: -Infinity }, /not a finite number/],
    ['null value', { value: null as unknown as number }, /type null/],
    ['object value', { value: {} as unknown as number }, /type object/],
    ['empty path', { path: '' }, /path is empty/],
    ['NaN time', { ts: NaN }, /not epoch milliseconds/],
    ['huge time', { ts: 1e300 }, /not epoch milliseconds/],
    ['unknown quality', { quality: 'GOOD' as 'good' }, /quality "GOOD"/],
    ['null sample', null, /not an object/],
  ])('%s', (_name, patch, problem) => {
    const s = (patch === null ? null : { ...ok, ...patch }) as Sample;
    const got = sampleProblem(s);
    if (problem === undefined) expect(got).toBeUndefined();
    else expect(got).toMatch(problem);
  });
});

describe('rows', () => {
  it('encodes a sample and truncates sub-millisecond time', () => {
    expect(toRow({ path: 'p', value: 'x', ts: 1234.9, quality: 'uncertain' }, 7)).toEqual({ tagId: 7, path: 'p', ts: 1234, quality: 1, value: 'x' });
  });

  it('round-trips through toStored', () => {
    expect(toStored(toRow({ path: 'p', value: true, ts: 5, quality: 'bad' }, 1))).toEqual({ path: 'p', ts: 5, value: true, quality: 'bad' });
  });

  it.each([
    [[1.5, null, null], 1.5],
    [[0, null, null], 0],
    [[null, 'on', null], 'on'],
    [[null, '', null], ''],
    [[null, null, false], false],
    [[null, null, true], true],
  ] as const)('decodes %j as %j', ([n, s, b], want) => {
    expect(decodeValue(n, s, b)).toBe(want);
  });
});

describe('collectMatches', () => {
  it('keeps wanted tags inside [from, to) among the first n rows', () => {
    const rows = [
      toRow({ path: 'a', value: 1, ts: 10, quality: 'good' }, 1),
      toRow({ path: 'b', value: 2, ts: 10, quality: 'good' }, 2),
      toRow({ path: 'a', value: 3, ts: 20, quality: 'good' }, 1),
      toRow({ path: 'a', value: 4, ts: 15, quality: 'good' }, 1),
      toRow({ path: 'a', value: 5, ts: 12, quality: 'good' }, 1),
    ];
    const out: StoredSample[] = [];
    collectMatches(rows, 4, new Set([1]), { from: 10, to: 20 }, out);
    expect(out.map((s) => s.value)).toEqual([1, 4]);
  });
});

describe('mergeSorted', () => {
  const s = (ts: number, path: string): StoredSample => ({ ts, path, value: 0, quality: 'good' });

  it('merges by time, then path', () => {
    const merged = mergeSorted([s(1, 'a'), s(3, 'a'), s(3, 'c')], [s(2, 'z'), s(3, 'b'), s(4, 'a')]);
    expect(merged.map((x) => `${x.ts}${x.path}`)).toEqual(['1a', '2z', '3a', '3b', '3c', '4a']);
  });

  it('stops at the limit', () => {
    expect(mergeSorted([s(1, 'a'), s(3, 'a')], [s(2, 'a')], 2).map((x) => x.ts)).toEqual([1, 2]);
    expect(mergeSorted([s(1, 'a')], [], 0)).toEqual([]);
  });
});

describe('query checks', () => {
  it.each([
    [0, 10, { from: 0, to: 10 }],
    [0.5, 10.5, { from: 1, to: 11 }],
    [-Infinity, Infinity, { from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER }],
  ])('bounds [%d, %d)', (from, to, want) => {
    expect(timeBounds(from, to)).toEqual(want);
  });

  it('refuses NaN bounds', () => {
    expect(timeBounds(NaN, 1)).toMatch(/from/);
    expect(timeBounds(0, NaN)).toMatch(/to/);
  });

  it.each([
    [undefined, Infinity],
    [0, 0],
    [5, 5],
  ])('limit %s', (limit, want) => {
    expect(checkedLimit(limit)).toBe(want);
  });

  it.each([-1, 1.5, NaN])('refuses limit %d', (limit) => {
    expect(checkedLimit(limit)).toMatch(/whole number/);
  });
});
