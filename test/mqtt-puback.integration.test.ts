/**
 * The MQTT source's deferred PUBACKs against a private Mosquitto: every QoS 1 message the broker
 * delivers gets exactly one PUBACK, sent only after the batch holding its samples was accepted —
 * also for messages that carry no sample (set aside as malformed), repeated payloads, and ids the
 * broker reuses once acknowledged. A TCP relay between the source and the broker reads both
 * directions and counts PUBLISH (broker → source) and PUBACK (source → broker) per message id.
 *
 * A message acknowledged too early (before its batch is accepted), twice, or never shows up in the
 * relay's counts; a message never acknowledged also keeps the broker's in-flight window full
 * (max_inflight_messages 100 here) so the rest never arrives and the count by sequence falls short.
 */
import net from 'node:net';
import { connectAsync, type MqttClient } from 'mqtt';
import { expect, it } from 'vitest';
import type { Sample } from '../src/core/sample.js';
import { MqttSource } from '../src/sources/mqtt/index.js';
import type { SourceContext } from '../src/sources/types.js';
import { MOSQUITTO_BIN, PrivateMosquitto } from './chaos/harness/brokers.js';
import { describeWithBinary, onCleanup, scenarioDir } from './chaos/harness/scenario.js';

interface Frame {
  type: number;
  qos: number;
  messageId?: number;
  payload?: Buffer;
}

/** Splits an MQTT 3.1.1 byte stream into frames: PUBLISH (type 3) and PUBACK (type 4) are decoded. */
function frameReader(onFrame: (f: Frame) => void): (chunk: Buffer) => void {
  let buf = Buffer.alloc(0);
  return (chunk) => {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    for (;;) {
      if (buf.length < 2) return;
      let len = 0;
      let mul = 1;
      let i = 1;
      for (;; i++) {
        if (i >= buf.length) return;
        const b = buf[i]!;
        len += (b & 0x7f) * mul;
        mul *= 128;
        if ((b & 0x80) === 0) break;
      }
      const start = i + 1;
      if (buf.length < start + len) return;
      const body = buf.subarray(start, start + len);
      const type = buf[0]! >> 4;
      const qos = (buf[0]! >> 1) & 3;
      if (type === 3) {
        const topicLen = body.readUInt16BE(0);
        const idAt = 2 + topicLen;
        onFrame({ type, qos, ...(qos > 0 ? { messageId: body.readUInt16BE(idAt) } : {}), payload: body.subarray(qos > 0 ? idAt + 2 : idAt) });
      } else if (type === 4) {
        onFrame({ type, qos: 0, messageId: body.readUInt16BE(0) });
      }
      buf = buf.subarray(start + len);
    }
  };
}

/** Counts QoS 1 PUBLISH and PUBACK per message id on the way through. */
class AckRelay {
  readonly server: net.Server;
  published = 0;
  acked = 0;
  /** PUBACKs for an id with no PUBLISH outstanding (a second PUBACK, or an unknown id). */
  stray = 0;
  /** PUBACKs beyond what may be acknowledged so far (a message acknowledged before its batch was accepted). */
  early = 0;
  /** PUBLISHes whose payload is malformed (no sample: acknowledgeable without a batch). */
  malformed = 0;
  /** How many messages may be acknowledged by now: those whose sample was accepted, plus the malformed ones. */
  accepted: () => number = () => 0;
  readonly #outstanding = new Map<number, number>();

  private constructor(server: net.Server) {
    this.server = server;
  }

