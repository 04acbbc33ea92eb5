/**
 * One consumer's reader of the ingest log: hands it the log's batches in order (its share of
 * each, by `accepts`), waits while it pushes back, retries what it fails to take with capped
 * backoff, and knows how far the consumer holds the log durably — so the log can release what
 * every consumer holds. A consumer that falls behind reads from disk; nothing waits in memory.
 */
import type { Sample } from '../core/sample.js';
import { runsOf, type ArrivalRun } from './sample-age.js';
import { backoffDelay, defaultDelay, defaultIsRetryable, retryAfterMs, type BackoffOptions, type HandlerErrorInfo } from './retry.js';

/** The ingest write-ahead log as the pipeline uses it (src/state/ingest-log on disk). */
export interface IngestLogLike {
  /** Seq of the newest record on disk. */
  readonly head: number;
  /** Every record up to this seq has been released. */
  readonly released: number;
  /** Throws CW_PIPELINE_OVERLOADED when an append would be refused for room. */
  checkRoom(): void;
  append(samples: readonly Sample[]): Promise<number>;
  read(after: number, maxSamples: number): Promise<ReadonlyArray<{ seq: number; at?: number; samples: readonly Sample[] }>>;
  waitFor(after: number, signal: AbortSignal): Promise<void>;
  release(through: number): void;
}

/** A consumer of stored samples: the historian, a sink. */
export interface PipelineConsumer {
  name: string;
  /** Only samples whose path it accepts are sent to it; all when absent. */
  accepts?: (path: string) => boolean;
  /**
   * Take a batch; `mark` is the log seq of its newest record, `arrivals` when its samples arrived
   * (in order, one run per spool record). Resolve once taken (durably, unless durableMark says
   * otherwise); throw a CausewayError (retryable or not) otherwise.
   */
  handle(batch: readonly Sample[], mark: number, arrivals: readonly ArrivalRun[]): Promise<void>;
  isRetryable?: (error: unknown) => boolean;
  /** For a consumer that makes what it took durable later (the historian): the newest mark durable downstream. */
  durableMark?(): number;
  /** The mark the consumer held durably when it opened: records up to it are not sent again. */
  startMark?: number;
  /** Most samples handed over at once (default 10,000). */
  maxBatch?: number;
}

export interface ReaderEvents {
  onOffered(consumer: string, samples: number): void;
  onDelivered(consumer: string, samples: number): void;
  onDropped(consumer: string, samples: number, error: unknown): void;
  onError(consumer: string, error: unknown, samples: number, info: HandlerErrorInfo): void;
  onProgress(): void;
}

export interface ReaderStats {
  name: string;
  /** Seq of the last record handed over (or skipped). */
  cursor: number;
  /** Every record up to this seq is durable in the consumer or not meant for it. */
  durable: number;
  retries: number;
}

const DEFAULT_MAX_BATCH = 10_000;

export class LogReader {
  readonly name: string;
  readonly #log: IngestLogLike;
  readonly #c: PipelineConsumer;
  readonly #ev: ReaderEvents;
  readonly #retry: { delay: (ms: number, signal: AbortSignal) => Promise<void>; backoff: BackoffOptions | undefined };
  #cursor: number;
  #lastHanded: number;
  #retries = 0;
  #abort = new AbortController();
  #loop: Promise<void> | undefined;

  constructor(log: IngestLogLike, consumer: PipelineConsumer, events: ReaderEvents, retry: { delay?: (ms: number, signal: AbortSignal) => Promise<void>; backoff?: BackoffOptions } = {}) {
    this.name = consumer.name;
    this.#log = log;
    this.#c = consumer;
    this.#ev = events;
    this.#retry = { delay: retry.delay ?? defaultDelay, backoff: retry.backoff };
    this.#cursor = Math.max(consumer.startMark ?? 0, 0);
    this.#lastHanded = this.#cursor;
  }

  /** Every record up to this seq is durable in the consumer (or holds nothing for it). */
  durableThrough(): number {
    const durable = this.#c.durableMark?.();
    if (durable === undefined || durable >= this.#lastHanded) return this.#cursor;
    return durable;
  }

  get cursor(): number {
    return this.#cursor;
  }

  stats(): ReaderStats {
    return { name: this.name, cursor: this.#cursor, durable: this.durableThrough(), retries: this.#retries };
  }

  start(): void {
    if (this.#loop) return;
    this.#abort = new AbortController();
    this.#loop = this.#run(this.#abort.signal).catch((e: unknown) => this.#ev.onError(this.name, e, 0, { attempt: 0, retrying: false }));
  }

  /**
   * Stop after the batch being handed over, waiting for it at most `graceMs` (a consumer stuck
   * pushing back must not hold the stop); what follows stays in the log for the next start.
   */
  async stop(graceMs = 2000): Promise<void> {
    this.#abort.abort();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.#loop, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    this.#loop = undefined;
  }

  async #run(signal: AbortSignal): Promise<void> {
    const accepts = this.#c.accepts;
    let readFailures = 0;
    while (!signal.aborted) {
      let records: Awaited<ReturnType<IngestLogLike['read']>>;
      try {
        records = await this.#log.read(this.#cursor, this.#c.maxBatch ?? DEFAULT_MAX_BATCH);
        readFailures = 0;
      } catch (error) {
        // The spool could not be read now (too many open files, an I/O error): it stays; try again.
        const delayMs = backoffDelay(++readFailures, this.#retry.backoff);
        this.#ev.onError(this.name, error, 0, { attempt: readFailures, retrying: true, delayMs });
        await this.#retry.delay(delayMs, signal);
        continue;
      }
      if (records.length === 0) {
        await this.#log.waitFor(Math.max(this.#cursor, this.#log.released), signal);
        continue;
      }
      const last = records.at(-1)!.seq;
      const share: Sample[] = [];
      const taken: Array<{ at?: number; taken: number }> = [];
      for (const r of records) {
        const before = share.length;
        for (const s of r.samples) if (!accepts || accepts(s.path)) share.push(s);
        taken.push({ ...(r.at === undefined ? {} : { at: r.at }), taken: share.length - before });
      }
      if (share.length > 0) {
        this.#ev.onOffered(this.name, share.length);
        if (!(await this.#deliver(share, last, runsOf(taken), signal))) return;
        this.#lastHanded = last;
      }
      this.#cursor = last;
      this.#ev.onProgress();
    }
  }

  /** Hand a batch over until it is taken or refused for good; false when stopped first. */
  async #deliver(batch: Sample[], mark: number, arrivals: readonly ArrivalRun[], signal: AbortSignal): Promise<boolean> {
    const isRetryable = this.#c.isRetryable ?? defaultIsRetryable;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#c.handle(batch, mark, arrivals);
        this.#ev.onDelivered(this.name, batch.length);
        return true;
      } catch (error) {
        if (!isRetryable(error)) {
          this.#ev.onError(this.name, error, batch.length, { attempt, retrying: false });
          this.#ev.onDropped(this.name, batch.length, error);
          return true;
        }
        if (signal.aborted) return false;
        const delayMs = Math.max(backoffDelay(attempt, this.#retry.backoff), retryAfterMs(error));
        this.#retries++;
        this.#ev.onError(this.name, error, batch.length, { attempt, retrying: true, delayMs });
        await this.#retry.delay(delayMs, signal).catch(() => undefined);
        if (signal.aborted) return false;
      }
    }
  }
}
