import { describe, expect, it } from 'vitest';
import { CausewayError } from '../core/errors.js';
import { BoundedQueue, backoffDelay, type BoundedQueueOptions, type DropReason } from './queue.js';

/** Let every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Gate {
  promise: Promise<void>;
  open: () => void;
}
function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** A queue whose handler blocks on a gate per item, recording what it handled and dropped. */
function harness(options: Partial<BoundedQueueOptions<string>> = {}) {
  const gates = new Map<string, Gate>();
  const started: string[] = [];
  const handled: string[] = [];
  const dropped: Array<[string, DropReason]> = [];
  const gateOf = (item: string) => gates.get(item) ?? (gates.set(item, gate()), gates.get(item)!);
  const queue = new BoundedQueue<string>({
    name: 'historian',
    capacity: 2,
    handle: async (item) => {
      started.push(item);
      await gateOf(item).promise;
      handled.push(item);
    },
    onDrop: (item, reason) => dropped.push([item, reason]),
    ...options,
  });
  return { queue, started, handled, dropped, release: (item: string) => gateOf(item).open() };
}

/** Track whether a promise has settled yet. */
function track<T>(p: Promise<T>): { settled: () => boolean; value: () => T | undefined } {
  let done = false;
  let value: T | undefined;
  void p.then((v) => {
    done = true;
    value = v;
  });
  return { settled: () => done, value: () => value };
}

