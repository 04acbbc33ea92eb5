import { describe, expect, it } from 'vitest';
import { forEachBounded } from './window.js';

/** A task whose completions the test controls: each call waits for release(i). */
function controlled() {
  const started: number[] = [];
  const pending = new Map<number, { resolve: () => void; reject: (e: unknown) => void }>();
  let running = 0;
  let maxRunning = 0;
  const task = (_item: string, i: number) =>
    new Promise<void>((resolve, reject) => {
      started.push(i);
      running++;
      maxRunning = Math.max(maxRunning, running);
      const finish = () => {
        running--;
        pending.delete(i);
      };
      pending.set(i, { resolve: () => (finish(), resolve()), reject: (e) => (finish(), reject(e)) });
    });
  const tick = () => new Promise((r) => setImmediate(r));
  return { task, started, pending, tick, max: () => maxRunning };
}

describe('forEachBounded', () => {
  it('resolves at once for no items', async () => {
    await expect(forEachBounded([], 3, () => Promise.reject(new Error('not called')))).resolves.toBeUndefined();
  });

  it('starts items in order and never has more than the limit unfinished', async () => {
    const c = controlled();
    const items = Array.from({ length: 10 }, (_, i) => `s${i}`);
    let done = false;
    const all = forEachBounded(items, 3, c.task).then(() => (done = true));
    await c.tick();
    expect(c.started).toEqual([0, 1, 2]);
    c.pending.get(1)!.resolve();
    await c.tick();
    expect(c.started).toEqual([0, 1, 2, 3]);
    // Release the oldest unfinished task until all are done.
    while (c.pending.size > 0) {
      c.pending.get(Math.min(...c.pending.keys()))!.resolve();
      await c.tick();
    }
    await all;
    expect(done).toBe(true);
    expect(c.started).toEqual(items.map((_, i) => i));
    expect(c.max()).toBe(3);
  });

  it('rejects with the first failure and starts nothing after it', async () => {
    const c = controlled();
    const all = forEachBounded(['a', 'b', 'c', 'd', 'e'], 2, c.task);
    await c.tick();
    const boom = new Error('link down');
    c.pending.get(0)!.reject(boom);
    c.pending.get(1)!.reject(new Error('second'));
    await expect(all).rejects.toBe(boom);
    await c.tick();
    expect(c.started).toEqual([0, 1]);
  });

  it('turns a task that throws synchronously into a rejection', async () => {
    await expect(forEachBounded([1], 1, () => {
      throw new Error('sync');
    })).rejects.toThrow('sync');
  });

  it('refuses a limit below 1', async () => {
    await expect(forEachBounded([1], 0, async () => {})).rejects.toThrow(RangeError);
  });
});
