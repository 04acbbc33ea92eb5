/**
 * The pipeline: normalize → deadband → namespace mapping (injected) → fan-out to every consumer
 * through its own bounded queue. ingest() resolves once every consumer accepted or dropped its
 * share, so a source that awaits it slows down when a consumer is slow (backpressure).
 */
import type { Logger } from 'pino';
import { DeadbandFilter } from '../core/deadband.js';
import { CausewayError } from '../core/errors.js';
import { isUnder } from '../core/path.js';
import type { Sample } from '../core/sample.js';
import { PipelineCounters } from './counters.js';
import { LogThrottle } from './log-throttle.js';
import { dynamicRule, normalize, type Rejection, type RejectReason, type TagRule } from './normalize.js';
import { BoundedQueue, type BackoffOptions, type DropReason, type HandlerErrorInfo, type OfferResult, type QueueStats } from './queue.js';

/** Default queue capacity per consumer, in batches. */
export const DEFAULT_QUEUE_CAPACITY = 100;

/** A consumer of stored samples: the historian, a sink. */
export interface PipelineConsumer {
  name: string;
  /** Batches its queue holds; default: the pipeline's capacity. */
  capacity?: number;
  /** Offers that may wait for room before new batches are dropped; default: capacity. */
  maxWaiting?: number;
  /** Only samples whose path it accepts are sent to it; all when absent. */
  accepts?: (path: string) => boolean;
  /** Resolve once the batch is accepted downstream; throw a CausewayError (retryable or not) otherwise. */
  handle(batch: readonly Sample[]): Promise<void>;
  isRetryable?: (error: unknown) => boolean;
}

export interface PipelineOptions {
  /** Normalization rules by raw path (see rulesFor). */
  rules?: ReadonlyMap<string, TagRule>;
  /** Namespace mapping, injected by the runtime. */
  map?: (batch: readonly Sample[]) => Sample[];
  consumers: readonly PipelineConsumer[];
  now?: () => number;
  logger?: Logger;
  /** Default queue capacity of each consumer, in batches. */
  capacity?: number;
  /** Samples stamped further ahead of `now` are rejected; default one day. */
  maxFutureMs?: number;
  /** Retry wait of consumers; injected in tests. */
  delay?: (ms: number, signal: AbortSignal) => Promise<void>;
  backoff?: BackoffOptions;
  /** Sources whose unlisted tags are accepted as they come (self-describing protocols). */
  dynamicSources?: Iterable<string>;
}

export interface IngestResult {
  received: number;
  passed: number;
  filtered: number;
  rejected: number;
  /** Per consumer: accepted, dropped, or skipped when none of the batch was for it. */
  consumers: Record<string, OfferResult | 'skipped'>;
}

export interface LastRejection extends Rejection {
  /** Hub time of the rejection, epoch ms. */
  at: number;
}

type Batch = readonly Sample[];
const NO_RULES: ReadonlyMap<string, TagRule> = new Map();

export class Pipeline {
  readonly counters = new PipelineCounters();
  readonly #rules = new Map<string, ReadonlyMap<string, TagRule>>();
  readonly #deadband = new DeadbandFilter();
  /** Rejection warnings, keyed `<path>\n<reason>`. */
  readonly #rejectLog = new LogThrottle();
  /** Drop and retry warnings, keyed by consumer and event. */
  readonly #consumerLog = new LogThrottle();
  readonly #lastRejected = new Map<RejectReason, LastRejection>();
  readonly #consumers: Array<{ spec: PipelineConsumer; queue: BoundedQueue<Batch> }>;
  readonly #o: PipelineOptions;
  readonly #now: () => number;
  readonly #dynamic: ReadonlySet<string>;

