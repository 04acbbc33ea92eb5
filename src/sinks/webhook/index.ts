/**
 * The `webhook` sink kind: POSTs every value as JSON to an HTTP endpoint, split into requests of at
 * most maxBatch samples, each signed with HMAC-SHA256 over "<timestamp>.<body>" and carrying an
 * Idempotency-Key that stays the same when the pipeline sends the batch again.
 */
import { CausewayError } from '../../core/errors.js';
import type { Sample } from '../../core/sample.js';
import { durationMs } from '../../core/time.js';
import { checkConfig, safeTarget } from '../shared/config.js';
import { unsRecord } from '../shared/payload.js';
import type { Sink, SinkConnector, SinkContext } from '../types.js';
import { webhookSinkDefinition } from './definition.js';
import { post, probe } from './deliver.js';
import { buildBody, chunk, idempotencyKey, prepareChunk, requestHeaders } from './request.js';
import { DEFAULT_MAX_BATCH, DEFAULT_TIMEOUT_MS, RESERVED_HEADERS, WebhookSinkConfigSchema, type WebhookSinkConfig } from './schema.js';
import { peerOfUrl, peerReturns } from '../../protocols/reachable.js';
import type { AlarmEvent } from '../shared/alarms.js';

export { WebhookSinkConfigSchema, type WebhookSinkConfig } from './schema.js';
export { buildBody, chunk, idempotencyKey, outcomeOf, parseRetryAfter, signature } from './request.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A running webhook output; see webhookSink. */
class WebhookSink implements Sink {
  readonly #ctx: SinkContext;
  readonly #url: string;
  readonly #secret: string;
  readonly #maxBatch: number;
  readonly #timeoutMs: number;
  readonly #headers: Readonly<Record<string, string>>;
  #closing = new AbortController();

  constructor(config: WebhookSinkConfig, ctx: SinkContext) {
    checkConfig(WebhookSinkConfigSchema, config, ctx.id);
    const reserved = Object.keys(config.headers ?? {}).find((h) => RESERVED_HEADERS.includes(h.toLowerCase()));
    if (reserved) throw new CausewayError('CW_SINK_CONFIG_INVALID', { sink: ctx.id, problem: `config.headers may not set ${reserved}, which the sink sets itself` });
    this.#ctx = ctx;
    this.#url = config.url;
    this.#secret = config.secret;
    this.#maxBatch = config.maxBatch ?? DEFAULT_MAX_BATCH;
    this.#timeoutMs = durationMs(config.timeout, DEFAULT_TIMEOUT_MS);
    this.#headers = Object.freeze({ ...config.headers });
    const u = new URL(config.url);
    if (u.protocol === 'http:' && !LOOPBACK.has(u.hostname)) {
      ctx.logger.warn({ url: safeTarget(config.url) }, `Sink ${ctx.id} posts to ${safeTarget(config.url)} over plain HTTP: the signature protects the data from changes, not from being read. Use https.`);
    }
  }

  /** Check that the receiver answers at all (any HTTP status will do: it may have no health endpoint), so a dead one shows as down and is retried with backoff. */
  async connect(signal: AbortSignal): Promise<void> {
    if (this.#closing.signal.aborted) this.#closing = new AbortController();
    await probe({ sinkId: this.#ctx.id, url: this.#url, timeoutMs: this.#timeoutMs, signal: AbortSignal.any([signal, this.#closing.signal]) });
  }

  async send(batch: readonly Sample[]): Promise<void> {
    const signal = this.#closing.signal;
    if (signal.aborted) throw new CausewayError('CW_SINK_SEND_FAILED', { sink: this.#ctx.id, reason: 'the sink was closed' });
    // Requests go one after the other, so the receiver sees the batch in order.
    for (const part of chunk(batch, this.#maxBatch)) {
      const prepared = prepareChunk(this.#ctx.id, part.map((s) => unsRecord(s, this.#ctx.describe(s.path))));
      const sentAt = this.#ctx.now();
      const body = buildBody(prepared, sentAt, this.#ctx.id);
      const headers = requestHeaders(this.#headers, prepared, body, this.#secret, sentAt);
      await post({ sinkId: this.#ctx.id, url: this.#url, headers, body, timeoutMs: this.#timeoutMs, signal, now: this.#ctx.now });
    }
  }

  /** Alarm events as {"alarms": [...], "sentAt", "hub"}, signed and with an Idempotency-Key like the samples. */
  async sendAlarms(events: readonly AlarmEvent[]): Promise<void> {
    const signal = this.#closing.signal;
    if (signal.aborted) throw new CausewayError('CW_SINK_SEND_FAILED', { sink: this.#ctx.id, reason: 'the sink was closed' });
    for (const part of chunk(events, this.#maxBatch)) {
      const json = JSON.stringify(part);
      const sentAt = this.#ctx.now();
      const body = `{"alarms":${json},"sentAt":${sentAt},"hub":${JSON.stringify(this.#ctx.id)}}`;
      const headers = requestHeaders(this.#headers, { samplesJson: json, count: part.length, idempotencyKey: idempotencyKey(this.#ctx.id, json) }, body, this.#secret, sentAt);
      await post({ sinkId: this.#ctx.id, url: this.#url, headers, body, timeoutMs: this.#timeoutMs, signal, now: this.#ctx.now });
    }
  }

  /** While the supervisor backs off: retry as soon as the receiver's host accepts TCP connections again. */
  retryWhen(signal: AbortSignal): Promise<void> | undefined {
    const peer = peerOfUrl(this.#url, { http: 80, https: 443 });
    return peer ? peerReturns(peer, signal) : undefined;
  }

  /** Abort requests in flight. */
  async close(): Promise<void> {
    this.#closing.abort();
  }
}

/** The webhook sink kind, loaded. */
export const webhookSink: SinkConnector<WebhookSinkConfig> = { ...webhookSinkDefinition, create: (config, ctx) => new WebhookSink(config, ctx) };
