/**
 * The MQTT link of the unified-namespace sink. MQTT.js runs with reconnectPeriod 0: when the link
 * breaks, every publish still waiting for its PUBACK is rejected, later publishes fail at once,
 * and the supervisor reconnects by opening a new link (a connector never retries by itself).
 */
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { CausewayError } from '../../core/errors.js';
import { safeTarget } from '../shared/config.js';
import { untilConnected } from '../../protocols/mqtt-connect.js';

/** How long a connect may take before it counts as failed. */
export const CONNECT_TIMEOUT_MS = 10_000;

/** How one send publishes: QoS, retain flag, and the most messages unfinished at once. */
export interface PublishOptions {
  qos: 0 | 1 | 2;
  retain: boolean;
  window: number;
}

/** MQTT.js traces every packet through `debug`; a no-op logger keeps those calls off the publish path. */
function quiet(): void {}

export interface MqttLinkOptions {
  sinkId: string;
  url: string;
  clientId: string;
  username?: string;
  password?: string;
}

/** A short reason for an MQTT.js or socket error, in plant words. */
export function reasonOf(e: unknown): string {
  const code = (e as { code?: unknown } | undefined)?.code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'ECONNREFUSED') return 'the connection was refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'the broker does not answer';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'the broker closed the connection';
  if (/not authori[sz]ed|bad user ?name or password/i.test(message)) return 'the broker refused the user name or password';
  if (/identifier rejected|client ?identifier not valid/i.test(message)) return 'the broker refused the client id';
  return message.replace(/[.\s]+$/, '') || 'the link failed';
}

/** An open link to the broker that publishes and awaits acknowledgements. */
export class MqttLink {
  readonly #client: MqttClient;
  readonly #opts: MqttLinkOptions;
  /** Rejecters of sends still waiting for PUBACKs or socket writes. */
  readonly #pending = new Set<(e: CausewayError) => void>();
  #lost: CausewayError | undefined;
  #lastError: unknown;

  private constructor(client: MqttClient, opts: MqttLinkOptions) {
    this.#client = client;
    this.#opts = opts;
    client.on('error', (e) => (this.#lastError = e));
    client.once('close', () => this.#onClose());
  }

  /** Connect; throws a retryable CW_SINK_CONNECT_FAILED. */
  static async open(opts: MqttLinkOptions, signal: AbortSignal): Promise<MqttLink> {
    const client = mqtt.connect(opts.url, clientOptions(opts));
    try {
      await untilConnected(client, signal);
    } catch (e) {
      client.end(true);
      const reason = signal.aborted ? 'the hub stopped connecting' : reasonOf(e);
      throw new CausewayError('CW_SINK_CONNECT_FAILED', { sink: opts.sinkId, target: safeTarget(opts.url), reason }, { cause: e });
    }
    return new MqttLink(client, opts);
  }

  /** Why the link is down, or undefined while it is up. */
  get lost(): CausewayError | undefined {
    return this.#lost;
  }

  /**
   * Publish `count` messages, in order, with at most `window` unfinished at once; resolves once every
   * one is acknowledged (QoS 1/2) or written to the socket (QoS 0). Refills the window in bulk (at
   * half empty): the publishes of one refill share one socket write (MQTT.js corks the stream per
   * tick) instead of one write per PUBACK. Rejects with the first failure (a retryable
   * CW_SINK_SEND_FAILED); nothing is started after it.
   */
  publishAll(count: number, message: (i: number) => { topic: string; payload: string }, opts: PublishOptions): Promise<void> {
    if (this.#lost) return Promise.reject(this.#lost);
    if (count === 0) return Promise.resolve();
    return opts.qos === 0 ? this.#publishAtMostOnce(count, message, opts) : this.#publishAcknowledged(count, message, opts);
  }

  /** QoS 1/2: a window of publishes awaiting their acknowledgement, refilled in bulk when half empty. */
  #publishAcknowledged(count: number, message: (i: number) => { topic: string; payload: string }, opts: PublishOptions): Promise<void> {
    const client = this.#client;
    const packetOpts = { qos: opts.qos, retain: opts.retain };
    const refillAt = opts.window >> 1;
    return new Promise<void>((resolve, reject) => {
      let next = 0;
      let open = 0;
      let failed = false;
      let filling = false;
      const fail = (e: CausewayError) => {
        if (failed) return;
        failed = true;
        this.#pending.delete(fail);
        reject(e);
      };
      const done = (err?: Error) => {
        open--;
        if (failed) return;
        if (err) return fail(this.#sendFailed(reasonOf(err), err));
        if (next < count) {
          if (open <= refillAt && !filling) fill();
        } else if (open === 0) {
          this.#pending.delete(fail);
          resolve();
        }
      };
      const fill = () => {
        filling = true;
        while (open < opts.window && next < count && !failed) {
          if (this.#lost) return fail(this.#lost);
          const m = message(next++);
          open++;
          client.publish(m.topic, m.payload, packetOpts, done);
        }
        filling = false;
      };
      this.#pending.add(fail);
      fill();
    });
  }

  /** QoS 0: no acknowledgement; written in chunks of the window, waiting for the socket to drain between them. */
  async #publishAtMostOnce(count: number, message: (i: number) => { topic: string; payload: string }, opts: PublishOptions): Promise<void> {
    const client = this.#client;
    const packetOpts = { qos: 0 as const, retain: opts.retain };
    for (let next = 0; next < count;) {
      if (this.#lost) throw this.#lost;
      const end = Math.min(count, next + opts.window);
      for (; next < end; next++) {
        const m = message(next);
        client.publish(m.topic, m.payload, packetOpts);
      }
      if (client.stream.writableNeedDrain) await this.#drained();
    }
    if (this.#lost) throw this.#lost;
  }

  /** Resolves when the socket drained, rejects when the link is lost first. */
  #drained(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const stream = this.#client.stream;
      const fail = (e: CausewayError) => {
        stream.off('drain', ok);
        reject(e);
      };
      const ok = () => {
        this.#pending.delete(fail);
        resolve();
      };
      this.#pending.add(fail);
      stream.once('drain', ok);
    });
  }

  /** Disconnect: cleanly when the link is up and idle, at once otherwise; publishes still waiting are rejected. */
  async close(): Promise<void> {
    // A clean end waits for unacknowledged publishes, which may never come: force it then.
    const force = !this.#client.connected || this.#pending.size > 0;
    if (!this.#lost) this.#fail(this.#sendFailed('the sink was closed'));
    await new Promise<void>((resolve) => this.#client.end(force, () => resolve()));
  }

  #onClose(): void {
    if (this.#lost) return;
    const reason = this.#lastError === undefined ? 'the broker closed the connection' : reasonOf(this.#lastError);
    this.#fail(this.#sendFailed(`the link to the broker broke (${reason})`, this.#lastError));
  }

  #fail(error: CausewayError): void {
    this.#lost = error;
    for (const reject of this.#pending) reject(error);
    this.#pending.clear();
  }

  #sendFailed(reason: string, cause?: unknown): CausewayError {
    return new CausewayError('CW_SINK_SEND_FAILED', { sink: this.#opts.sinkId, reason }, cause === undefined ? {} : { cause });
  }
}

function clientOptions(opts: MqttLinkOptions): IClientOptions {
  return {
    clientId: opts.clientId,
    ...(opts.username === undefined ? {} : { username: opts.username }),
    ...(opts.password === undefined ? {} : { password: opts.password }),
    clean: true,
    reconnectPeriod: 0,
    connectTimeout: CONNECT_TIMEOUT_MS,
    log: quiet,
  };
}