describe('BoundedQueue', () => {
  it('accepts at once while there is room and handles items one at a time, in order', async () => {
    const h = harness({ capacity: 3 });
    expect(await Promise.all([h.queue.offer('a'), h.queue.offer('b'), h.queue.offer('c')])).toEqual(['accepted', 'accepted', 'accepted']);
    await settle();
    expect(h.started).toEqual(['a']);
    expect(h.queue.depth).toBe(3);
    for (const item of ['a', 'b', 'c']) h.release(item);
    await h.queue.drain();
    expect(h.handled).toEqual(['a', 'b', 'c']);
    expect(h.queue.depth).toBe(0);
  });

  it('makes an offer to a full queue wait until the consumer finishes one (backpressure)', async () => {
    const h = harness({ capacity: 1 });
    expect(await h.queue.offer('a')).toBe('accepted');
    const b = track(h.queue.offer('b'));
    await settle();
    expect(b.settled()).toBe(false);
    expect(h.queue.waiting).toBe(1);
    h.release('a');
    await settle();
    expect(b.value()).toBe('accepted');
    expect(h.queue.waiting).toBe(0);
    h.release('b');
    await h.queue.drain();
    expect(h.handled).toEqual(['a', 'b']);
  });

  it('lets only a bounded number of offers wait and drops the rest as queue_full', async () => {
    const h = harness({ capacity: 1, maxWaiting: 2 });
    await h.queue.offer('a');
    const waiting = [track(h.queue.offer('b')), track(h.queue.offer('c'))];
    expect(await h.queue.offer('d')).toBe('dropped');
    expect(await h.queue.offer('e')).toBe('dropped');
    expect(h.dropped).toEqual([['d', 'queue_full'], ['e', 'queue_full']]);
    expect(h.queue.stats()).toMatchObject({ depth: 1, waiting: 2, capacity: 1, maxWaiting: 2, dropped: { queue_full: 2 } });
    for (const item of ['a', 'b', 'c']) h.release(item);
    await h.queue.drain();
    expect(waiting.map((w) => w.value())).toEqual(['accepted', 'accepted']);
    expect(h.handled).toEqual(['a', 'b', 'c']);
  });

  it('with maxWaiting 0 never makes the caller wait: a full queue drops at once', async () => {
    const h = harness({ capacity: 1, maxWaiting: 0 });
    expect(await h.queue.offer('a')).toBe('accepted');
    expect(await h.queue.offer('b')).toBe('dropped');
    h.release('a');
    await h.queue.drain();
    expect(h.dropped).toEqual([['b', 'queue_full']]);
  });

  it('retries a retryable failure with growing waits, holding the queue, then delivers everything in order', async () => {
    const waits: number[] = [];
    const retryGate = gate();
    let failures = 2;
    const handled: string[] = [];
    const queue = new BoundedQueue<string>({
      name: 'uns',
      capacity: 1,
      handle: async (item) => {
        if (item === 'a' && failures-- > 0) throw new CausewayError('CW_SINK_SEND_FAILED', { sink: 'uns', reason: 'broker unreachable' });
        handled.push(item);
      },
      delay: async (ms) => {
        waits.push(ms);
        if (waits.length === 1) await retryGate.promise;
      },
    });
    await queue.offer('a');
    const b = track(queue.offer('b'));
    await settle();
    // While 'a' waits for its retry the consumer is blocked: 'b' is not even accepted yet.
    expect(handled).toEqual([]);
    expect(b.settled()).toBe(false);
    retryGate.open();
    await queue.drain();
    expect(handled).toEqual(['a', 'b']);
    expect(waits).toEqual([100, 200]);
    expect(queue.stats()).toMatchObject({ delivered: 2, retries: 2, dropped: { queue_full: 0, consumer_error: 0, closed: 0 } });
  });

  it('waits at least as long as the consumer asked (Retry-After) before retrying', async () => {
    const waits: number[] = [];
    let failures = 1;
    const queue = new BoundedQueue<string>({
      name: 'webhook',
      capacity: 2,
      handle: async () => {
        if (failures-- > 0) throw new CausewayError('CW_SINK_SEND_FAILED', { sink: 'erp', reason: 'HTTP 503' }, { retryAfterSeconds: 17 });
      },
      delay: async (ms) => void waits.push(ms),
    });
    await queue.offer('a');
    await queue.drain();
    expect(waits).toEqual([17_000]);
  });

  it('drops a batch on a non-retryable failure, counts it, and goes on with the next', async () => {
    const errors: unknown[] = [];
    const dropped: Array<[string, DropReason]> = [];
    const handled: string[] = [];
    const queue = new BoundedQueue<string>({
      name: 'webhook',
      capacity: 4,
      handle: async (item) => {
        if (item === 'b') throw new TypeError('cannot read properties of undefined');
        if (item === 'c') throw new CausewayError('CW_API_BAD_REQUEST', { problem: 'payload refused' });
        handled.push(item);
      },
      onError: (e, _item, info) => errors.push([(e as Error).message, info.retrying]),
      onDrop: (item, reason) => dropped.push([item, reason]),
      delay: () => Promise.reject(new Error('must not wait')),
    });
    for (const item of ['a', 'b', 'c', 'd']) await queue.offer(item);
    await queue.drain();
    expect(handled).toEqual(['a', 'd']);
    expect(dropped).toEqual([['b', 'consumer_error'], ['c', 'consumer_error']]);
    expect(errors).toEqual([['cannot read properties of undefined', false], ['The request is not valid: payload refused.', false]]);
    expect(queue.stats().dropped.consumer_error).toBe(2);
  });

  it('drains only once every accepted and waiting item is handled', async () => {
    const h = harness({ capacity: 1 });
    await h.queue.offer('a');
    void h.queue.offer('b');
    const drained = track(h.queue.drain());
    h.release('a');
    await settle();
    expect(drained.settled()).toBe(false);
    h.release('b');
    await settle();
    expect(drained.settled()).toBe(true);
    expect(h.handled).toEqual(['a', 'b']);
    await h.queue.drain(); // an idle queue drains at once
  });

  it('on close drops what waits and what is queued, lets the running item finish, and refuses new offers', async () => {
    const h = harness({ capacity: 2 });
    await h.queue.offer('a');
    await h.queue.offer('b');
    const c = track(h.queue.offer('c'));
    await settle();
    const closed = track(h.queue.close());
    await settle();
    expect(c.value()).toBe('dropped');
    expect(closed.settled()).toBe(false);
    h.release('a');
    await settle();
    expect(closed.settled()).toBe(true);
    expect(await h.queue.offer('d')).toBe('dropped');
    expect(h.handled).toEqual(['a']);
    expect(h.dropped).toEqual([['c', 'closed'], ['b', 'closed'], ['d', 'closed']]);
  });

  it('stops retrying when closed', async () => {
    const dropped: DropReason[] = [];
    const queue = new BoundedQueue<string>({
      name: 'nats',
      capacity: 1,
      handle: () => Promise.reject(new CausewayError('CW_SINK_SEND_FAILED', { sink: 'nats', reason: 'no route' })),
      onDrop: (_item, reason) => dropped.push(reason),
      delay: (_ms, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve())),
    });
    await queue.offer('a');
    await settle();
    await queue.close();
    expect(dropped).toEqual(['closed']);
  });

  it.each([
    [1, {}, 100],
    [4, {}, 800],
    [20, {}, 30_000],
    [3, { initialMs: 50, factor: 3, maxMs: 300 }, 300],
  ] as const)('backoff of attempt %d with %j is %d ms', (attempt, options, expected) => {
    expect(backoffDelay(attempt, options)).toBe(expected);
  });

  it('refuses a capacity below one', () => {
    expect(() => new BoundedQueue({ name: 'x', capacity: 0, handle: async () => {} })).toThrow(/capacity/);
  });
});
