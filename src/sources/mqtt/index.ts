/**
 * The `mqtt` source kind: subscribes to topic filters with named captures and turns JSON (or
 * plain) payloads into samples of tags named from the topic. A push source: QoS 1 and a
 * persistent session by default, so messages sent while the hub was away arrive on reconnect.
 * Malformed payloads are quarantined (counted, the last kept) and never stop the source.
 */
import type { MqttClient } from 'mqtt';
import { CausewayError } from '../../core/errors.js';
import type { Sample } from '../../core/sample.js';
import { durationMs } from '../../core/time.js';
import type { Source, SourceConnector, SourceContext, SourceProblem } from '../types.js';
import { Batcher } from './batcher.js';
import { brokerTarget, closeLink, openLink, subscribeAll, type LinkOptions } from './connection.js';
import { extractMessage } from './extract.js';
import { Quarantine, type QuarantineSnapshot } from './quarantine.js';
import { compileRoutes, type Route } from './routes.js';
import { mqttDefinition } from './definition.js';
import { MqttConfigSchema, schemaProblem, type MqttConfig } from './schema.js';
import { brokerFilters } from './topic.js';

export type { MqttConfig, MqttTagConfig, SubscriptionConfig } from './schema.js';
export { MqttConfigSchema, MqttTagSchema } from './schema.js';
export type { QuarantineEntry, QuarantineSnapshot, QuarantineTopic } from './quarantine.js';
export { QUARANTINE_REASONS, type QuarantineReason } from './extract.js';

export const DEFAULT_MAX_PAYLOAD_BYTES = 256 * 1024;
export const DEFAULT_MAX_BATCH = 5000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_KEEPALIVE_S = 30;

/** The client id used when the config names none: stable, so the broker keeps the session. */
export function defaultClientId(sourceId: string): string {
  return `causeway-${sourceId}`;
}

/** A running MQTT source; see mqttSource. */
export class MqttSource implements Source {
  readonly #ctx: SourceContext;
  readonly #link: LinkOptions;
  readonly #routes: readonly Route[];
  readonly #filters: Array<{ topic: string; qos: 0 | 1 | 2 }>;
  readonly #maxPayloadBytes: number;
  readonly #quarantine: Quarantine;
  readonly #batcher: Batcher;
  #client: MqttClient | undefined;
  /** A loss seen before subscribe(); reported as soon as the supervisor listens. */
  #lostEarly: CausewayError | undefined;
  #subscribed = false;
  #messages = 0;

  constructor(config: MqttConfig, ctx: SourceContext) {
    const invalid = (problem: string) => new CausewayError('CW_SOURCE_CONFIG_INVALID', { source: ctx.id, problem });
    const problem = schemaProblem(MqttConfigSchema, config ?? {}, 'config');
    if (problem) throw invalid(problem);
    const { routes, problems } = compileRoutes(config, ctx.tags);
    if (problems.length > 0) throw invalid(problems.join('; '));
    this.#ctx = ctx;
    this.#routes = routes;
    // At most QoS 1: MQTT.js completes a QoS 2 handshake (PUBREC) before the hub has the message
    // on disk, so QoS 2 would acknowledge earlier than QoS 1 does here.
    this.#filters = brokerFilters(routes.map((r) => ({ filter: r.filter, qos: r.qos === 2 ? 1 : r.qos })));
    this.#maxPayloadBytes = config.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
    this.#link = {
      sourceId: ctx.id,
      url: config.url,
      clientId: config.clientId ?? defaultClientId(ctx.id),
      username: config.username,
      password: config.password,
      clean: config.clean ?? false,
      keepalive: config.keepalive ?? DEFAULT_KEEPALIVE_S,
      connectTimeoutMs: durationMs(config.connectTimeout, DEFAULT_CONNECT_TIMEOUT_MS),
      tls: config.tls,
    };
    this.#quarantine = new Quarantine(ctx.id, ctx.logger);
    this.#batcher = new Batcher(
      config.maxBatch ?? DEFAULT_MAX_BATCH,
      (e) => ctx.logger.error({ err: e }, 'handing a batch to the pipeline failed'),
      undefined,
      // The hub could not take a batch (spool full): its messages stay unacknowledged; a new
      // session (after the supervisor's backoff) makes the broker deliver them again.
      (e) => this.#refused(e),
    );
  }

  async connect(signal: AbortSignal): Promise<void> {
    if (this.#client) await this.close();
    this.#lostEarly = undefined;
    this.#subscribed = false;
    const client = await openLink(this.#link, { onMessage: (t, p, ack) => this.#onMessage(t, p, ack), onLost: (e) => this.#onLost(client, e) }, signal);
    try {
      await subscribeAll(client, this.#filters, this.#link, signal);
    } catch (e) {
      await closeLink(client).catch(() => undefined);
      throw e;
    }
    this.#client = client;
  }

  subscribe(onBatch: (batch: Sample[]) => Promise<void> | void): void {
    this.#subscribed = true;
    this.#batcher.attach(onBatch);
    const early = this.#lostEarly;
    if (early) queueMicrotask(() => this.#ctx.reportError(early));
  }

  /** Set-aside messages: counts per reason and the last one. */
  quarantine(): QuarantineSnapshot {
    return this.#quarantine.snapshot();
  }

  /** Messages set aside recently: a problem while the link is up. */
  problems(): SourceProblem[] {
    const p = this.#quarantine.problem(this.#messages, this.#ctx.now());
    return p ? [p] : [];
  }

  inspect(): Record<string, unknown> {
    return {
      broker: brokerTarget(this.#link.url),
      clientId: this.#link.clientId,
      cleanSession: this.#link.clean,
      connected: this.#client?.connected ?? false,
      subscriptions: this.#filters,
      messages: this.#messages,
      ...this.#batcher.stats(),
      quarantine: this.quarantine(),
    };
  }

  async close(): Promise<void> {
    // Samples already acknowledged to the broker are handed over before the link goes.
    this.#batcher.detach();
    const client = this.#client;
    this.#client = undefined;
    if (client) await closeLink(client);
  }

  #onLost(client: MqttClient, e: CausewayError): void {
    // A link replaced by a newer connect() is not this source's loss any more.
    if (this.#client !== client && this.#client !== undefined) return;
    if (this.#subscribed) this.#ctx.reportError(e);
    else this.#lostEarly = e;
  }

  #onMessage(topic: string, payload: Buffer, ack?: () => void): void {
    this.#messages++;
    const now = this.#ctx.now();
    const { samples, problems } = extractMessage(this.#routes, topic, payload, { sourceId: this.#ctx.id, maxPayloadBytes: this.#maxPayloadBytes, receivedAt: now });
    for (const p of problems) this.#quarantine.add(topic, payload, p, now);
    this.#batcher.push(samples, ack);
  }

  #refused(e: unknown): void {
    const client = this.#client;
    if (!client || !this.#subscribed) return;
    const err = e instanceof CausewayError ? e : new CausewayError('CW_PIPELINE_SPOOL_FAILED', { dir: 'the ingest spool', reason: String(e) });
    this.#onLost(client, err);
  }
}

/** The MQTT JSON source kind, loaded. */
export const mqttSource: SourceConnector<MqttConfig> = {
  ...mqttDefinition,
  create(config: MqttConfig, ctx: SourceContext): Source {
    return new MqttSource(config, ctx);
  },
};
