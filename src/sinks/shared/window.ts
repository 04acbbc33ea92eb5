/** Bounded concurrency for sinks that publish one message per sample and await every acknowledgement. */

/**
 * Run `task` on every item, started in order, with at most `limit` unfinished at once, so memory
 * stays bounded however large the batch. Resolves when every task resolved; rejects with the first
 * failure and starts no task after it (tasks already started finish on their own).
 */
export function forEachBounded<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  if (!(limit >= 1)) return Promise.reject(new RangeError(`limit must be at least 1, not ${limit}`));
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let running = 0;
    let failed = false;
    const settle = (error?: unknown, hasError = false) => {
      running--;
      if (failed) return;
      if (hasError) {
        failed = true;
        reject(error);
      } else if (next >= items.length && running === 0) {
        resolve();
      } else {
        launch();
      }
    };
    const launch = () => {
      while (!failed && running < limit && next < items.length) {
        const i = next++;
        running++;
        let p: Promise<void>;
        try {
          p = task(items[i] as T, i);
        } catch (e) {
          p = Promise.reject(e);
        }
        p.then(() => settle(), (e: unknown) => settle(e, true));
      }
    };
    if (items.length === 0) resolve();
    else launch();
  });
}
