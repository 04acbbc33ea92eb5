/** A token bucket: `ratePerSecond` tokens refill continuously up to `burst`. Pure; the caller passes the time. */
export class TokenBucket {
  readonly #rate: number;
  readonly #burst: number;
  #tokens: number;
  #at: number;

  constructor(ratePerSecond: number, burst: number, now: number) {
    this.#rate = ratePerSecond;
    this.#burst = burst;
    this.#tokens = burst;
    this.#at = now;
  }

  /** Take `n` tokens if there are enough; otherwise take none and say how long until there will be (ms). */
  take(now: number, n = 1): { ok: true } | { ok: false; retryAfterMs: number } {
    this.#refill(now);
    if (this.#tokens >= n) {
      this.#tokens -= n;
      return { ok: true };
    }
    if (n > this.#burst || this.#rate <= 0) return { ok: false, retryAfterMs: Number.POSITIVE_INFINITY };
    return { ok: false, retryAfterMs: Math.ceil(((n - this.#tokens) / this.#rate) * 1000) };
  }

  #refill(now: number): void {
    const elapsed = Math.max(0, now - this.#at) / 1000;
    this.#tokens = Math.min(this.#burst, this.#tokens + elapsed * this.#rate);
    this.#at = now;
  }
}
