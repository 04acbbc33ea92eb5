/**
 * An MQTT device: publishes one QoS 1 message per sequence number on a private broker, paced to a
 * rate. A seq counts as acknowledged when the broker sent its PUBACK: from then on it sits in the
 * hub's persistent session (clean: false) and the broker hands it to the hub until the hub PUBACKs
 * it, so a seq that is never stored was PUBACKed by the hub without being kept.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { sleep } from './procs.js';
import type { Tally } from './count.js';

export class MqttPublisher {
  readonly #client: MqttClient;
  #closed = false;
  readonly #tally: Tally;
  #next = 0;
  #stop = false;

  private constructor(client: MqttClient, tally: Tally) {
    this.#client = client;
    this.#tally = tally;
  }

  static async connect(url: string, tally: Tally): Promise<MqttPublisher> {
    const client = await mqtt.connectAsync(url, { clientId: `chaos-publisher-${process.pid}`, clean: true, reconnectPeriod: 200, connectTimeout: 5000 });
    return new MqttPublisher(client, tally);
  }

  stop(): void {
    this.#stop = true;
  }

  /** The highest seq published so far, plus one. */
  get count(): number {
    return this.#next;
  }

  /** Publish `rate` messages a second on `topic` ({"seq", "ts": base + seq}) until stop() or `ms`. */
  async run(topic: string, rate: number, base: number, ms: number): Promise<void> {
    const start = Date.now();
    const inFlight = new Set<Promise<void>>();
    while (!this.#stop && Date.now() - start < ms) {
      const due = start + (this.#next / rate) * 1000;
      if (due > Date.now()) await sleep(due - Date.now());
      const seq = this.#next++;
      this.#tally.sent(seq);
      const p: Promise<void> = this.#client.publishAsync(topic, JSON.stringify({ seq, ts: base + seq }), { qos: 1 }).then(
        () => this.#tally.acknowledged(seq),
        () => undefined,
      ).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= 100) await Promise.race(inFlight);
    }
    const settle = Promise.all(inFlight);
    await Promise.race([settle, sleep(30_000)]);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#client.endAsync(true).catch(() => undefined);
  }
}
