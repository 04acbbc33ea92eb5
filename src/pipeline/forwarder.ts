/**
 * Store and forward for one sink: the pipeline hands a batch over by writing it to a durable
 * buffer (synchronously, so the batch is on disk before the pipeline counts it as taken); a loop
 * sends the oldest buffered samples to the sink and removes them only after the sink acknowledged.
 * A sink that is down or slow therefore loses nothing: its samples wait on disk, in order, across
 * restarts, up to the buffer's limit; past it the oldest are dropped and counted (`buffer_full`).
 * A batch the sink refuses for good (not retryable) is dropped and counted (`consumer_error`).
 * Failed sends back off; resume() (called when the sink's link comes back up) retries at once, so
 * a backlog starts draining as soon as the destination is reachable, not when a long backoff ends.
 */
import type { Sample } from '../core/sample.js';
import type { ArrivalRun } from './sample-age.js';
import { backoffDelay, defaultDelay, defaultIsRetryable, retryAfterMs, type BackoffOptions, type HandlerErrorInfo } from './retry.js';

/** The durable buffer the forwarder uses (src/state/spool.ts on SQLite). */
export interface SpoolStore {
  append(channel: string, batch: readonly Sample[], mark?: number, arrivals?: readonly ArrivalRun[]): void;
  markOf(channel: string): number;
  peek(channel: string, maxSamples: number): { lastSeq: number; batch: Sample[]; arrivals?: ArrivalRun[] } | undefined;
  remove(channel: string, lastSeq: number): void;
  trim(channel: string, maxSamples: number): number;
  size(channel: string): { batches: number; samples: number };
}

/** Samples a sink's buffer holds at most by default (about 400 MB on disk). */
export const DEFAULT_BUFFER_SAMPLES = 5_000_000;
/** Samples sent to the sink in one go when catching up. */
export const DEFAULT_SEND_SAMPLES = 1000;

export interface ForwarderOptions {
  /** The channel in the buffer, e.g. `sink:uns`. */
  name: string;
  spool: SpoolStore;
  send(batch: readonly Sample[]): Promise<void>;
  maxBufferedSamples?: number;
  maxSendSamples?: number;
  isRetryable?: (error: unknown) => boolean;
  backoff?: BackoffOptions;
  delay?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** After the sink acknowledged `samples`; `arrivals` says when they arrived at the hub (where known). */
  onDelivered?: (samples: number, arrivals: readonly ArrivalRun[]) => void;
  onDrop?: (samples: number, reason: 'buffer_full' | 'consumer_error', error?: unknown) => void;
  onError?: (error: unknown, samples: number, info: HandlerErrorInfo) => void;
}

export interface ForwarderStats {
  name: string;
  /** Samples and batches waiting in the buffer. */
  buffered: number;
  batches: number;
  maxBuffered: number;
  delivered: number;
  retries: number;
}

export class Forwarder {
  readonly name: string;
  readonly #o: ForwarderOptions;
  readonly #abort = new AbortController();
  readonly #stats = { delivered: 0, retries: 0 };
  #wake: (() => void) | undefined;
  /** Ends the current retry delay early. */
  #nap: AbortController | undefined;
  #loop: Promise<void> | undefined;
  #empty: Array<() => void> = [];

  constructor(options: ForwarderOptions) {
    this.#o = options;
    this.name = options.name;
  }

  /** Buffer a batch durably and wake the sender. Throws when the buffer cannot be written (the pipeline then retries). */
  enqueue(batch: readonly Sample[], mark?: number, arrivals?: readonly ArrivalRun[]): void {
    if (batch.length === 0) return;
    const { spool, name } = this.#o;
    spool.append(name, batch, mark, arrivals);
    const dropped = spool.trim(name, this.#o.maxBufferedSamples ?? DEFAULT_BUFFER_SAMPLES);
    if (dropped > 0) this.#o.onDrop?.(dropped, 'buffer_full');
    this.#wake?.();
  }

  /** Start sending, beginning with what an earlier run left in the buffer. */
  start(): void {
    this.#loop ??= this.#run();
  }

  /** Resolves when the buffer is empty, or after `ms` (what is left stays buffered for the next start). */
  async flush(ms: number): Promise<boolean> {
    if (this.#isEmpty()) return true;
    let timer: NodeJS.Timeout | undefined;
    const emptied = new Promise<boolean>((resolve) => this.#empty.push(() => resolve(true)));
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    const done = await Promise.race([emptied, timeout]);
    clearTimeout(timer);
    return done;
  }

  /** Retry now, from the first backoff step: the sink is reachable again. */
  resume(): void {
    this.#nap?.abort();
  }

  /** Stop sending after the current attempt; the buffer keeps the rest. */
  async close(): Promise<void> {
    this.#abort.abort();
    this.#wake?.();
    await this.#loop;
  }

  /** The ingest-log mark of the newest batch buffered (0 for none). */
  startMark(): number {
    return this.#o.spool.markOf(this.name);
  }

  stats(): ForwarderStats {
    const size = this.#o.spool.size(this.name);
    return { name: this.name, buffered: size.samples, batches: size.batches, maxBuffered: this.#o.maxBufferedSamples ?? DEFAULT_BUFFER_SAMPLES, ...this.#stats };
  }

  #isEmpty(): boolean {
    return this.#o.spool.size(this.name).batches === 0;
  }

  async #run(): Promise<void> {
    const signal = this.#abort.signal;
    while (!signal.aborted) {
      const next = this.#o.spool.peek(this.name, this.#o.maxSendSamples ?? DEFAULT_SEND_SAMPLES);
      if (!next) {
        for (const resolve of this.#empty.splice(0)) resolve();
        await new Promise<void>((resolve) => (this.#wake = resolve));
        this.#wake = undefined;
        continue;
      }
      await this.#deliver(next, signal);
    }
  }

  /** Send one read until it is acknowledged, refused for good, or the forwarder stops. */
  async #deliver(next: { lastSeq: number; batch: Sample[]; arrivals?: ArrivalRun[] }, signal: AbortSignal): Promise<void> {
    const isRetryable = this.#o.isRetryable ?? defaultIsRetryable;
    const n = next.batch.length;
    for (let attempt = 1; !signal.aborted; attempt++) {
      try {
        await this.#o.send(next.batch);
        this.#o.spool.remove(this.name, next.lastSeq);
        this.#stats.delivered += n;
        this.#o.onDelivered?.(n, next.arrivals ?? []);
        return;
      } catch (error) {
        if (!isRetryable(error)) {
          this.#o.spool.remove(this.name, next.lastSeq);
          this.#o.onError?.(error, n, { attempt, retrying: false });
          this.#o.onDrop?.(n, 'consumer_error', error);
          return;
        }
        const delayMs = Math.max(backoffDelay(attempt, this.#o.backoff), retryAfterMs(error));
        this.#o.onError?.(error, n, { attempt, retrying: true, delayMs });
        this.#stats.retries++;
        const nap = (this.#nap = new AbortController());
        await (this.#o.delay ?? defaultDelay)(delayMs, AbortSignal.any([signal, nap.signal]));
        this.#nap = undefined;
        if (nap.signal.aborted) attempt = 0;
      }
    }
  }
}
