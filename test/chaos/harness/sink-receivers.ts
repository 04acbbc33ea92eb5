/**
 * The far ends of the hub's sinks, recording the seqs they receive in arrival order: a node:http
 * webhook receiver that can be stopped and started on the same port, an MQTT subscriber with a
 * persistent QoS 1 session on a private Mosquitto, and a reader of a private JetStream stream.
 */
import http from 'node:http';
import mqtt, { type MqttClient } from 'mqtt';
import { connect, type NatsConnection } from 'nats';
import { freePort } from '../../../src/test-support/services.js';

/** Seqs in the order a destination received them, and what that says about exactly-once delivery. */
export class Received {
  readonly seqs: number[] = [];
  add(seq: number): void {
    this.seqs.push(seq);
  }
  get last(): number | undefined {
    return this.seqs.at(-1);
  }
  /** Compare with the seqs the historian stored. */
  against(stored: Iterable<number>): { received: number; missing: number; duplicates: number; outOfOrder: number; firstMissing: number[]; firstDuplicates: number[] } {
    const got = new Set(this.seqs);
    const seen = new Set<number>();
    const dupes: number[] = [];
    for (const s of this.seqs) {
      if (seen.has(s)) dupes.push(s);
      seen.add(s);
    }
    const missing = [...stored].filter((s) => !got.has(s)).sort((a, b) => a - b);
    let outOfOrder = 0;
    for (let i = 1; i < this.seqs.length; i++) if (this.seqs[i]! <= this.seqs[i - 1]!) outOfOrder++;
    return { received: got.size, missing: missing.length, duplicates: dupes.length, outOfOrder, firstMissing: missing.slice(0, 10), firstDuplicates: dupes.slice(0, 10) };
  }
}

/** An HTTP endpoint for the webhook sink; stop() closes it and every connection, start() listens again. */
export class WebhookReceiver {
  readonly received = new Received();
  readonly port: number;
  readonly path: string;
  #server: http.Server | undefined;

  private constructor(port: number, path: string) {
    this.port = port;
    this.path = path;
  }

  static async create(path: string): Promise<WebhookReceiver> {
    const r = new WebhookReceiver(await freePort(), path);
    await r.start();
    return r;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/samples`;
  }

  start(): Promise<void> {
    const server = (this.#server = http.createServer((req, res) => {
      // The webhook sink checks that the receiver answers (HEAD) before it sends: any answer will do.
      if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { samples: Array<{ path: string; value: unknown }> };
        for (const s of body.samples) if (s.path === this.path && typeof s.value === 'number') this.received.add(s.value);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    }));
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  async stop(): Promise<void> {
    const s = this.#server;
    if (!s) return;
    this.#server = undefined;
    const closed = new Promise((r) => s.close(r));
    s.closeAllConnections();
    await closed;
  }
}

/**
 * A QoS 1 subscriber with a persistent session (fixed client id, clean: false): the broker keeps
 * its subscription and queues messages while it is away, across a broker restart with persistence.
 * Redeliveries by the broker (DUP flag) of a seq already seen are the broker's, not the hub's, and
 * are not recorded.
 */
export class MqttSubscriber {
  readonly received = new Received();
  /** Repeats the broker marked DUP (its own redelivery), left out of `received`. */
  redelivered = 0;
  readonly #client: MqttClient;
  #closed = false;
  private constructor(client: MqttClient) {
    this.#client = client;
  }

  static async connect(url: string, topic: string): Promise<MqttSubscriber> {
    const client = await mqtt.connectAsync(url, { clientId: `chaos-uns-reader-${process.pid}`, clean: false, reconnectPeriod: 200, connectTimeout: 5000 });
    const sub = new MqttSubscriber(client);
    const seen = new Set<number>();
    client.on('message', (_topic, payload, packet) => {
      const value = (JSON.parse(payload.toString()) as { value: unknown }).value;
      if (typeof value !== 'number') return;
      if (packet.dup && seen.has(value)) {
        sub.redelivered++;
        return;
      }
      seen.add(value);
      sub.received.add(value);
    });
    await client.subscribeAsync(topic, { qos: 1 });
    return sub;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#client.endAsync(true).catch(() => undefined);
  }
}

/** Every message of `stream` on `subject`, in stream order, as seqs (the payload's value). */
export async function readStream(servers: string, stream: string): Promise<Received> {
  const nc: NatsConnection = await connect({ servers, reconnect: false });
  const out = new Received();
  try {
    const jsm = await nc.jetstreamManager();
    const total = (await jsm.streams.info(stream)).state.messages;
    const consumer = await nc.jetstream().consumers.get(stream);
    let got = 0;
    for (let round = 0; got < total && round < 1000; round++) {
      const messages = await consumer.fetch({ max_messages: Math.min(5000, total - got), expires: 5000 });
      for await (const m of messages) {
        got++;
        const value = (m.json() as { value: unknown }).value;
        if (typeof value === 'number') out.add(value);
      }
    }
    return out;
  } finally {
    await nc.close();
  }
}

/** The value of the newest message of `stream` on `subject`, or undefined. */
export async function lastInStream(servers: string, stream: string, subject: string): Promise<number | undefined> {
  let nc: NatsConnection | undefined;
  try {
    nc = await connect({ servers, reconnect: false, timeout: 2000 });
    const jsm = await nc.jetstreamManager();
    const m = await jsm.streams.getMessage(stream, { last_by_subj: subject });
    const value = (m.json() as { value: unknown }).value;
    return typeof value === 'number' ? value : undefined;
  } catch {
    return undefined;
  } finally {
    await nc?.close().catch(() => undefined);
  }
}
