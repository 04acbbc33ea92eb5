import { describe, expect, it } from 'vitest';
import { WriteBuffer } from './buffer.js';

/** Resolves to 'accepted' when p settles first, 'waiting' when it is still pending after a tick. */
async function state(p: Promise<void>): Promise<'accepted' | 'waiting'> {
  return Promise.race([p.then(() => 'accepted' as const), new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), 10))]);
}

describe('WriteBuffer', () => {
  it('admits while there is room and reports every admitted row', async () => {
    const seen: number[] = [];
    const b = new WriteBuffer<number>(3, (rows) => seen.push(...rows));
    await b.offer([1, 2]);
    await b.offer([3]);
    expect(b.size).toBe(3);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('makes a batch wait while full and admits it when a flush commits', async () => {
    const b = new WriteBuffer<number>(2, () => undefined);
    await b.offer([1, 2]);
    const third = b.offer([3]);
    expect(await state(third)).toBe('waiting');
    expect(b.take().flat()).toEqual([1, 2]);
    expect(b.size).toBe(2); // inflight rows still count
    expect(await state(third)).toBe('waiting');
    b.commit();
    expect(await state(third)).toBe('accepted');
    expect(b.size).toBe(1);
  });

  it('admits waiters in arrival order, and a later small batch does not overtake', async () => {
    const order: number[] = [];
    const b = new WriteBuffer<number>(2, (rows) => order.push(...rows));
    await b.offer([1, 2]);
    const big = b.offer([3, 4]);
    const small = b.offer([5]);
    expect(await state(small)).toBe('waiting');
    b.take();
    b.commit();
    await big;
    expect(await state(small)).toBe('waiting');
    b.take();
    b.commit();
    await small;
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });

  it('admits a batch larger than the bound once the buffer is empty', async () => {
    const b = new WriteBuffer<number>(2, () => undefined);
    await b.offer([1, 2, 3, 4]);
    expect(b.size).toBe(4);
  });

  it('puts rows of a failed flush back in front, in order', async () => {
    const b = new WriteBuffer<number>(10, () => undefined);
    await b.offer([1, 2]);
    b.take();
    await b.offer([3]);
    b.restore();
    expect(b.take().flat()).toEqual([1, 2, 3]);
  });

  it('keeps snapshots stable while rows arrive and flushes swap arrays', async () => {
    const b = new WriteBuffer<number>(10, () => undefined);
    await b.offer([1]);
    b.take();
    await b.offer([2]);
    const snap = b.snapshot();
    await b.offer([3]);
    b.restore();
    expect(snap.inflight.flat()).toEqual([1]);
    expect(snap.pending.flat()).toEqual([2]);
  });

  it('keeps the batches as they arrived, without copying them', async () => {
    const b = new WriteBuffer<number>(10, () => undefined);
    const first = [1, 2];
    await b.offer(first);
    await b.offer([]);
    await b.offer([3]);
    const taken = b.take();
    expect(taken).toHaveLength(2);
    expect(taken[0]).toBe(first);
    expect(b.size).toBe(3);
  });

  it('refuses a second take while a flush is in progress', async () => {
    const b = new WriteBuffer<number>(10, () => undefined);
    await b.offer([1]);
    b.take();
    expect(() => b.take()).toThrow(/in progress/);
  });
});