  constructor(options: PipelineOptions) {
    this.#o = options;
    this.#dynamic = new Set(options.dynamicSources ?? []);
    this.#now = options.now ?? Date.now;
    for (const rule of options.rules?.values() ?? []) {
      const rules = (this.#rules.get(rule.sourceId) ?? new Map<string, TagRule>()) as Map<string, TagRule>;
      rules.set(rule.path, rule);
      this.#rules.set(rule.sourceId, rules);
    }
    const names = new Set<string>();
    this.#consumers = options.consumers.map((spec) => {
      if (names.has(spec.name)) throw new RangeError(`pipeline: two consumers are named "${spec.name}"`);
      names.add(spec.name);
      this.counters.register(spec.name);
      return { spec, queue: this.#queueFor(spec) };
    });
  }

  /** Take a batch from a source; resolves when every consumer accepted or dropped its share. */
  async ingest(sourceId: string, batch: readonly Sample[]): Promise<IngestResult> {
    const now = this.#now();
    this.counters.addReceived(sourceId, batch.length);
    const rules = this.#rules.get(sourceId) ?? NO_RULES;
    const fallback = this.#dynamic.has(sourceId) ? (path: string) => dynamicRule(sourceId, path) : undefined;
    const normalized = normalize(batch, rules, { now, ...(fallback ? { fallback } : {}), ...(this.#o.maxFutureMs !== undefined ? { maxFutureMs: this.#o.maxFutureMs } : {}) });
    for (const r of normalized.rejected) this.#reject(r, now);
    const { passed, filtered } = this.#deadband.filter(normalized.passed, function specOf(path) {
      return rules.get(path)?.deadband;
    });
    this.counters.addFiltered(filtered.length);
    const mapped = this.#map(passed, now);
    const result: IngestResult = { received: batch.length, passed: 0, filtered: filtered.length, rejected: normalized.rejected.length, consumers: {} };
    if (mapped === undefined) {
      result.rejected += passed.length;
      return result;
    }
    this.counters.addPassed(passed.length);
    result.passed = passed.length;
    result.consumers = await this.#fanOut(mapped);
    return result;
  }

  /** Set (or replace) the rules of a source; its deadband references start afresh. */
  addRules(sourceId: string, rules: ReadonlyMap<string, TagRule>): void {
    this.removeRules(sourceId);
    this.#rules.set(sourceId, new Map(rules));
  }

  /** Forget a source: its rules, deadband references and log throttling. */
  removeRules(sourceId: string): void {
    this.#rules.delete(sourceId);
    this.#deadband.forget((path) => isUnder(path, sourceId));
    this.#rejectLog.forget((key) => isUnder(key.slice(0, key.indexOf('\n')), sourceId));
  }

  /** The last rejected sample of each reason, for inspection. */
  lastRejected(): Partial<Record<RejectReason, LastRejection>> {
    return Object.fromEntries(this.#lastRejected);
  }

  /** Count (and warn of, throttled) samples a consumer lost past its queue, e.g. in a sink's store-and-forward buffer. */
  noteDropped(consumer: string, reason: DropReason, samples: number, error?: unknown): void {
    this.#dropped(consumer, 0, samples, reason, error);
  }

  /** Depth, capacity and waiting offers of every consumer's queue. */
  queues(): QueueStats[] {
    return this.#consumers.map((c) => c.queue.stats());
  }

  /** Resolves when every queued batch has been handled or dropped (graceful shutdown). */
  async drain(): Promise<void> {
    await Promise.all(this.#consumers.map((c) => c.queue.drain()));
  }

  /** Stop every queue: what is still queued is dropped with reason `closed`. */
  async close(): Promise<void> {
    await Promise.all(this.#consumers.map((c) => c.queue.close()));
  }

  #queueFor(spec: PipelineConsumer): BoundedQueue<Batch> {
    const capacity = spec.capacity ?? this.#o.capacity ?? DEFAULT_QUEUE_CAPACITY;
    return new BoundedQueue<Batch>({
      name: spec.name,
      capacity,
      ...(spec.maxWaiting !== undefined ? { maxWaiting: spec.maxWaiting } : {}),
      handle: (batch) => spec.handle(batch),
      onDelivered: (batch) => this.counters.addDelivered(spec.name, batch.length),
      onDrop: (batch, reason, error) => this.#dropped(spec.name, capacity, batch, reason, error),
      onError: (error, batch, info) => this.#consumerFailed(spec.name, batch, error, info),
      ...(spec.isRetryable ? { isRetryable: spec.isRetryable } : {}),
      ...(this.#o.delay ? { delay: this.#o.delay } : {}),
      ...(this.#o.backoff ? { backoff: this.#o.backoff } : {}),
    });
  }

  /** Namespace mapping; a mapping that throws rejects its samples as `mapping_failed`. */
  #map(passed: Sample[], now: number): Batch | undefined {
    if (!this.#o.map || passed.length === 0) return passed;
    try {
      return this.#o.map(passed);
    } catch (error) {
      const problem = `the namespace mapping failed (${error instanceof Error ? error.message : String(error)})`;
      for (const sample of passed) this.#reject({ sample, reason: 'mapping_failed', problem }, now);
      return undefined;
    }
  }

  #fanOut(mapped: Batch): Promise<Record<string, OfferResult | 'skipped'>> {
    const counters = this.counters;
    const offers = this.#consumers.map(async function offerTo({ spec, queue }): Promise<[string, OfferResult | 'skipped']> {
      const accepts = spec.accepts;
      const share = accepts ? mapped.filter((s) => accepts(s.path)) : mapped;
      if (share.length === 0) return [spec.name, 'skipped'];
      counters.addOffered(spec.name, share.length);
      return [spec.name, await queue.offer(share)];
    });
    return Promise.all(offers).then(Object.fromEntries);
  }

  /** Count always; remember the last of each reason; warn at most once per path and reason a minute. */
  #reject(r: Rejection, now: number): void {
    this.counters.addRejected(r.reason);
    this.#lastRejected.set(r.reason, { ...r, at: now });
    const suppressed = this.#rejectLog.take(`${String(r.sample.path)}\n${r.reason}`, now);
    if (suppressed === undefined || !this.#o.logger) return;
    const err = new CausewayError('CW_PIPELINE_SAMPLE_REJECTED', { path: String(r.sample.path), reason: r.reason, problem: r.problem });
    const { value, ts, quality } = r.sample;
    const shown = typeof value === 'string' && value.length > 100 ? `${value.slice(0, 100)}…` : value;
    this.#o.logger.warn({ code: err.code, reason: r.reason, path: r.sample.path, sample: { value: shown, ts, quality }, hint: err.hint, suppressed }, err.message);
  }

  #dropped(consumer: string, capacity: number, batch: Batch | number, reason: DropReason, error: unknown): void {
    const samples = typeof batch === 'number' ? batch : batch.length;
    this.counters.addDropped(consumer, reason, samples);
    const suppressed = this.#consumerLog.take(`${consumer}\n${reason}`, this.#now());
    if (suppressed === undefined || !this.#o.logger) return;
    const err =
      reason === 'queue_full'
        ? new CausewayError('CW_PIPELINE_OVERLOADED', { stage: consumer, capacity })
        : reason === 'buffer_full'
          ? new CausewayError('CW_PIPELINE_BUFFER_FULL', { consumer, count: samples })
          : new CausewayError('CW_PIPELINE_BATCH_DROPPED', { consumer, count: samples, reason: reason === 'closed' ? 'the hub is shutting down' : errorText(error) });
    this.#o.logger.warn({ code: err.code, consumer, reason, samples, hint: err.hint, suppressed, ...(error ? { err: error } : {}) }, err.message);
  }

  #consumerFailed(consumer: string, batch: Batch, error: unknown, info: HandlerErrorInfo): void {
    if (!info.retrying || !this.#o.logger) return;
    const suppressed = this.#consumerLog.take(`${consumer}\nretry`, this.#now());
    if (suppressed === undefined) return;
    this.#o.logger.warn(
      { consumer, samples: batch.length, attempt: info.attempt, delayMs: info.delayMs, suppressed, err: error },
      `${consumer} did not take a batch of ${batch.length} samples (attempt ${info.attempt}): ${errorText(error)}; retrying in ${info.delayMs} ms while new batches wait.`,
    );
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
}
