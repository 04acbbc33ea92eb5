import { describe, expect, it } from 'vitest';
import { MemoryHistorian } from '../memory.js';
import type { StoredSample } from '../types.js';
import { planAggregates, queryAggregates } from './aggregate.js';
import type { AggregateRequest } from './types.js';

const MIN = 60_000;
const T = Date.UTC(2026, 10, 23, 8, 0, 0);
const s = (path: string, minute: number, value: number): StoredSample => ({ path, ts: T + minute * MIN, value, quality: 'good' });
const BASE: AggregateRequest = { paths: ['a'], from: T, to: T + 30 * MIN, interval: '10m', agg: 'avg' };

describe('planAggregates', () => {
  it.each<[string, Partial<AggregateRequest>, RegExp]>([
    ['no paths', { paths: [] }, /no paths/],
    ['from after to', { from: T + 1, to: T }, /is not before/],
    ['a time that is not one', { from: NaN }, /epoch milliseconds/],
    ['an unknown agg', { agg: 'median' as never }, /agg "median"/],
    ['an unknown fill', { fill: 'zero' as never }, /fill "zero"/],
    ['an unknown zone', { timeZone: 'Mars/Olympus' }, /Mars\/Olympus/],
    ['a bad interval', { interval: '10 minutes' }, /interval "10 minutes"/],
    ['too many buckets', { interval: 1, to: T + 86_400_000 }, /more than/],
    ['a bad rollover', { counter: () => ({ rolloverAt: -1 }) }, /rollover value of a/],
  ])('refuses %s', (_name, change, message) => {
    expect(() => planAggregates({ ...BASE, ...change })).toThrow(expect.objectContaining({ code: 'CW_HISTORIAN_QUERY_INVALID', message: expect.stringMatching(message) }));
  });

  it('widens the range to whole buckets', () => {
    expect(planAggregates({ ...BASE, from: T + 5 * MIN, to: T + 25 * MIN }).edges).toEqual([T, T + 10 * MIN, T + 20 * MIN, T + 30 * MIN]);
  });
});

describe('queryAggregates', () => {
  it('answers each path once, in the order asked, whatever the page size', async () => {
    const h = new MemoryHistorian();
    // b: 1 and 3 in bucket 0, 5 in bucket 2; a: 10 in bucket 1.
    await h.write([s('b', 1, 1), s('b', 2, 3), s('a', 12, 10), s('b', 25, 5)]);
    for (const pageSize of [1, 2, 100]) {
      const got = await queryAggregates(h, { ...BASE, paths: ['b', 'a', 'b'], fill: 'previous' }, { pageSize });
      expect(got.map((x) => [x.path, x.buckets.map((b) => b.value)])).toEqual([
        ['b', [2, 2, 5]],
        ['a', [null, 10, 10]],
      ]);
    }
  });

  it('asks each path for its interpolation and rollover', async () => {
    const h = new MemoryHistorian();
    // Both counters: 90 before the range, 10 in bucket 0. Rollover at 100: 100 - 90 + 10 = 20; reset: 10.
    await h.write([s('c1', -5, 90), s('c1', 5, 10), s('c2', -5, 90), s('c2', 5, 10)]);
    const got = await queryAggregates(h, { ...BASE, paths: ['c1', 'c2'], agg: 'delta', interval: '30m', counter: (p) => (p === 'c1' ? { rolloverAt: 100, onDrop: 'rollover' } : undefined) });
    expect(got.map((x) => x.buckets[0]!.value)).toEqual([20, 10]);
  });
});
