/**
 * The MQTT link of a Sparkplug host application: connect with the STATE death certificate as Last
 * Will, subscribe, publish STATE online; later publish rebirth requests and, on close, STATE offline.
 * MQTT.js runs with reconnectPeriod 0: when the link breaks it says so once and the supervisor
 * reconnects (a connector never retries by itself).
 */
import mqtt, { ErrorWithSubackPacket, type IClientOptions, type MqttClient } from 'mqtt';
import { CausewayError } from '../../core/errors.js';
import { encodeRebirthRequest } from './payload.js';
import { messageTopic, statePayload, stateTopic } from './topic.js';
import { untilConnected } from '../../protocols/mqtt-connect.js';

export interface LinkOptions {
  sourceId: string;
  url: string;
  clientId: string;
  username?: string;
  password?: string;
  hostId: string;
  subscriptions: readonly string[];
  /** The STATE timestamp of this session: in the Will, the online message and the offline message. */
  stateTimestamp: number;
  onMessage(topic: string, payload: Buffer, retained: boolean): void;
  /** Called once when the link breaks after open() succeeded (not after close()). */
  onLost(error: CausewayError): void;
}

/** The broker URL without user name or password, for messages and logs. */
export function brokerTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//');
  }
}

/** A short reason for an MQTT.js or socket error, in plant words. */
export function reasonOf(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'ECONNREFUSED') return 'the connection was refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'the broker does not answer';
  if (/not authori[sz]ed|bad user ?name or password/i.test(message)) return 'the broker refused the user name or password';
  if (/identifier rejected|client ?identifier not valid/i.test(message)) return 'the broker refused the client id';
  return message.replace(/[.\s]+$/, '') || 'the link failed';
}

/** Own rebirth requests remembered to recognize their echo (one per edge node after a reconnect). */
const MAX_REMEMBERED = 1000;

/** An open link to the broker. */
export class SparkplugLink {
  readonly #client: MqttClient;
  readonly #opts: LinkOptions;
  #closing = false;
  /** What this link published and may hear again (topic + payload), oldest first, bounded. */
  readonly #sent = new Set<string>();
  #lastError: unknown;

  private constructor(client: MqttClient, opts: LinkOptions) {
    this.#client = client;
    this.#opts = opts;
  }

  /** Connect, subscribe and publish STATE online; throws CW_SOURCE_CONNECT_FAILED. */
  static async open(opts: LinkOptions, signal: AbortSignal): Promise<SparkplugLink> {
    const fail = (reason: string, cause?: unknown) =>
      new CausewayError('CW_SOURCE_CONNECT_FAILED', { source: opts.sourceId, target: brokerTarget(opts.url), reason }, { cause });
    const client = mqtt.connect(opts.url, clientOptions(opts));
    try {
      await untilConnected(client, signal);
    } catch (e) {
      client.end(true);
      throw fail(signal.aborted ? 'the hub stopped connecting' : reasonOf(e), e);
    }
    const link = new SparkplugLink(client, opts);
    client.on('message', (topic, payload, packet) => {
      // The host subscribes to its groups' NCMD topics too: its own rebirth requests come back.
      if (link.#ownEcho(topic, payload)) return;
      opts.onMessage(topic, payload, packet.retain);
    });
    client.on('error', (e) => (link.#lastError = e));
    client.once('close', () => link.#lost());
    try {
      const grants = await client.subscribeAsync(Object.fromEntries(opts.subscriptions.map((topic) => [topic, { qos: 1 as const }]))).catch((e: unknown) => {
        // MQTT.js rejects when a SUBACK refuses a filter (0x80, e.g. the broker's ACL); the grants are in filter order.
        if (!(e instanceof ErrorWithSubackPacket) || !('granted' in e.packet)) throw e;
        return e.packet.granted.map((g, i) => ({ topic: opts.subscriptions[i] ?? '', qos: typeof g === 'number' ? g : 128 }));
      });
      const refused = grants.find((g) => g.qos >= 128);
      if (refused) throw fail(`the broker refused the subscription to ${refused.topic} (may this user read there?)`);
      await link.publishOnline();
    } catch (e) {
      link.#closing = true;
      client.end(true);
      throw e instanceof CausewayError ? e : fail(reasonOf(e), e);
    }
    return link;
  }

  /** Publish STATE online (retained, QoS 1) with this session's timestamp. */
  async publishOnline(): Promise<void> {
    await this.#client.publishAsync(stateTopic(this.#opts.hostId), statePayload(true, this.#opts.stateTimestamp), { qos: 1, retain: true });
  }

  /** Ask an edge node to publish its births again: NCMD `Node Control/Rebirth` = true, QoS 0. */
  requestRebirth(group: string, node: string, now: number): void {
    if (this.#closing || !this.#client.connected) return;
    const topic = messageTopic(group, 'NCMD', node);
    const payload = Buffer.from(encodeRebirthRequest(now));
    this.#sent.add(`${topic}\n${payload.toString('base64')}`);
    // QoS 0: an echo may never come; keep the last requests only.
    if (this.#sent.size > MAX_REMEMBERED) this.#sent.delete(this.#sent.values().next().value!);
    this.#client.publish(topic, payload, { qos: 0, retain: false });
  }

  /** True (once) when a message is this link's own request coming back from the broker. */
  #ownEcho(topic: string, payload: Buffer): boolean {
    return this.#sent.size > 0 && this.#sent.delete(`${topic}\n${payload.toString('base64')}`);
  }

  get open(): boolean {
    return !this.#closing && this.#client.connected;
  }

  /** Publish STATE offline (when still connected) and disconnect cleanly, so the Will is not sent. */
  async close(): Promise<void> {
    if (this.#closing) return;
    this.#closing = true;
    if (!this.#client.connected) {
      this.#client.end(true);
      return;
    }
    try {
      await this.#client.publishAsync(stateTopic(this.#opts.hostId), statePayload(false, this.#opts.stateTimestamp), { qos: 1, retain: true });
      await this.#client.endAsync();
    } catch {
      this.#client.end(true);
    }
  }

  #lost(): void {
    if (this.#closing) return;
    this.#closing = true;
    const target = brokerTarget(this.#opts.url);
    this.#opts.onLost(new CausewayError('CW_SOURCE_CONNECT_FAILED', { source: this.#opts.sourceId, target, reason: this.#lastError === undefined ? 'the broker closed the connection' : reasonOf(this.#lastError) }, { cause: this.#lastError }));
  }
}

function clientOptions(opts: LinkOptions): IClientOptions {
  return {
    clientId: opts.clientId,
    ...(opts.username === undefined ? {} : { username: opts.username }),
    ...(opts.password === undefined ? {} : { password: opts.password }),
    clean: true,
    reconnectPeriod: 0,
    // Sparkplug 3.0: the host's death certificate, same topic and timestamp as its birth, retained.
    will: { topic: stateTopic(opts.hostId), payload: Buffer.from(statePayload(false, opts.stateTimestamp)), qos: 1, retain: true },
  };
}

