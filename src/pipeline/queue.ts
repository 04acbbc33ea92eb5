/**
 * A bounded queue in front of one consumer. The handler runs serially, off the caller's stack.
 *
 * - Room in the queue: offer() resolves 'accepted' at once.
 * - Queue full: offer() waits for room (backpressure), but at most `maxWaiting` offers wait;
 *   beyond that an offer is dropped at once with reason `queue_full`. Memory is therefore bounded
 *   by capacity + maxWaiting items.
 * - Retryable handler error: the same item is retried with capped exponential backoff; the queue
 *   does not move meanwhile, so it fills and backpressure reaches the sources.
 * - Non-retryable error: the item is dropped with reason `consumer_error`; the next one is handled.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { isCausewayError } from '../core/errors.js';

/** Why an item was dropped. */
export type DropReason = 'queue_full' | 'consumer_error' | 'closed' | 'buffer_full';
export type OfferResult = 'accepted' | 'dropped';

export interface HandlerErrorInfo {
  /** 1 for the first failure of this item. */
  attempt: number;
  retrying: boolean;
  /** Wait before the next attempt, when retrying. */
  delayMs?: number;
}

export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  factor?: number;
}

export interface BoundedQueueOptions<T> {
  name: string;
  /** Items (batches) the queue holds, counting the one being handled. */
  capacity: number;
  /** Offers that may wait for room before further offers are dropped; default: capacity. */
  maxWaiting?: number;
  handle: (item: T) => Promise<void>;
  /** Every handler failure, retried or not. */
  onError?: (error: unknown, item: T, info: HandlerErrorInfo) => void;
  onDelivered?: (item: T) => void;
  onDrop?: (item: T, reason: DropReason, error?: unknown) => void;
  /** Default: a CausewayError marked retryable. Anything else is a bug or a refusal: not retried. */
  isRetryable?: (error: unknown) => boolean;
  /** Wait before a retry; rejects or resolves early when the signal aborts (close). Injected in tests. */
  delay?: (ms: number, signal: AbortSignal) => Promise<void>;
  backoff?: BackoffOptions;
}

export interface QueueStats {
  name: string;
  depth: number;
  capacity: number;
  waiting: number;
  maxWaiting: number;
  accepted: number;
  delivered: number;
  retries: number;
  dropped: Record<DropReason, number>;
}

/** A first-in first-out list with O(1) shift. */
class Fifo<T> {
  #items: T[] = [];
  #head = 0;
  get length(): number {
    return this.#items.length - this.#head;
  }
  push(item: T): void {
    this.#items.push(item);
  }
  peek(): T | undefined {
    return this.#items[this.#head];
  }
  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const item = this.#items[this.#head];
    this.#head++;
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }
  /** Remove and return everything from index `from` on. */
  spliceFrom(from: number): T[] {
    return this.#items.splice(this.#head + from);
  }
}

interface Waiter<T> {
  item: T;
  resolve: (result: OfferResult) => void;
}

export function defaultDelay(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal }).catch(function aborted() {});
}

export function defaultIsRetryable(error: unknown): boolean {
  return isCausewayError(error) && error.retryable;
}

/** The wait a failing consumer asked for (an HTTP Retry-After carried on a CausewayError), in ms; 0 when none. */
export function retryAfterMs(error: unknown): number {
  const seconds = (error as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 3600) * 1000 : 0;
}

/** Capped exponential backoff: initial × factor^(attempt-1), at most max. */
export function backoffDelay(attempt: number, b: BackoffOptions = {}): number {
  const initial = b.initialMs ?? 100;
  const max = b.maxMs ?? 30_000;
  return Math.min(max, initial * (b.factor ?? 2) ** (attempt - 1));
}

export class BoundedQueue<T> {
  readonly name: string;
  readonly capacity: number;
  readonly maxWaiting: number;
  readonly #o: BoundedQueueOptions<T>;
  readonly #items = new Fifo<T>();
  readonly #waiters = new Fifo<Waiter<T>>();
  readonly #idle: Array<() => void> = [];
  readonly #abort = new AbortController();
  #running = false;
  #inFlight = false;
  #closed = false;
  readonly #stats = { accepted: 0, delivered: 0, retries: 0, dropped: { queue_full: 0, consumer_error: 0, closed: 0, buffer_full: 0 } };

  constructor(options: BoundedQueueOptions<T>) {
    if (!Number.isInteger(options.capacity) || options.capacity < 1) throw new RangeError(`queue ${options.name}: capacity must be a whole number >= 1`);
    this.#o = options;
    this.name = options.name;
    this.capacity = options.capacity;
    this.maxWaiting = options.maxWaiting ?? options.capacity;
  }

