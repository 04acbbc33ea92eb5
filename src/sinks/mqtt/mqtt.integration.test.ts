/** The MQTT sink against Mosquitto (and, for a broker that goes away, an embedded aedes broker). */
import net, { type Socket } from 'node:net';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { isCausewayError } from '../../core/errors.js';
import type { Sample } from '../../core/sample.js';
import { describeWithService, freePort } from '../../test-support/services.js';
import { rejectionOf, testSinkContext, uniqueName, until } from '../shared/test-kit.js';
import { mqttSink, type MqttSinkConfig } from './index.js';

const MOSQUITTO = 'mqtt://127.0.0.1:1883';

interface Received {
  topic: string;
  payload: unknown;
  retain: boolean;
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

/** A plain MQTT client recording what arrives on `filter`. */
async function watch(url: string, filter: string): Promise<Received[]> {
  const client = await mqtt.connectAsync(url, { reconnectPeriod: 0 });
  cleanups.push(() => client.endAsync());
  const got: Received[] = [];
  client.on('message', (topic, payload, packet) => {
    // An empty payload is a cleanup clearing a retained message, not a sample.
    if (payload.length > 0) got.push({ topic, payload: JSON.parse(payload.toString()), retain: packet.retain });
  });
  await client.subscribeAsync(filter, { qos: 1 });
  return got;
}

/** Remove the retained messages a test left on the broker. */
async function clearRetained(topics: Iterable<string>): Promise<void> {
  const client = await mqtt.connectAsync(MOSQUITTO, { reconnectPeriod: 0 });
  for (const t of new Set(topics)) await client.publishAsync(t, '', { qos: 1, retain: true });
  await client.endAsync();
}

async function connected(config: MqttSinkConfig, units: Record<string, string> = {}) {
  const { ctx } = testSinkContext({ id: 'uns', units });
  const sink = mqttSink.create(config, ctx);
  cleanups.push(() => sink.close());
  await sink.connect(new AbortController().signal);
  return sink;
}

await describeWithService('mosquitto', 'MQTT sink on Mosquitto', () => {
  it('publishes every sample of a batch on <prefix>/<path> with the §8 payload, retained for late subscribers', async () => {
    const prefix = uniqueName('uns');
    const filler = 'acme/springfield/packaging/line1/filler';
    const batch: Sample[] = [
      { path: `${filler}/speed`, value: 598, ts: 1_700_000_000_000, quality: 'good' },
      { path: `${filler}/running`, value: true, ts: 1_700_000_000_000, quality: 'good' },
      { path: `${filler}/state`, value: 'Idle', ts: 1_700_000_000_000, quality: 'uncertain' },
      { path: `${filler}/speed`, value: 601, ts: 1_700_000_001_000, quality: 'good' },
      { path: 'plc1/spare', value: 1, ts: 1_700_000_001_000, quality: 'bad' },
    ];
    const live = await watch(MOSQUITTO, `${prefix}/#`);
    const sink = await connected({ url: MOSQUITTO, prefix }, { [`${filler}/speed`]: 'bpm' });
    cleanups.push(() => clearRetained(batch.map((s) => `${prefix}/${s.path}`)));
    await sink.send(batch);

    await until(() => live.length >= batch.length);
    expect(live.map((m) => m.topic)).toEqual(batch.map((s) => `${prefix}/${s.path}`));
    expect(live[0]!.payload).toEqual({ value: 598, timestamp: 1_700_000_000_000, quality: 'good', unit: 'bpm' });
    expect(live[1]!.payload).toEqual({ value: true, timestamp: 1_700_000_000_000, quality: 'good' });
    expect(live[2]!.payload).toEqual({ value: 'Idle', timestamp: 1_700_000_000_000, quality: 'uncertain' });
    expect(live[4]!.payload).toEqual({ value: 1, timestamp: 1_700_000_001_000, quality: 'bad' });

    // A subscriber that comes later gets the last value of each topic, flagged as retained.
    const late = await watch(MOSQUITTO, `${prefix}/#`);
    await until(() => late.length >= 4);
    const speed = late.find((m) => m.topic === `${prefix}/${filler}/speed`);
    expect(speed).toEqual({ topic: `${prefix}/${filler}/speed`, payload: { value: 601, timestamp: 1_700_000_001_000, quality: 'good', unit: 'bpm' }, retain: true });
    expect(late.every((m) => m.retain)).toBe(true);
  });

  it('delivers a batch larger than the in-flight window completely and in order', async () => {
    const prefix = uniqueName('uns');
    const batch: Sample[] = Array.from({ length: 500 }, (_, i) => ({ path: `plc1/counter`, value: i, ts: 1_700_000_000_000 + i, quality: 'good' }));
    const live = await watch(MOSQUITTO, `${prefix}/#`);
    const sink = await connected({ url: MOSQUITTO, prefix, maxInFlight: 7, retain: false });
    await sink.send(batch);
    await until(() => live.length >= batch.length);
    expect(live.map((m) => (m.payload as { value: number }).value)).toEqual(batch.map((s) => s.value));
    expect(live.every((m) => m.topic === `${prefix}/plc1/counter` && !m.retain)).toBe(true);
  });

  it('publishes at QoS 0 (at most once) every sample of a large batch, in order, when the link stays up', async () => {
    const prefix = uniqueName('uns');
    const batch: Sample[] = Array.from({ length: 5000 }, (_, i) => ({ path: `plc1/t${i % 10}`, value: i, ts: 1_700_000_000_000 + i, quality: 'good' }));
    const live = await watch(MOSQUITTO, `${prefix}/#`);
    const sink = await connected({ url: MOSQUITTO, prefix, qos: 0, retain: false, maxInFlight: 64 });
    await sink.send(batch);
    await until(() => live.length >= batch.length);
    expect(live.map((m) => (m.payload as { value: number }).value)).toEqual(batch.map((s) => s.value));
    expect(live.map((m) => m.topic)).toEqual(batch.map((s) => `${prefix}/${s.path}`));
  });
});

describe('MQTT sink when the broker is not there', () => {
  it('fails to connect to a port where nothing listens with a retryable error', async () => {
    const port = await freePort();
    const { ctx } = testSinkContext({ id: 'uns' });
    const sink = mqttSink.create({ url: `mqtt://127.0.0.1:${port}` }, ctx);
    const e = await rejectionOf(sink.connect(new AbortController().signal));
    expect(isCausewayError(e, 'CW_SINK_CONNECT_FAILED') && e.retryable).toBe(true);
    expect((e as Error).message).toBe(`Sink uns cannot connect to mqtt://127.0.0.1:${port}: the connection was refused.`);
    // Without a link, a send fails as retryable too, so the pipeline keeps the batch.
    const s = await rejectionOf(sink.send([{ path: 'a/b', value: 1, ts: 1, quality: 'good' }]));
    expect(isCausewayError(s, 'CW_SINK_SEND_FAILED') && s.retryable).toBe(true);
  });

  it('rejects a send still waiting for its PUBACK when the broker goes away, and fails the next one at once', async () => {
    const aedes = await Aedes.createBroker({});
    let held = 0;
    // The broker takes the publish but never acknowledges it: the send stays pending.
    aedes.authorizePublish = () => void held++;
    const sockets = new Set<Socket>();
    const server = net.createServer((socket) => {
      sockets.add(socket);
      aedes.handle(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const stopBroker = async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
    };
    cleanups.push(stopBroker);
    const sink = await connected({ url: `mqtt://127.0.0.1:${port}` });

    const pending = sink.send([{ path: 'line1/filler/speed', value: 600, ts: 1, quality: 'good' }]);
    await until(() => held === 1);
    await stopBroker();
    const e = await rejectionOf(pending);
    expect(isCausewayError(e, 'CW_SINK_SEND_FAILED') && e.retryable).toBe(true);
    expect((e as Error).message).toMatch(/^Sending to uns failed: the link to the broker broke/);

    const next = await rejectionOf(sink.send([{ path: 'line1/filler/speed', value: 601, ts: 2, quality: 'good' }]));
    expect(isCausewayError(next, 'CW_SINK_SEND_FAILED') && next.retryable).toBe(true);
  });
});
