/**
 * Failed attempts per key (a user name and a source address, or an address alone), with pauses
 * that grow: the first `freeFailures` failures cost nothing, each one after that pauses the key
 * for `firstPauseMs`, then twice that, up to `maxPauseMs`. An attempt made while paused is refused
 * without checking the credential and counts as a failure, so a script that keeps trying only
 * lengthens its own pause. The key is the pair, never the account alone: failures from one address
 * never stop the account's owner signing in from another (IEC 62443-4-2 CR 1.11 without the denial
 * of service). Kept in memory, bounded: the oldest keys are forgotten first.
 */

export interface ThrottlePolicy {
  /** Failures in a row that cost nothing. */
  freeFailures: number;
  /** The first pause. */
  firstPauseMs: number;
  /** The longest pause. */
  maxPauseMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

interface Entry {
  failures: number;
  lastAt: number;
  pausedUntil: number;
}

/** The pause after the n-th failure in a row (0 while the failures are free). */
export function pauseAfter(failures: number, p: ThrottlePolicy): number {
  const over = failures - p.freeFailures;
  if (over <= 0) return 0;
  // 2 ** 30 ms is already 12 days: never an overflow, always capped by maxPauseMs.
  return Math.min(p.maxPauseMs, p.firstPauseMs * 2 ** Math.min(over - 1, 30));
}

/** The key of a user name tried from an address. */
export function pairKey(username: string, address: string | undefined): string {
  return `${username.toLowerCase().slice(0, 256)}\u0000${address ?? '?'}`;
}

export class Throttle {
  readonly #policy: ThrottlePolicy;
  readonly #maxKeys: number;
  // A Map keeps insertion order: re-inserting on each failure keeps the freshest at the end.
  readonly #entries = new Map<string, Entry>();

  constructor(policy: ThrottlePolicy, maxKeys = 100_000) {
    this.#policy = policy;
    this.#maxKeys = maxKeys;
  }

  /** Until when the key is paused, if it is. */
  pausedUntil(key: string, now: number): number | undefined {
    const e = this.#live(key, now);
    return e && e.pausedUntil > now ? e.pausedUntil : undefined;
  }

  /** Count a failure (or an attempt while paused); returns the end of the pause it starts, if any. */
  fail(key: string, now: number): number | undefined {
    const failures = (this.#live(key, now)?.failures ?? 0) + 1;
    const pause = pauseAfter(failures, this.#policy);
    const entry = { failures, lastAt: now, pausedUntil: pause > 0 ? now + pause : 0 };
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > this.#maxKeys) this.#entries.delete(this.#entries.keys().next().value!);
    return pause > 0 ? entry.pausedUntil : undefined;
  }

  /** Forget the key's failures (a success). */
  clear(key: string): void {
    this.#entries.delete(key);
  }

  /** Failures in a row counted for the key. */
  failures(key: string, now: number): number {
    return this.#live(key, now)?.failures ?? 0;
  }

  #live(key: string, now: number): Entry | undefined {
    const e = this.#entries.get(key);
    if (e && now - e.lastAt >= this.#policy.windowMs && e.pausedUntil <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    return e;
  }
}