  static async create(targetPort: number): Promise<AckRelay> {
    const server = net.createServer();
    const relay = new AckRelay(server);
    server.on('connection', (client) => relay.#pipe(client, targetPort));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return relay;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  get outstanding(): number {
    let n = 0;
    for (const v of this.#outstanding.values()) n += v;
    return n;
  }

  #pipe(client: net.Socket, targetPort: number): void {
    const broker = net.connect(targetPort, '127.0.0.1');
    const down = frameReader((p) => {
      if (p.type !== 3 || p.qos !== 1 || p.messageId === undefined) return;
      this.published++;
      if (!String(p.payload).endsWith('}')) this.malformed++;
      this.#outstanding.set(p.messageId, (this.#outstanding.get(p.messageId) ?? 0) + 1);
    });
    const up = frameReader((p) => {
      if (p.type !== 4 || p.messageId === undefined) return;
      this.acked++;
      const n = this.#outstanding.get(p.messageId) ?? 0;
      if (n === 0) this.stray++;
      else if (n === 1) this.#outstanding.delete(p.messageId);
      else this.#outstanding.set(p.messageId, n - 1);
      if (this.acked > this.accepted() + this.malformed) this.early++;
    });
    broker.on('data', (d: Buffer) => {
      down(d);
      client.write(d);
    });
    client.on('data', (d: Buffer) => {
      up(d);
      broker.write(d);
    });
    client.on('close', () => broker.destroy());
    broker.on('close', () => client.destroy());
    client.on('error', () => undefined);
    broker.on('error', () => undefined);
  }
}

function context(errors: unknown[]): SourceContext {
  const noop = () => undefined;
  const logger = { warn: noop, info: noop, debug: noop, error: noop, trace: noop, fatal: noop, child: () => logger } as unknown as SourceContext['logger'];
  return { id: 'mq', zone: 'ot', logger, tags: [], dataDir: '/nonexistent', commandsAllowed: false, now: () => Date.now(), reportError: (e) => void errors.push(e) };
}

async function waitFor(condition: () => boolean, what: string, limitMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describeWithBinary(MOSQUITTO_BIN, 'mosquitto', 'MQTT source: deferred PUBACKs against a private Mosquitto', () => {
  it('acknowledges every QoS 1 message exactly once, after its batch is accepted, and receives every sequence', async () => {
    const dir = scenarioDir('mqtt-puback');
    const broker = await PrivateMosquitto.create(`${dir}/mosquitto`);
    onCleanup(() => broker.stop());
    const relay = await AckRelay.create(broker.port);
    onCleanup(() => new Promise((r) => relay.server.close(r)));

    const errors: unknown[] = [];
    const source = new MqttSource(
      { url: `mqtt://127.0.0.1:${relay.port}`, clientId: 'cw-puback-test', clean: false, qos: 1, subscriptions: [{ topic: 'pa/+machine/n', tag: '{machine}', value: '/n' }] },
      context(errors),
    );
    onCleanup(() => source.close());
    const samples: Sample[] = [];
    let batches = 0;
    await source.connect(new AbortController().signal);
    // "Durable" one timer turn later, as the spool's group commit would be; the PUBACKs of the
    // batch's messages must not go out before.
    source.subscribe((batch) => {
      batches++;
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          for (const s of batch) samples.push(s);
          resolve();
        }, 2),
      );
    });

    // Each well-formed message carries one sample: at no moment may more messages be acknowledged
    // than samples were accepted, plus the malformed messages (which carry none).
    relay.accepted = () => samples.length;
    const pub: MqttClient = await connectAsync(`mqtt://127.0.0.1:${broker.port}`, { reconnectPeriod: 0, clientId: 'cw-puback-pub' });
    onCleanup(() => pub.endAsync());

    const n = 30_000;
    let expected = 0;
    let sent = 0;
    const window = 500;
    for (let start = 0; start < n; start += window) {
      const sends: Array<Promise<unknown>> = [];
      for (let k = start; k < Math.min(n, start + window); k++) {
        const topic = `pa/m${k % 7}/n`;
        // Every 10th a malformed payload (no sample: set aside), every 13th sent twice (same value).
        const payload = k % 10 === 9 ? `{"n": ${k}` : `{"n": ${k}}`;
        sends.push(pub.publishAsync(topic, payload, { qos: 1 }));
        sent++;
        if (k % 10 !== 9) expected++;
        if (k % 13 === 0) {
          sends.push(pub.publishAsync(topic, payload, { qos: 1 }));
          sent++;
        }
      }
      await Promise.all(sends);
      // The broker must be able to deliver every message: none stays unacknowledged for good.
      await waitFor(() => relay.published >= sent, `${sent} messages delivered by the broker (got ${relay.published}, acknowledged ${relay.acked})`);
    }
    await waitFor(() => relay.acked >= relay.published && relay.published >= sent, `every PUBACK (published ${relay.published}, acknowledged ${relay.acked})`);

    const seqs = new Set(samples.map((s) => s.value as number));
    const missing = [];
    for (let k = 0; k < n; k++) if (k % 10 !== 9 && !seqs.has(k)) missing.push(k);
    console.log(`[mqtt-puback] sent ${sent} / delivered by broker ${relay.published} / PUBACKs ${relay.acked} / stray ${relay.stray} / early ${relay.early} / outstanding ${relay.outstanding} / distinct sequences ${seqs.size} of ${expected} / batches ${batches}`);
    expect(missing.slice(0, 10)).toEqual([]);
    expect(seqs.size).toBe(expected);
    expect(relay.published).toBe(sent);
    expect(relay.acked).toBe(relay.published);
    expect(relay.stray).toBe(0);
    expect(relay.early).toBe(0);
    expect(relay.outstanding).toBe(0);
    expect(errors).toEqual([]);
  }, 180_000);
});
