/**
 * End to end: a hub built from YAML, a simulated line, and the MQTT unified-namespace sink
 * publishing to Mosquitto. A plain MQTT subscriber sees the hub's attribute paths with their units.
 * Then the MQTT sink under the runtime's supervisor, across a broker restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net, { type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aedes } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { isCausewayError } from '../src/core/errors.js';
import { Hub } from '../src/runtime/hub.js';
import { SinkSupervisor } from '../src/runtime/supervisor.js';
import { mqttSink } from '../src/sinks/mqtt/index.js';
import { testSinkContext } from '../src/sinks/shared/test-kit.js';
import { describeWithService, freePort } from '../src/test-support/services.js';

const BROKER = 'mqtt://127.0.0.1:1883';
const PREFIX = `uns-e2e-${process.pid}-${Date.now().toString(36)}`;
const FILLER = 'acme/springfield/packaging/line1/filler';

const CONFIG = `
site: { enterprise: Acme, name: Springfield, hubZone: site-ops }
zones:
  - { id: line1-ot, level: 1 }
  - { id: site-ops, level: 3 }
  - { id: enterprise-it, level: 4 }
conduits:
  - { from: line1-ot, to: site-ops, allow: [telemetry] }
  # A bound attribute keeps its source's zone: the sink needs line1-ot -> enterprise-it (site-ops -> enterprise-it would carry calculated values).
  - { from: site-ops, to: enterprise-it, allow: [telemetry] }
  - { from: line1-ot, to: enterprise-it, allow: [telemetry] }
sources:
  - id: plc1
    kind: simulator
    zone: line1-ot
    pollInterval: 100ms
    config: { seed: 7, period: 100ms }
    tags:
      - { id: speed, unit: bpm, signal: { kind: sine, amplitude: 50, periodSeconds: 60, offset: 600 } }
      - { id: temp, unit: degC, scale: 0.1, signal: { kind: constant, value: 215 } }
      - { id: count, signal: { kind: counter, ratePerSecond: 10, rolloverAt: 65536 } }
      - { id: spare, signal: { kind: constant, value: 1 } }
templates:
  - id: Filler
    attributes:
      - { name: speed, type: number, unit: bpm }
      - { name: temperature, type: number, unit: degC }
      - { name: good_count, type: number }
assets:
  - path: ${FILLER}
    template: Filler
    bindings: { speed: plc1/speed, temperature: plc1/temp, good_count: plc1/count }
sinks:
  - id: uns
    kind: mqtt
    zone: enterprise-it
    config: { url: ${BROKER}, prefix: ${PREFIX} }
historian: { flushInterval: 200ms }
api: { port: 0 }
`;

interface Message {
  topic: string;
  payload: Record<string, unknown>;
}

await describeWithService('mosquitto', 'hub with an MQTT unified-namespace sink', () => {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-sinks-'));
  const messages: Message[] = [];
  let hub: Hub | undefined;
  let subscriber: MqttClient;

  beforeAll(async () => {
    subscriber = await mqtt.connectAsync(BROKER, { reconnectPeriod: 0 });
    subscriber.on('message', (topic, payload) => {
      if (payload.length > 0) messages.push({ topic, payload: JSON.parse(payload.toString()) as Record<string, unknown> });
    });
    await subscriber.subscribeAsync(`${PREFIX}/#`, { qos: 1 });
    const { config, problems } = loadCheckedText(CONFIG, 'hub.yaml');
    expect(problems).toEqual([]);
    hub = await Hub.create({ config: config!, dataDir: dir, logger: pino({ level: 'silent' }), port: 0 });
    await hub.start();
  });

  afterAll(async () => {
    await hub?.stop();
    // Clear what the hub left retained on the broker.
    for (const topic of new Set(messages.map((m) => m.topic))) await subscriber.publishAsync(topic, '', { qos: 1, retain: true });
    await subscriber?.endAsync();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Wait until a message on `topic` satisfies `ok`; the test's timeout bounds the wait. */
  async function messageOn(topic: string, ok: (m: Message) => boolean = () => true): Promise<Message> {
    for (;;) {
      const found = messages.find((m) => m.topic === topic && ok(m));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('publishes the attribute paths of the namespace with their units and scaled values', async () => {
    const temperature = await messageOn(`${PREFIX}/${FILLER}/temperature`);
    expect(temperature.payload).toEqual({ value: 21.5, timestamp: expect.any(Number), quality: 'good', unit: 'degC' });
    const speed = await messageOn(`${PREFIX}/${FILLER}/speed`);
    expect(speed.payload).toMatchObject({ quality: 'good', unit: 'bpm' });
    expect(speed.payload.value).toBeGreaterThan(540);
    const count = await messageOn(`${PREFIX}/${FILLER}/good_count`);
    expect(Object.keys(count.payload).sort()).toEqual(['quality', 'timestamp', 'value']);
  });

  it('publishes an unbound raw tag under its source path, without a unit', async () => {
    const spare = await messageOn(`${PREFIX}/plc1/spare`);
    expect(spare.payload).toEqual({ value: 1, timestamp: expect.any(Number), quality: 'good' });
    // Bound raw tags appear only under their attribute paths.
    expect(messages.some((m) => m.topic === `${PREFIX}/plc1/temp`)).toBe(false);
  });

  it('keeps publishing new values in timestamp order per topic', async () => {
    const topic = `${PREFIX}/${FILLER}/good_count`;
    const first = await messageOn(topic);
    await messageOn(topic, (m) => (m.payload.timestamp as number) > (first.payload.timestamp as number));
    const stamps = messages.filter((m) => m.topic === topic).map((m) => m.payload.timestamp as number);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
  });
});

