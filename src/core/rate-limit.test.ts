import { describe, expect, it } from 'vitest';
import { TokenBucket } from './rate-limit.js';

describe('token bucket', () => {
  it('allows a burst, then refills at the rate and says when to come back', () => {
    const b = new TokenBucket(2, 3, 0);
    expect([b.take(0), b.take(0), b.take(0)].every((r) => r.ok)).toBe(true);
    expect(b.take(0)).toEqual({ ok: false, retryAfterMs: 500 });
    expect(b.take(250)).toEqual({ ok: false, retryAfterMs: 250 });
    expect(b.take(500)).toEqual({ ok: true });
    expect(b.take(10_000).ok).toBe(true);
    // Never more than the burst, however long it waited.
    b.take(10_000);
    b.take(10_000);
    expect(b.take(10_000).ok).toBe(false);
  });

  it('refuses a request larger than the burst for good', () => {
    expect(new TokenBucket(1, 2, 0).take(0, 3)).toEqual({ ok: false, retryAfterMs: Number.POSITIVE_INFINITY });
  });
});