  /** Items accepted and not yet handled, counting the one being handled. */
  get depth(): number {
    return this.#items.length;
  }

  /** Offers waiting for room. */
  get waiting(): number {
    return this.#waiters.length;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Hand over an item: accepted at once, after waiting for room, or dropped. */
  offer(item: T): Promise<OfferResult> {
    if (this.#closed) return Promise.resolve(this.#drop(item, 'closed'));
    if (this.#items.length < this.capacity && this.#waiters.length === 0) {
      this.#accept(item);
      return Promise.resolve('accepted');
    }
    if (this.#waiters.length < this.maxWaiting) {
      return new Promise((resolve) => this.#waiters.push({ item, resolve }));
    }
    return Promise.resolve(this.#drop(item, 'queue_full'));
  }

  /** Resolves once everything accepted or waiting has been handled (or dropped). */
  drain(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /**
   * Stop: later offers, waiting offers and queued items are dropped with reason `closed`; the item
   * being handled finishes its current attempt but is not retried. Resolves when the handler is idle.
   */
  close(): Promise<void> {
    this.#closed = true;
    this.#abort.abort();
    for (let w = this.#waiters.shift(); w; w = this.#waiters.shift()) w.resolve(this.#drop(w.item, 'closed'));
    for (const item of this.#items.spliceFrom(this.#inFlight ? 1 : 0)) this.#drop(item, 'closed');
    return this.drain();
  }

  stats(): QueueStats {
    const { accepted, delivered, retries, dropped } = this.#stats;
    return { name: this.name, depth: this.depth, capacity: this.capacity, waiting: this.waiting, maxWaiting: this.maxWaiting, accepted, delivered, retries, dropped: { ...dropped } };
  }

  #isIdle(): boolean {
    return !this.#running && this.#items.length === 0 && this.#waiters.length === 0;
  }

  #accept(item: T): void {
    this.#stats.accepted++;
    this.#items.push(item);
    if (this.#running) return;
    this.#running = true;
    queueMicrotask(() => void this.#pump());
  }

  #drop(item: T, reason: DropReason, error?: unknown): 'dropped' {
    this.#stats.dropped[reason]++;
    this.#notify(this.#o.onDrop, item, reason, error);
    return 'dropped';
  }

  async #pump(): Promise<void> {
    while (this.#items.length > 0) {
      const item = this.#items.peek() as T;
      if (this.#closed) {
        this.#drop(item, 'closed');
      } else {
        this.#inFlight = true;
        await this.#deliver(item);
        this.#inFlight = false;
      }
      this.#items.shift();
      this.#admitWaiters();
    }
    this.#running = false;
    if (this.#isIdle()) for (const resolve of this.#idle.splice(0)) resolve();
  }

  /** Move waiting offers into the queue while there is room, oldest first. */
  #admitWaiters(): void {
    while (this.#items.length < this.capacity && this.#waiters.length > 0) {
      const w = this.#waiters.shift()!;
      this.#stats.accepted++;
      this.#items.push(w.item);
      w.resolve('accepted');
    }
  }

  /** Run the handler on one item until it succeeds, fails for good, or the queue closes. */
  async #deliver(item: T): Promise<void> {
    const isRetryable = this.#o.isRetryable ?? defaultIsRetryable;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#o.handle(item);
        this.#stats.delivered++;
        this.#notify(this.#o.onDelivered, item);
        return;
      } catch (error) {
        const retryable = isRetryable(error);
        if (!retryable || this.#closed) {
          this.#notify(this.#o.onError, error, item, { attempt, retrying: false });
          this.#drop(item, retryable ? 'closed' : 'consumer_error', error);
          return;
        }
        const delayMs = Math.max(backoffDelay(attempt, this.#o.backoff), retryAfterMs(error));
        this.#notify(this.#o.onError, error, item, { attempt, retrying: true, delayMs });
        this.#stats.retries++;
        await (this.#o.delay ?? defaultDelay)(delayMs, this.#abort.signal).catch(function abortedWait() {});
        if (this.#closed) {
          this.#drop(item, 'closed', error);
          return;
        }
      }
    }
  }

  /** Call an observer; an observer that throws must not stop the queue. */
  #notify<A extends unknown[]>(fn: ((...args: A) => void) | undefined, ...args: A): void {
    try {
      fn?.(...args);
    } catch {
      // Observers only count and log; losing one notification is better than a stuck consumer.
    }
  }
}
