/**
 * The `mqtt` sink kind: the MQTT unified namespace. Every sample becomes one message (retained and
 * QoS 1 by default) on `<prefix>/<path>` with the §8 payload; send() resolves once every PUBACK is
 * back (QoS 1/2) or every message is written to the socket (QoS 0).
 */
import { randomBytes } from 'node:crypto';
import { CausewayError } from '../../core/errors.js';
import type { Sample } from '../../core/sample.js';
import { checkConfig } from '../shared/config.js';
import type { Sink, SinkConnector, SinkContext } from '../types.js';
import { mqttSinkDefinition } from './definition.js';
import { MqttLink, type PublishOptions } from './connection.js';
import { payloadFor, TopicCache } from './payload.js';
import { DEFAULT_MAX_IN_FLIGHT, DEFAULT_PREFIX, MqttSinkConfigSchema, type MqttSinkConfig } from './schema.js';
import { peerOfUrl, peerReturns } from '../../protocols/reachable.js';
import { mqttAlarmMessages, type AlarmEvent, type AlarmRoute } from '../shared/alarms.js';

export { MqttSinkConfigSchema, DEFAULT_MAX_IN_FLIGHT, DEFAULT_PREFIX, type MqttSinkConfig } from './schema.js';
export { payloadFor, topicFor, TopicCache } from './payload.js';

/** A running MQTT unified-namespace output; see mqttSink. */
class MqttSink implements Sink {
  readonly #config: MqttSinkConfig;
  readonly #ctx: SinkContext;
  readonly #clientId: string;
  readonly #topics: TopicCache;
  readonly #publish: PublishOptions;
  #link: MqttLink | undefined;

  constructor(config: MqttSinkConfig, ctx: SinkContext) {
    checkConfig(MqttSinkConfigSchema, config, ctx.id);
    this.#config = config;
    this.#ctx = ctx;
    // One id per sink instance, kept across reconnects; the suffix keeps two hubs with the same config apart.
    this.#clientId = config.clientId ?? `causeway-${ctx.id}-${randomBytes(4).toString('hex')}`;
    this.#topics = new TopicCache(config.prefix ?? DEFAULT_PREFIX);
    this.#publish = { qos: config.qos ?? 1, retain: config.retain ?? true, window: config.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT };
  }

  async connect(signal: AbortSignal): Promise<void> {
    await this.close();
    const { url, username, password } = this.#config;
    this.#link = await MqttLink.open({
      sinkId: this.#ctx.id, url, clientId: this.#clientId,
      ...(username === undefined ? {} : { username }),
      ...(password === undefined ? {} : { password }),
    }, signal);
  }

  /** While the supervisor backs off: retry as soon as the broker accepts TCP connections again. */
  retryWhen(signal: AbortSignal): Promise<void> | undefined {
    const peer = peerOfUrl(this.#config.url, { mqtt: 1883, tcp: 1883, mqtts: 8883, ssl: 8883, ws: 80, wss: 443 });
    return peer ? peerReturns(peer, signal) : undefined;
  }

  async send(batch: readonly Sample[]): Promise<void> {
    const link = this.#link;
    if (!link) throw new CausewayError('CW_SINK_SEND_FAILED', { sink: this.#ctx.id, reason: 'the sink is not connected to the broker' });
    if (link.lost) throw link.lost;
    const topics = this.#topics;
    const ctx = this.#ctx;
    // One object reused: MQTT.js reads topic and payload at once and keeps neither.
    const m = { topic: '', payload: '' };
    await link.publishAll(batch.length, (i) => {
      const s = batch[i]!;
      m.topic = topics.topic(s.path);
      m.payload = payloadFor(s, ctx.describe(s.path));
      return m;
    }, this.#publish);
  }

  /** Alarm events on <base>/events and each alarm's state retained on <base>/active/<id>; QoS at least 1. */
  async sendAlarms(events: readonly AlarmEvent[], route: AlarmRoute): Promise<void> {
    const link = this.#link;
    if (!link) throw new CausewayError('CW_SINK_SEND_FAILED', { sink: this.#ctx.id, reason: 'the sink is not connected to the broker' });
    if (link.lost) throw link.lost;
    const prefix = this.#config.prefix ?? DEFAULT_PREFIX;
    const m = mqttAlarmMessages(events, route.prefix ?? (prefix === '' ? '_alarms' : `${prefix}/_alarms`));
    const qos = this.#publish.qos === 0 ? 1 : this.#publish.qos;
    await link.publishAll(m.events.length, (i) => m.events[i]!, { ...this.#publish, qos, retain: false });
    await link.publishAll(m.active.length, (i) => m.active[i]!, { ...this.#publish, qos, retain: true });
  }

  async close(): Promise<void> {
    const link = this.#link;
    this.#link = undefined;
    await link?.close();
  }
}

/** The MQTT unified-namespace sink kind, loaded. */
export const mqttSink: SinkConnector<MqttSinkConfig> = { ...mqttSinkDefinition, create: (config, ctx) => new MqttSink(config, ctx) };
