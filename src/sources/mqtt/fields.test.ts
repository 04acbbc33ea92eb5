import { describe, expect, it } from 'vitest';
import { parsePayloadQuality, parsePayloadTime } from './fields.js';

const T = Date.UTC(2026, 10, 23, 8, 0, 0);

describe('payload timestamps', () => {
  it.each<[unknown, number | undefined]>([
    [T, T],
    [T / 1000, T],
    [T / 1000 + 0.25, T + 250],
    [T * 1000, T],
    [T * 1_000_000, T],
    [String(T), T],
    [String(T / 1000), T],
    ['2026-11-23T08:00:00Z', T],
    ['2026-11-23T09:00:00+01:00', T],
    ['2026-11-23T08:00:00.000Z', T],
    ['yesterday', undefined],
    ['', undefined],
    [-1, undefined],
    [null, undefined],
    [true, undefined],
    ['2026-13-45T99:00:00Z', undefined],
  ])('%j is %s', (v, ms) => {
    expect(parsePayloadTime(v)).toBe(ms);
  });
});

describe('payload qualities', () => {
  it.each<[unknown, unknown]>([
    ['good', { quality: 'good' }],
    ['Uncertain', { quality: 'uncertain' }],
    ['BAD', { quality: 'bad' }],
    [true, { quality: 'good' }],
    [false, { quality: 'bad' }],
    [0, { quality: 'good', statusCode: 0 }],
    [0x40920000, { quality: 'uncertain', statusCode: 0x40920000 }],
    [0x80340000, { quality: 'bad', statusCode: 0x80340000 }],
    ['ok', undefined],
    [-1, undefined],
    [1.5, undefined],
    [null, undefined],
  ])('%j is %j', (v, q) => {
    expect(parsePayloadQuality(v)).toEqual(q);
  });
});
