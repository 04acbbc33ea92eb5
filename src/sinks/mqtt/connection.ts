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
  /** Rejecters of publishes still waiting for their PUBACK. */
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

  /** Publish and resolve on the broker's acknowledgement; rejects with a retryable CW_SINK_SEND_FAILED. */
  publish(topic: string, payload: string, qos: 1 | 2, retain: boolean): Promise<void> {
    if (this.#lost) return Promise.reject(this.#lost);
    return new Promise<void>((resolve, reject) => {
      this.#pending.add(reject);
      this.#client.publish(topic, payload, { qos, retain }, (err) => {
        if (!this.#pending.delete(reject)) return; // already rejected by a lost link
        if (err) reject(this.#sendFailed(reasonOf(err), err));
        else resolve();
      });
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
  };
}

