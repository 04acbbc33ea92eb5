/**
 * Supervises one connection: connects, reconnects with exponential backoff and jitter after a
 * failure, polls on a fixed grid (skipping and counting overruns), and keeps its status.
 * Connectors never retry by themselves; this is the one place that does. After a link that was up
 * breaks, retries stay frequent for a minute (see backoff.ts) so a restarted peer is back within a
 * second or two; reconnectNow() cuts a backoff short on request (API, PKI trust decision).
 */
import type { Logger } from 'pino';
import { CausewayError } from '../core/errors.js';
import type { Sink } from '../sinks/types.js';
import type { AlarmEvent, AlarmRoute } from '../sinks/shared/alarms.js';
import type { Sample } from '../core/sample.js';
import type { Source } from '../sources/types.js';
import { ArrivalMeter } from './arrivals.js';
import { DEFAULT_BACKOFF, retryDelay, sleep, systemClock, type BackoffPolicy, type Clock } from './backoff.js';
import { isRetryable, toConnectionError, type ConnectionState, type ConnectionStatus } from './status.js';

export interface SupervisorOptions {
  id: string;
  kind: string;
  zone: string;
  role: 'source' | 'sink';
  logger: Logger;
  clock?: Clock;
  policy?: BackoffPolicy;
  random?: () => number;
}

/** Connection lifecycle shared by sources and sinks. */
export abstract class Supervisor {
  protected readonly clock: Clock;
  protected readonly logger: Logger;
  readonly #opts: SupervisorOptions;
  readonly #status: ConnectionStatus;
  #abort = new AbortController();
  #lost: ((e: unknown) => void) | undefined;
  #running: Promise<void> | undefined;
  /** Ends the current backoff sleep early. */
  #wake: AbortController | undefined;
  /** Ends the current link (whileConnected) for a requested reconnect. */
  #link: AbortController | undefined;
  /** When a link that was up last broke: retries stay frequent for a while after it. */
  #brokeAt: number | undefined;
  readonly #onConnected = new Set<() => void>();

  constructor(opts: SupervisorOptions) {
    this.#opts = opts;
    this.clock = opts.clock ?? systemClock;
    this.logger = opts.logger;
    this.#status = { id: opts.id, role: opts.role, kind: opts.kind, zone: opts.zone, state: 'stopped', since: this.clock.now(), attempts: 0, overruns: 0, batches: 0 };
  }

  protected abstract open(signal: AbortSignal): Promise<void>;
  /** Runs while connected; resolves when stopped, rejects when the link is lost. */
  protected abstract whileConnected(signal: AbortSignal): Promise<void>;
  protected abstract shut(): Promise<void>;
  /** Resolves when a retry may succeed before the backoff ends (see Source.retryWhen). */
  protected retryHint(_signal: AbortSignal): Promise<void> | undefined {
    return undefined;
  }

