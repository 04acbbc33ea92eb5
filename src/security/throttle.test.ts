import { describe, expect, it } from 'vitest';
import { pairKey, pauseAfter, Throttle } from './throttle.js';

const policy = { freeFailures: 4, firstPauseMs: 30_000, maxPauseMs: 15 * 60_000, windowMs: 3_600_000 };

describe('the throttle', () => {
  it.each([
    [1, 0], [4, 0], [5, 30_000], [6, 60_000], [7, 120_000], [9, 480_000], [10, 900_000], [1000, 900_000],
  ])('pauses for the right time after failure %i', (failures, pause) => {
    expect(pauseAfter(failures, policy)).toBe(pause);
  });

  it('keys a user name by address, whatever its case', () => {
    expect(pairKey('Ana', '10.0.0.1')).toBe(pairKey('ana', '10.0.0.1'));
    expect(pairKey('ana', '10.0.0.1')).not.toBe(pairKey('ana', '10.0.0.2'));
  });

  it('forgets the oldest keys beyond its bound', () => {
    const t = new Throttle(policy, 2);
    for (const k of ['a', 'b', 'c']) t.fail(k, 0);
    expect([t.failures('a', 1), t.failures('b', 1), t.failures('c', 1)]).toEqual([0, 1, 1]);
  });

  it('keeps a key that is paused past the window until the pause ends', () => {
    const t = new Throttle({ ...policy, freeFailures: 0, firstPauseMs: 10_000, windowMs: 1000 });
    const until = t.fail('k', 0)!;
    expect(t.pausedUntil('k', 5000)).toBe(until);
    expect(t.pausedUntil('k', 10_000)).toBeUndefined();
  });
});
