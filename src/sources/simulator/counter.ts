/**
 * Integer production counters. The count at step k is a pure function of the running time before
 * k (all steps, or the steps a machine-state tag spent running), so it is monotonic between
 * resets, exact over skipped steps, and never drifts with poll timing.
 */

export interface CounterSpec {
  ratePerSecond: number;
  /** Wraps to 0 on reaching this value (default 2^32). */
  rolloverAt?: number;
  start?: number;
  /** Seconds between resets to 0, as a PLC counter reset at shift change. */
  resetEvery?: number;
}

export const DEFAULT_ROLLOVER = 4294967296;

/** Whole counts produced at `ratePerSecond` over `seconds`, robust to float tails (0.29 * 100). */
export function countsIn(ratePerSecond: number, seconds: number): number {
  const x = ratePerSecond * seconds;
  return Math.floor(x + Math.max(1e-9, Math.abs(x) * 1e-12));
}

/** A running total as a counter register of `rolloverAt` values shows it. */
export function wrap(total: number, rolloverAt: number): number {
  return total % rolloverAt;
}

/** Steps between resets, or undefined when the counter never resets. */
export function resetSteps(spec: CounterSpec, periodSeconds: number): number | undefined {
  return spec.resetEvery === undefined ? undefined : Math.max(1, Math.round(spec.resetEvery / periodSeconds));
}

/**
 * The counter value at step k. `runningBefore(j)` is the number of counting steps in [0, j):
 * j itself for a free-running counter, a machine's running steps for a `whileRunning` one.
 * It is only asked for k and for the last reset step at or before k.
 */
export function counterAt(spec: CounterSpec, periodSeconds: number, k: number, runningBefore: (j: number) => number): number {
  const every = resetSteps(spec, periodSeconds);
  const epoch = every === undefined ? 0 : Math.floor(k / every);
  const since = epoch === 0 ? 0 : runningBefore(epoch * every!);
  const counted = countsIn(spec.ratePerSecond, (runningBefore(k) - since) * periodSeconds);
  const total = (epoch === 0 ? (spec.start ?? 0) : 0) + counted;
  return wrap(total, spec.rolloverAt ?? DEFAULT_ROLLOVER);
}
