/**
 * The pipeline: normalize → deadband → namespace mapping (injected) → the ingest write-ahead log.
 * ingest() resolves once the batch is on disk: only then is it accepted (the source may answer
 * its device). Each consumer (historian, sinks) reads the log in order through its own reader,
 * so a slow or failing consumer costs disk, not memory, and never drops what was accepted; when
 * the log is full, ingest() refuses new batches (CW_PIPELINE_OVERLOADED) instead.
 */
import type { Logger } from 'pino';
import { DeadbandFilter, type DeadbandUndo } from '../core/deadband.js';
import { CausewayError } from '../core/errors.js';
import { isUnder } from '../core/path.js';
import type { Sample } from '../core/sample.js';
import { PipelineCounters } from './counters.js';
import { LogReader, type IngestLogLike, type PipelineConsumer, type ReaderEvents, type ReaderStats } from './log-reader.js';
import { LogThrottle } from './log-throttle.js';
import { dynamicRule, normalize, type Rejection, type RejectReason, type TagRule } from './normalize.js';
import type { BackoffOptions, DropReason, HandlerErrorInfo } from './retry.js';

export type { IngestLogLike, PipelineConsumer, ReaderStats } from './log-reader.js';

export interface PipelineOptions {
  /** The ingest write-ahead log every accepted batch is appended to. */
  log: IngestLogLike;
  /** Normalization rules by raw path (see rulesFor). */
  rules?: ReadonlyMap<string, TagRule>;
  /** Namespace mapping, injected by the runtime. */
  map?: (batch: readonly Sample[]) => Sample[];
  /** Told of every batch once it is durable in the log (the live feed). Must only queue. */
  onAccepted?: (batch: readonly Sample[]) => void;
  consumers: readonly PipelineConsumer[];
  now?: () => number;
  logger?: Logger;
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
  /** Seq of the batch in the ingest log, when anything passed. */
  seq?: number;
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
  readonly #readers: LogReader[];
  #releaseTimer: NodeJS.Timeout | undefined;
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
    const events = this.#readerEvents();
    this.#readers = options.consumers.map((spec) => {
      if (names.has(spec.name)) throw new RangeError(`pipeline: two consumers are named "${spec.name}"`);
      names.add(spec.name);
      this.counters.register(spec.name);
      return new LogReader(options.log, spec, events, { ...(options.delay ? { delay: options.delay } : {}), ...(options.backoff ? { backoff: options.backoff } : {}) });
    });
  }

  /** Start handing the log to the consumers, beginning with what an earlier run left in it. */
  start(): void {
    for (const r of this.#readers) r.start();
    this.#release();
    // The historian makes batches durable on its own flushes: look for releasable records now and then.
    this.#releaseTimer ??= setInterval(() => this.#release(), 250);
    this.#releaseTimer.unref();
  }

  /**
   * Take a batch from a source; resolves once what passed is durable in the ingest log. Rejects
   * with CW_PIPELINE_OVERLOADED (log full) or CW_PIPELINE_SPOOL_FAILED (disk) when it cannot be
   * accepted: then nothing of the batch was taken, and the source must push back.
   */
  async ingest(sourceId: string, batch: readonly Sample[]): Promise<IngestResult> {
    const now = this.#now();
    this.counters.addReceived(sourceId, batch.length);
    try {
      // Before the deadband moves its references: a refused batch sent again must not be filtered.
      this.#o.log.checkRoom();
    } catch (e) {
      this.#refused(batch.length, e);
      throw e;
    }
    const rules = this.#rules.get(sourceId) ?? NO_RULES;
    const fallback = this.#dynamic.has(sourceId) ? (path: string) => dynamicRule(sourceId, path) : undefined;
    const normalized = normalize(batch, rules, { now, ...(fallback ? { fallback } : {}), ...(this.#o.maxFutureMs !== undefined ? { maxFutureMs: this.#o.maxFutureMs } : {}) });
    for (const r of normalized.rejected) this.#reject(r, now);
    const undo: DeadbandUndo = [];
    const { passed, filtered } = this.#deadband.filter(normalized.passed, function specOf(path) {
      return rules.get(path)?.deadband;
    }, undo);
    this.counters.addFiltered(filtered.length);
    const mapped = this.#map(passed, now);
    const result: IngestResult = { received: batch.length, passed: 0, filtered: filtered.length, rejected: normalized.rejected.length };
    if (mapped === undefined) {
      result.rejected += passed.length;
      return result;
    }
    if (mapped.length > 0) {
      try {
        result.seq = await this.#o.log.append(mapped);
      } catch (e) {
        // Not accepted: the same values sent again must pass the deadband as they would have now.
        this.#deadband.restore(undo);
        this.#refused(passed.length, e);
        throw e;
      }
      this.#o.onAccepted?.(mapped);
    }
    this.counters.addPassed(passed.length);
    result.passed = passed.length;
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
    this.#dropped(consumer, samples, reason, error);
  }

  /** Where each consumer's reader stands in the log. */
  readers(): ReaderStats[] {
    return this.#readers.map((r) => r.stats());
  }

  /** Resolves once every consumer was handed everything in the log (for a graceful stop), or after `ms`; true when caught up. */
  async drain(ms: number): Promise<boolean> {
    const until = Date.now() + ms;
    const log = this.#o.log;
    while (this.#readers.some((r) => r.cursor < log.head)) {
      if (Date.now() >= until) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return true;
  }

  /** Stop the readers; what they have not handed over stays in the log for the next start. */
  async close(): Promise<void> {
    clearInterval(this.#releaseTimer);
    this.#releaseTimer = undefined;
    await Promise.all(this.#readers.map((r) => r.stop()));
  }

  /** Release what every consumer holds durably; call after the consumers flushed (stop). */
  release(): void {
    this.#release();
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

  #release(): void {
    if (this.#readers.length === 0) return this.#o.log.release(this.#o.log.head);
    let through = Infinity;
    for (const r of this.#readers) through = Math.min(through, r.durableThrough());
    this.#o.log.release(through);
  }

  #readerEvents(): ReaderEvents {
    return {
      onOffered: (consumer, n) => this.counters.addOffered(consumer, n),
      onDelivered: (consumer, n) => this.counters.addDelivered(consumer, n),
      onDropped: (consumer, n, error) => this.#dropped(consumer, n, 'consumer_error', error),
      onError: (consumer, error, n, info) => this.#consumerFailed(consumer, n, error, info),
      onProgress: () => this.#release(),
    };
  }

  /** A batch the log would not take: counted, and warned of once a minute. */
  #refused(samples: number, error: unknown): void {
    const code = (error as { code?: string }).code === 'CW_PIPELINE_OVERLOADED' ? 'spool_full' : 'spool_failed';
    this.counters.addRejected(code, samples);
    const suppressed = this.#consumerLog.take(`ingest\n${code}`, this.#now());
    if (suppressed === undefined || !this.#o.logger) return;
    this.#o.logger.warn({ code: (error as { code?: string }).code, samples, suppressed, hint: (error as { hint?: string }).hint }, errorText(error));
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

  #dropped(consumer: string, samples: number, reason: DropReason, error: unknown): void {
    this.counters.addDropped(consumer, reason, samples);
    const suppressed = this.#consumerLog.take(`${consumer}\n${reason}`, this.#now());
    if (suppressed === undefined || !this.#o.logger) return;
    const err =
      reason === 'buffer_full'
        ? new CausewayError('CW_PIPELINE_BUFFER_FULL', { consumer, count: samples })
        : new CausewayError('CW_PIPELINE_BATCH_DROPPED', { consumer, count: samples, reason: errorText(error) });
    this.#o.logger.warn({ code: err.code, consumer, reason, samples, hint: err.hint, suppressed, ...(error ? { err: error } : {}) }, err.message);
  }

  #consumerFailed(consumer: string, samples: number, error: unknown, info: HandlerErrorInfo): void {
    if (!info.retrying || !this.#o.logger) return;
    const suppressed = this.#consumerLog.take(`${consumer}\nretry`, this.#now());
    if (suppressed === undefined) return;
    this.#o.logger.warn(
      { consumer, samples, attempt: info.attempt, delayMs: info.delayMs, suppressed, err: error },
      `${consumer} did not take a batch of ${samples} samples (attempt ${info.attempt}): ${errorText(error)}; retrying in ${info.delayMs} ms while later batches wait in the ingest spool.`,
    );
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
}
