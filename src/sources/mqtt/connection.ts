/**
 * The link to the broker, through MQTT.js with its own reconnection off (reconnectPeriod 0): the
 * supervisor owns retries. Opens, subscribes, reports a lost link once, and maps every failure to
 * a catalogue error that names the broker (never its credentials).
 */
import { readFile } from 'node:fs/promises';
import { connect, ErrorWithReasonCode, ErrorWithSubackPacket, ReasonCodes, type IClientOptions, type MqttClient } from 'mqtt';
import { CausewayError, isCausewayError } from '../../core/errors.js';

export interface LinkOptions {
  readonly sourceId: string;
  readonly url: string;
  readonly clientId: string;
  readonly username?: string;
  readonly password?: string;
  readonly clean: boolean;
  readonly keepalive: number;
  readonly connectTimeoutMs: number;
  readonly tls?: { caFile?: string; certFile?: string; keyFile?: string; rejectUnauthorized?: boolean };
}

export interface LinkHandlers {
  /** A message; `ack` (QoS 1) sends its PUBACK — call it once the message's samples are durable. */
  onMessage(topic: string, payload: Buffer, ack?: () => void): void;
  /** The link broke after it was open; called at most once. */
  onLost(error: CausewayError): void;
}

/** `host:port` of a broker URL, without user or password, for messages. */
export function brokerTarget(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol === 'mqtts:' ? '8883' : '1883')}`;
}

const NODE_REASONS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused (is the broker running on that port?)',
  ENOTFOUND: 'the host name is not known',
  EAI_AGAIN: 'the host name could not be resolved',
  ETIMEDOUT: 'there was no answer',
  EHOSTUNREACH: 'the host is not reachable',
  ENETUNREACH: 'the network is not reachable',
  ECONNRESET: 'the broker reset the connection',
  EPIPE: 'the broker closed the connection',
};

/** The catalogue error of a failed or broken link. */
export function linkError(opts: LinkOptions, e: unknown): CausewayError {
  if (isCausewayError(e)) return e;
  const target = brokerTarget(opts.url);
  if (e instanceof ErrorWithReasonCode) {
    const text = ReasonCodes[e.code as keyof typeof ReasonCodes] ?? 'unknown reason';
    // 3.1.1 return codes 4/5 and MQTT 5 reason codes 134/135: the credentials or the ACL.
    if ([4, 5, 134, 135].includes(e.code)) {
      return new CausewayError('CW_SOURCE_AUTH_FAILED', { source: opts.sourceId, target, user: opts.username ?? 'anonymous', status: `${text}, code ${e.code}` }, { cause: e });
    }
    return new CausewayError('CW_SOURCE_CONNECT_FAILED', { source: opts.sourceId, target, reason: `the broker refused the connection (${text}, code ${e.code})` }, { cause: e });
  }
  const code = (e as { code?: unknown } | undefined)?.code;
  const message = e instanceof Error ? e.message : String(e);
  let reason = typeof code === 'string' ? NODE_REASONS[code] : undefined;
  if (!reason && /certificate|self[- ]signed|CERT|TLS|SSL/i.test(`${String(code)} ${message}`)) reason = `the TLS handshake failed (${message})`;
  if (!reason && message === 'connack timeout') reason = `the broker did not accept the connection within ${opts.connectTimeoutMs} ms`;
  return new CausewayError('CW_SOURCE_CONNECT_FAILED', { source: opts.sourceId, target, reason: reason ?? message.replace(/\.$/, '') }, { cause: e });
}

async function clientOptions(opts: LinkOptions): Promise<IClientOptions> {
  const u = new URL(opts.url);
  const secure = u.protocol === 'mqtts:';
  const tls = opts.tls ?? {};
  const [ca, cert, key] = await Promise.all([tls.caFile, tls.certFile, tls.keyFile].map((f) => (f ? readFile(f) : undefined)));
  return {
    protocol: secure ? 'mqtts' : 'mqtt',
    host: u.hostname,
    port: Number(u.port || (secure ? 8883 : 1883)),
    clientId: opts.clientId,
    username: opts.username ?? (u.username ? decodeURIComponent(u.username) : undefined),
    password: opts.password ?? (u.password ? decodeURIComponent(u.password) : undefined),
    clean: opts.clean,
    keepalive: opts.keepalive,
    connectTimeout: opts.connectTimeoutMs,
    // The supervisor reconnects, with backoff; MQTT.js must not.
    reconnectPeriod: 0,
    manualConnect: true,
    resubscribe: false,
    ...(ca ? { ca } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key } : {}),
    ...(secure ? { rejectUnauthorized: tls.rejectUnauthorized ?? true } : {}),
  };
}

/**
 * Open the link. Resolves once the broker accepted the session; rejects with a catalogue error on
 * refusal, timeout or abort. Messages are handed over from the start: a persistent session may
 * deliver queued messages right after CONNACK, before any SUBSCRIBE.
 */
export async function openLink(opts: LinkOptions, handlers: LinkHandlers, signal: AbortSignal): Promise<MqttClient> {
  const client = connect(await clientOptions(opts));
  let lastError: unknown;
  let open = false;
  let lost = false;
  deferPubacks(client);
  client.on('message', (topic, payload, packet) => {
    const id = packet.messageId;
    if (packet.qos !== 1 || id === undefined) return handlers.onMessage(topic, payload);
    handlers.onMessage(topic, payload, () => sendPuback(client, id));
  });
  client.on('error', (e) => (lastError = e));
  return new Promise<MqttClient>((resolve, reject) => {
    const onAbort = () => {
      client.end(true);
      reject(linkError(opts, new Error('the connection attempt was cancelled')));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    client.once('connect', () => {
      open = true;
      signal.removeEventListener('abort', onAbort);
      resolve(client);
    });
    client.on('close', () => {
      signal.removeEventListener('abort', onAbort);
      if (!open) return reject(linkError(opts, lastError ?? new Error('the broker closed the connection before accepting it')));
      if (lost || client.disconnecting) return;
      lost = true;
      const why = lastError ?? new Error('the connection to the broker was lost');
      handlers.onLost(linkError(opts, why));
    });
    if (signal.aborted) return onAbort();
    client.connect();
  });
}

/** Marks a QoS 1 message whose PUBACK the source sends itself, later. */
const DEFERRED = new Error('PUBACK deferred until the samples are durable');

/**
 * MQTT.js sends a QoS 1 PUBACK as soon as handleMessage() calls back, before the hub has the
 * message on disk. Calling back with an error skips that PUBACK (the packet pump moves on at
 * once, so throughput does not wait for the disk); sendPuback() sends it once the batch is
 * durable. An unacknowledged message is delivered again by the broker on the next session.
 */
function deferPubacks(client: MqttClient): void {
  client.handleMessage = (packet, callback) => callback(packet.qos === 1 ? DEFERRED : undefined);
}

/** The PUBACK of a QoS 1 message, on the link it came on (skipped when that link is gone). */
function sendPuback(client: MqttClient, messageId: number): void {
  if (!client.connected) return;
  const send = (client as unknown as { _sendPacket(packet: { cmd: 'puback'; messageId: number }, cb?: () => void): void })._sendPacket;
  send.call(client, { cmd: 'puback', messageId }, () => undefined);
}

/** `p`, or a rejection with `error()` after `ms` or when `signal` aborts; leaves no timer behind. */
function bounded<T>(p: Promise<T>, ms: number, signal: AbortSignal, error: (why: string) => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(error(`there was no answer within ${ms} ms`)), ms);
    onAbort = () => reject(error('the connection attempt was cancelled'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([p, limit]).finally(() => {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort!);
  });
}

/** Subscribe to every filter, within the connect timeout; a refused filter is CW_SOURCE_SUBSCRIBE_FAILED. */
export async function subscribeAll(client: MqttClient, filters: ReadonlyArray<{ topic: string; qos: 0 | 1 | 2 }>, opts: LinkOptions, signal: AbortSignal): Promise<void> {
  if (filters.length === 0) return;
  const map = Object.fromEntries(filters.map((f) => [f.topic, { qos: f.qos }]));
  const target = brokerTarget(opts.url);
  const late = (why: string) => new CausewayError('CW_SOURCE_CONNECT_FAILED', { source: opts.sourceId, target, reason: `subscribing failed: ${why}` });
  const refused = (topic: string) => new CausewayError('CW_SOURCE_SUBSCRIBE_FAILED', { source: opts.sourceId, target, topic });
  let granted: Array<{ topic: string; qos: number }>;
  try {
    granted = await bounded(client.subscribeAsync(map), opts.connectTimeoutMs, signal, late);
  } catch (e) {
    // MQTT.js rejects when a SUBACK grants 128 (refused); the grants are in filter order.
    if (!(e instanceof ErrorWithSubackPacket)) throw linkError(opts, e);
    const codes = e.packet.granted.map((g) => (typeof g === 'number' ? g : 128));
    throw refused(filters[Math.max(0, codes.findIndex((c) => c >= 128))]!.topic);
  }
  const denied = granted.find((g) => g.qos >= 128);
  if (denied) throw refused(denied.topic);
}

/**
 * Close the link: a clean DISCONNECT when it is up (the broker keeps a persistent session and
 * queues for it), forced otherwise, and forced anyway if the broker does not answer in time.
 */
export async function closeLink(client: MqttClient, graceMs = 2000): Promise<void> {
  if (!client.connected) {
    await client.endAsync(true);
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, graceMs);
    timer.unref();
  });
  await Promise.race([client.endAsync(false), late]);
  clearTimeout(timer);
  if (!client.disconnected) await client.endAsync(true);
}