  status(): ConnectionStatus {
    return structuredClone(this.#status);
  }

  get stopped(): boolean {
    return this.#abort.signal.aborted;
  }

  start(): void {
    if (this.#running) return;
    this.#abort = new AbortController();
    this.#running = this.#loop(this.#abort.signal);
  }

  async stop(): Promise<void> {
    this.#abort.abort();
    this.#lost?.(undefined);
    await this.#running;
    this.#running = undefined;
    this.#setState('stopped');
  }

  /** Called by a push connector (through its context) when its link breaks. */
  reportError(error: CausewayError | unknown): void {
    this.#lost?.(error);
  }

  /**
   * Connect now: a link waiting out its backoff retries at once, a connected one is closed and
   * reopened (a fresh session), one connecting already is left alone. No effect once stopped.
   */
  reconnectNow(): void {
    if (this.stopped || !this.#running) return;
    if (this.#status.state === 'backoff') this.#wake?.abort();
    else if (this.#status.state === 'connected') this.#link?.abort();
  }

  /** Be told each time the link comes up (e.g. to send what waited); returns the unsubscribe. */
  onConnected(listener: () => void): () => void {
    this.#onConnected.add(listener);
    return () => this.#onConnected.delete(listener);
  }

  protected markSuccess(batches = 0): void {
    this.#status.lastSuccessAt = this.clock.now();
    this.#status.batches += batches;
  }

  protected countOverrun(): void {
    this.#status.overruns++;
  }

  /** Samples the hub refused (spool full): the source pushed back or skipped them. */
  protected countRefused(samples: number): void {
    this.#status.refused = (this.#status.refused ?? 0) + samples;
  }

  /** A promise that rejects when reportError() is called; used by push connections. */
  protected untilLost(signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#lost = (e) => (signal.aborted ? resolve() : reject(e));
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }

  #setState(state: ConnectionState): void {
    if (this.#status.state === state) return;
    this.#status.state = state;
    this.#status.since = this.clock.now();
    if (state !== 'backoff') delete this.#status.nextRetryAt;
  }

  async #loop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      this.#setState('connecting');
      let up = false;
      try {
        await this.open(signal);
        if (signal.aborted) break;
        up = true;
        this.#connected();
        const link = (this.#link = new AbortController());
        await this.whileConnected(AbortSignal.any([signal, link.signal]));
        if (link.signal.aborted && !signal.aborted) {
          this.logger.info({ connection: this.#opts.id }, `${this.#opts.role} ${this.#opts.id} reconnecting on request`);
          await this.#safeShut();
        }
      } catch (e) {
        if (signal.aborted) break;
        await this.#safeShut();
        if (up) this.#brokeAt = this.clock.now();
        await this.#backoff(e, signal);
      } finally {
        this.#link = undefined;
      }
    }
    await this.#safeShut();
  }

  #connected(): void {
    this.#setState('connected');
    this.#status.attempts = 0;
    this.markSuccess();
    this.logger.info({ connection: this.#opts.id }, `${this.#opts.role} ${this.#opts.id} connected`);
    for (const listener of this.#onConnected) {
      try {
        listener();
      } catch (e) {
        this.logger.warn({ connection: this.#opts.id, err: e }, 'a connect listener failed');
      }
    }
  }

  async #backoff(e: unknown, signal: AbortSignal): Promise<void> {
    this.#status.attempts++;
    const at = this.clock.now();
    const previous = this.#status.lastError?.code;
    this.#status.lastError = toConnectionError(e, at);
    const retryable = isRetryable(e);
    const attempt = retryable ? this.#status.attempts : Number.MAX_SAFE_INTEGER;
    // A refusal that will not change by itself (e.g. bad credentials) waits in full.
    const sinceBreak = retryable && this.#brokeAt !== undefined ? at - this.#brokeAt : undefined;
    // An error that says when to come back (the ingest spool full: Retry-After) is not retried sooner.
    const asked = (e as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    const delay = Math.max(retryDelay(Math.min(attempt, 64), sinceBreak, this.#opts.policy ?? DEFAULT_BACKOFF, this.#opts.random), typeof asked === 'number' && asked > 0 ? asked * 1000 : 0);
    this.#setState('backoff');
    this.#status.nextRetryAt = at + delay;
    const err = this.#status.lastError;
    // Frequent retries after a break would flood the log: say it at the first, on a new error, and every tenth.
    const n = this.#status.attempts;
    const level = n === 1 || err.code !== previous || n % 10 === 0 || delay >= 5000 ? 'warn' : 'debug';
    this.logger[level]({ connection: this.#opts.id, code: err.code, detail: err.detail, attempt: n, retryInMs: delay }, `${err.message} Retrying in ${Math.round(delay / 100) / 10} s.`);
    const wake = (this.#wake = new AbortController());
    const waiting = AbortSignal.any([signal, wake.signal]);
    this.retryHint(waiting)?.then(() => {
      // The peer answers again: retries stay frequent for a while, as after a break, in case it is still starting.
      if (!waiting.aborted) this.#brokeAt = this.clock.now();
      wake.abort();
    }, () => undefined);
    await sleep(this.clock, delay, waiting);
    // Ends what retryHint() watches.
    wake.abort();
    this.#wake = undefined;
  }

  async #safeShut(): Promise<void> {
    this.#lost = undefined;
    try {
      await this.shut();
    } catch (e) {
      this.logger.debug({ connection: this.#opts.id, err: e }, 'close failed');
    }
  }
}

export interface SourceSupervisorOptions extends SupervisorOptions {
  source: Source;
  pollIntervalMs: number;
  /** Hands a batch to the pipeline; a poll waits for it (backpressure). */
  onBatch(batch: Sample[]): Promise<void>;
}

/** Supervises a source: push sources subscribe, poll sources are polled on a fixed grid. */
export class SourceSupervisor extends Supervisor {
  readonly #source: Source;
  readonly #pollIntervalMs: number;
  readonly #onBatch: (batch: Sample[]) => Promise<void>;
  readonly #arrivals = new ArrivalMeter();
  #lastRefusalLog = -Infinity;

  constructor(opts: SourceSupervisorOptions) {
    super(opts);
    this.#source = opts.source;
    this.#pollIntervalMs = opts.pollIntervalMs;
    this.#onBatch = opts.onBatch;
  }

  get source(): Source {
    return this.#source;
  }

  /** The connection's status, with what the source can do, how fast its values arrive, and what is wrong with them. */
  override status(): ConnectionStatus {
    const s = this.#source;
    return {
      ...super.status(),
      capabilities: { identify: s.discover !== undefined, browse: s.browse !== undefined, write: s.write !== undefined },
      arrivals: this.#arrivals.snapshot(this.clock.now()),
      problems: this.#problems(),
    };
  }

  #problems(): NonNullable<ConnectionStatus['problems']> {
    try {
      return this.#source.problems?.() ?? [];
    } catch (e) {
      this.logger.debug({ err: e }, 'reading the problems of a source failed');
      return [];
    }
  }

  /** A batch the hub could not accept now: counted as a skipped cycle, logged once a minute. */
  #noteRefused(samples: number, e: unknown): void {
    this.countRefused(samples);
    const now = this.clock.now();
    if (now - this.#lastRefusalLog < 60_000) return;
    this.#lastRefusalLog = now;
    this.logger.warn({ code: (e as { code?: string }).code, samples }, `${(e as Error).message} (source ${this.status().id}; cycles are skipped and counted until there is room)`);
  }

  protected open(signal: AbortSignal): Promise<void> {
    return this.#source.connect(signal);
  }

  protected shut(): Promise<void> {
    return this.#source.close();
  }

  protected override retryHint(signal: AbortSignal): Promise<void> | undefined {
    return this.#source.retryWhen?.(signal);
  }

  protected async whileConnected(signal: AbortSignal): Promise<void> {
    this.#arrivals.begin(this.clock.now());
    if (this.#source.subscribe) {
      const lost = this.untilLost(signal);
      this.#source.subscribe((batch) => {
        if (batch.length === 0) return Promise.resolve();
        this.markSuccess(1);
        this.#arrivals.record(this.clock.now(), batch.length);
        const taken = this.#onBatch(batch);
        // The source sees the outcome (to acknowledge or push back); a refusal is counted by the pipeline.
        taken.catch((e: unknown) => this.#noteRefused(batch.length, e));
        return taken;
      });
      return lost;
    }
    if (this.#source.poll) {
      const groups = this.#source.pollGroups?.() ?? [{ id: undefined, intervalMs: this.#pollIntervalMs }];
      return this.#pollGroups(groups, signal);
    }
    return this.untilLost(signal);
  }

  /** One poll loop per group; the first failure stops the others and is rethrown. */
  async #pollGroups(groups: Array<{ id: string | undefined; intervalMs: number }>, signal: AbortSignal): Promise<void> {
    const inner = new AbortController();
    const stop = () => inner.abort();
    signal.addEventListener('abort', stop, { once: true });
    try {
      await Promise.all(groups.map((g) => this.#pollLoop(g.id, g.intervalMs, inner.signal).catch((e: unknown) => {
        inner.abort();
        throw e;
      })));
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }

  async #pollLoop(group: string | undefined, interval: number, signal: AbortSignal): Promise<void> {
    let next = this.clock.now();
    while (!signal.aborted) {
      const batch = await this.#source.poll!(group);
      this.markSuccess(batch.length > 0 ? 1 : 0);
      if (batch.length > 0) {
        this.#arrivals.record(this.clock.now(), batch.length);
        try {
          await this.#onBatch(batch);
        } catch (e) {
          // The spool is full (or the disk refused): this cycle's values are not taken; skip it, count it.
          if (!isRetryable(e)) throw e;
          this.#noteRefused(batch.length, e);
        }
      }
      next += interval;
      const now = this.clock.now();
      if (now >= next) {
        // The cycle took longer than the interval: skip the missed cycles instead of queueing them.
        const missed = Math.floor((now - next) / interval) + 1;
        for (let i = 0; i < missed; i++) this.countOverrun();
        next += missed * interval;
      }
      await sleep(this.clock, next - now, signal);
    }
  }
}

export interface SinkSupervisorOptions extends SupervisorOptions {
  sink: Sink;
}

/** Supervises a sink: keeps it connected; a failed send marks the link lost so it reconnects. */
export class SinkSupervisor extends Supervisor {
  readonly #sink: Sink;

  constructor(opts: SinkSupervisorOptions) {
    super(opts);
    this.#sink = opts.sink;
  }

  protected open(signal: AbortSignal): Promise<void> {
    return this.#sink.connect(signal);
  }

  protected shut(): Promise<void> {
    return this.#sink.close();
  }

  protected override retryHint(signal: AbortSignal): Promise<void> | undefined {
    return this.#sink.retryWhen?.(signal);
  }

  protected whileConnected(signal: AbortSignal): Promise<void> {
    return this.untilLost(signal);
  }

  /** Whether the sink can carry alarm events. */
  get carriesAlarms(): boolean {
    return this.#sink.sendAlarms !== undefined;
  }

  /** Send alarm events; throws a retryable CW_SINK_SEND_FAILED while the sink is not connected. */
  async sendAlarms(events: readonly AlarmEvent[], route: AlarmRoute): Promise<void> {
    const st = this.status();
    if (st.state !== 'connected' || !this.#sink.sendAlarms) throw new CausewayError('CW_SINK_SEND_FAILED', { sink: st.id, reason: this.#sink.sendAlarms ? `the sink is ${st.state}` : 'the sink kind cannot carry alarm events' });
    try {
      await this.#sink.sendAlarms(events, route);
      this.markSuccess(1);
    } catch (e) {
      if (isRetryable(e)) this.reportError(e);
      throw e;
    }
  }

  /** Send a batch; throws a retryable CW_SINK_SEND_FAILED while the sink is not connected. */
  async send(batch: readonly Sample[]): Promise<void> {
    const st = this.status();
    if (st.state !== 'connected') throw new CausewayError('CW_SINK_SEND_FAILED', { sink: st.id, reason: `the sink is ${st.state}` });
    try {
      await this.#sink.send(batch);
      this.markSuccess(1);
    } catch (e) {
      // A refused batch (non-retryable, e.g. HTTP 400) says nothing about the link; only a retryable failure means it is lost.
      if (isRetryable(e)) this.reportError(e);
      throw e;
    }
  }
}
