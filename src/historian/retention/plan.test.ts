import { describe, expect, it } from 'vitest';
import { parseKeep, planRetention, retentionPolicy } from './plan.js';

const H = 3_600_000;
const D = 24 * H;
const NOW = Date.UTC(2026, 10, 23);

describe('retention keep', () => {
  it.each([
    ['12h', 12 * H], ['90d', 90 * D], ['4w', 28 * D], ['2y', 730 * D], ['forever', Infinity],
    ['0d', /count above 0/], ['90', /unit/], ['1mo', /unit/], ['-1d', /unit/], ['', /unit/],
  ] as const)('%s', (keep, want) => {
    const got = parseKeep(keep);
    if (typeof want === 'number') expect(got).toBe(want);
    else expect(got).toMatch(want);
  });
});

describe('retention plan', () => {
  const tags = [
    { id: 1, path: 'acme/springfield/line1/speed' },
    { id: 2, path: 'sim/temperature' },
    { id: 3, path: 'sim/area/temperature' },
    { id: 4, path: 'acme/shelbyville/line1/speed' },
    { id: 5, path: 'acme/springfield/line2/speed' },
  ];

  it('lets the first matching rule decide, one group per rule', () => {
    const policy = retentionPolicy([
      { paths: 'acme/springfield/**', keep: '90d' },
      { paths: 'sim/*', keep: '12h' },
      { paths: '**', keep: '2y' },
    ]);
    expect(planRetention(policy, tags, NOW)).toEqual({
      groups: [
        { paths: 'acme/springfield/**', cutoff: NOW - 90 * D, tagIds: [1, 5] },
        { paths: 'sim/*', cutoff: NOW - 12 * H, tagIds: [2] },
        { paths: '**', cutoff: NOW - 730 * D, tagIds: [3, 4] },
      ],
      allBefore: NOW - 730 * D,
    });
  });

  it('keeps tags no rule matches, and those whose rule says forever', () => {
    const policy = retentionPolicy([{ paths: 'sim/**', keep: 'forever' }, { paths: 'acme/springfield/*/speed', keep: '1d' }]);
    expect(planRetention(policy, tags, NOW)).toEqual({ groups: [{ paths: 'acme/springfield/*/speed', cutoff: NOW - D, tagIds: [1, 5] }], allBefore: -Infinity });
    expect(planRetention(policy, [], NOW)).toEqual({ groups: [], allBefore: -Infinity });
  });

  it('names the bad rule', () => {
    expect(() => retentionPolicy([{ paths: '**', keep: '2y' }, { paths: 'a//b', keep: '1d' }])).toThrow(/retention rule 2: .*empty segment/);
    expect(() => retentionPolicy([{ paths: '**', keep: '3 months' }])).toThrow(/retention rule 1: keep "3 months"/);
  });
});
