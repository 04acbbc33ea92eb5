import { describe, expect, it } from 'vitest';
import type { Quality, Value } from '../../core/sample.js';
import { MemoryHistorian } from '../memory.js';
import type { StoredSample } from '../types.js';
import { interpolateAt, valuesAt } from './interpolate.js';

const T = Date.UTC(2026, 10, 23, 8, 0, 0);
const s = (path: string, dt: number, value: Value, quality: Quality = 'good'): StoredSample => ({ path, ts: T + dt, value, quality });

describe('interpolateAt', () => {
  it.each([
    // 10 at 0 and 20 at 1000: at 250 the line gives 10 + 10 * 250 / 1000 = 12.5.
    ['linear between numbers', 'linear', s('p', 0, 10), s('p', 1000, 20, 'uncertain'), { value: 12.5, method: 'linear', quality: 'uncertain', priorTs: T, nextTs: T + 1000 }],
    ['step holds', 'step', s('p', 0, 10), s('p', 1000, 20), { value: 10, method: 'step', quality: 'good', priorTs: T }],
    ['booleans step on a linear path', 'linear', s('p', 0, true), s('p', 1000, false), { value: true, method: 'step' }],
    ['strings step', 'linear', s('p', 0, 'A'), s('p', 1000, 'B'), { value: 'A', method: 'step' }],
    ['no later sample: the last value holds', 'linear', s('p', 0, 10), undefined, { value: 10, method: 'step' }],
    ['no earlier sample: no value', 'linear', undefined, s('p', 1000, 20), { value: null, method: 'none' }],
  ] as const)('%s', (_name, mode, before, after, expected) => {
    expect(interpolateAt('p', T + 250, mode, before, after)).toMatchObject({ path: 'p', ts: T + 250, ...expected });
  });

  it('is exact on a sample', () => {
    expect(interpolateAt('p', T, 'linear', s('p', 0, 10), s('p', 1000, 20))).toEqual({ path: 'p', ts: T, value: 10, quality: 'good', method: 'exact', priorTs: T });
  });
});

describe('valuesAt', () => {
  it('answers every path once, skipping bad samples, with each path\'s interpolation', async () => {
    const h = new MemoryHistorian();
    await h.write([
      s('a', 0, 10), s('a', 200, 999, 'bad'), s('a', 1000, 20),
      s('b', 0, 10), s('b', 1000, 20),
      s('c', 500, 1),
      s('d', 250, 7),
    ]);
    const got = await valuesAt(h, ['a', 'b', 'c', 'd', 'a', 'nothing'], T + 250, (p) => (p === 'b' ? 'step' : 'linear'));
    expect(got.map((v) => [v.path, v.value, v.method])).toEqual([
      ['a', 12.5, 'linear'],
      ['b', 10, 'step'],
      ['c', null, 'none'],
      ['d', 7, 'exact'],
      ['nothing', null, 'none'],
    ]);
  });

  it('refuses a time that is not one', async () => {
    await expect(valuesAt(new MemoryHistorian(), ['a'], NaN)).rejects.toMatchObject({ code: 'CW_HISTORIAN_QUERY_INVALID' });
  });
});
