/**
 * Exponential backoff with jitter, and an abortable sleep: the supervisor's timing pieces.
 * A link that was up and broke is most likely a peer restarting, which comes back within seconds:
 * for a while after such a break the delay stays short, so data flows again a second or two after
 * the peer is back instead of waiting out a long backoff. A peer never seen backs off in full.
 */

export interface BackoffPolicy {
  /** First delay, ms. */
  initialMs: number;
  /** Longest delay, ms. */
  maxMs: number;
  factor: number;
  /** Fraction of the delay that is randomised (0 = none, 1 = full jitter). */
  jitter: number;
  /** Longest delay, ms, while a link that was up broke less than recentWindowMs ago. */
  recentMaxMs?: number;
  recentWindowMs?: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1000, maxMs: 60_000, factor: 2, jitter: 0.5, recentMaxMs: 2000, recentWindowMs: 60_000 };

/** The delay before retry number `attempt` (1-based): grows by `factor`, capped, with jitter so many links don't retry in lockstep. */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const base = Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.max(0, attempt - 1));
  const spread = base * policy.jitter;
  return Math.round(base - spread + spread * random());
}

/**
 * The delay before retry number `attempt`, given how long ago (ms) a link that was up broke
 * (undefined when the peer has not been seen since the last start or the break is old news):
 * capped at recentMaxMs within recentWindowMs of the break, the full backoff otherwise.
 */
export function retryDelay(attempt: number, sinceBreakMs: number | undefined, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const recent = sinceBreakMs !== undefined && policy.recentMaxMs !== undefined && sinceBreakMs < (policy.recentWindowMs ?? 0);
  return backoffDelay(attempt, recent ? { ...policy, maxMs: Math.min(policy.maxMs, policy.recentMaxMs!) } : policy, random);
}

/** Timers the supervisor uses; tests pass fake ones. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Resolve after `ms`, or at once when `signal` aborts (resolves false then). */
export function sleep(clock: Clock, ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = () => {
      clock.clearTimeout(handle);
      resolve(false);
    };
    const handle = clock.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