/** An embedded aedes broker on a fixed port that the test can stop and start again. */
async function startAedes(port: number): Promise<{ stop(): Promise<void> }> {
  const aedes = await Aedes.createBroker({});
  const sockets = new Set<Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    aedes.handle(socket);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
    },
  };
}

describe('MQTT sink under the supervisor', () => {
  it('fails sends while the broker is gone, reconnects on its own, and delivers once it is back', async () => {
    const port = await freePort();
    const url = `mqtt://127.0.0.1:${port}`;
    let broker = await startAedes(port);
    const { ctx } = testSinkContext({ id: 'uns' });
    const sup = new SinkSupervisor({
      id: 'uns', kind: 'mqtt', zone: 'enterprise-it', role: 'sink', logger: ctx.logger, sink: mqttSink.create({ url, prefix: 'uns' }, ctx),
      policy: { initialMs: 20, maxMs: 100, factor: 2, jitter: 0 },
    });
    sup.start();
    const sample = (value: number) => [{ path: 'acme/line1/filler/speed', value, ts: 1_700_000_000_000 + value, quality: 'good' as const }];
    /** Send as the pipeline does: retry a retryable failure until it goes through. */
    const sendUntilDelivered = async (value: number) => {
      for (;;) {
        try {
          return await sup.send(sample(value));
        } catch (e) {
          if (!(isCausewayError(e) && e.retryable)) throw e;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    try {
      await sendUntilDelivered(1);
      await broker.stop();
      await expect(sup.send(sample(2))).rejects.toMatchObject({ code: 'CW_SINK_SEND_FAILED', retryable: true });

      broker = await startAedes(port);
      const watcher = await mqtt.connectAsync(url, { reconnectPeriod: 0 });
      const got: string[] = [];
      watcher.on('message', (_t, payload) => got.push(payload.toString()));
      await watcher.subscribeAsync('uns/#', { qos: 1 });
      await sendUntilDelivered(3);
      while (got.length === 0) await new Promise((r) => setTimeout(r, 10));
      expect(JSON.parse(got[0]!)).toEqual({ value: 3, timestamp: 1_700_000_000_003, quality: 'good' });
      expect(sup.status()).toMatchObject({ state: 'connected' });
      await watcher.endAsync();
    } finally {
      await sup.stop();
      await broker.stop();
    }
  });

  it('connects as soon as a broker that was down starts listening, not when a long backoff ends', async () => {
    const port = await freePort();
    const { ctx } = testSinkContext({ id: 'uns' });
    // A ten-minute backoff: only noticing that the broker's port opened can bring the retry forward.
    const sup = new SinkSupervisor({
      id: 'uns', kind: 'mqtt', zone: 'enterprise-it', role: 'sink', logger: ctx.logger, sink: mqttSink.create({ url: `mqtt://127.0.0.1:${port}`, prefix: 'uns' }, ctx),
      policy: { initialMs: 600_000, maxMs: 600_000, factor: 2, jitter: 0 },
    });
    sup.start();
    let broker: { stop(): Promise<void> } | undefined;
    try {
      while (sup.status().state !== 'backoff') await new Promise((r) => setTimeout(r, 10));
      expect(sup.status().nextRetryAt! - sup.status().lastError!.at).toBe(600_000);
      broker = await startAedes(port);
      while (sup.status().state !== 'connected') await new Promise((r) => setTimeout(r, 10));
      expect(sup.status()).toMatchObject({ state: 'connected', attempts: 0 });
    } finally {
      await sup.stop();
      await broker?.stop();
    }
  });
});
