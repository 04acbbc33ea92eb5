import { describe, expect, it } from 'vitest';
import { LogThrottle } from './log-throttle.js';

describe('LogThrottle', () => {
  it('lets one line per key through each window and reports how many were held back', () => {
    const t = new LogThrottle(60_000);
    expect([t.take('a', 0), t.take('a', 1), t.take('b', 2), t.take('a', 59_999), t.take('a', 60_000), t.take('a', 60_001)]).toEqual([0, undefined, 0, undefined, 2, undefined]);
  });

  it('stays bounded by forgetting the key logged longest ago', () => {
    const t = new LogThrottle(60_000, 3);
    for (const key of ['a', 'b', 'c', 'd']) t.take(key, 0);
    expect(t.size).toBe(3);
    expect(t.take('a', 1)).toBe(0); // forgotten, so it logs again
    expect(t.take('d', 1)).toBeUndefined();
    t.forget((key) => key !== 'd');
    expect(t.size).toBe(1);
  });
});
