/**
 * Chaos 5: each sink's destination goes down and comes back while a device pushes. The MQTT UNS
 * sink publishes to a private Mosquitto (stopped, then started with its persistent sessions), the
 * webhook sink POSTs to a node:http receiver (closed, then listening again), the NATS sink publishes
 * to a private `nats-server -js` (stopped, then started on the same store). Every sample the
 * historian stored must reach each destination exactly once and in order, counted by seq.
 */
import { expect, it } from 'vitest';
import { MOSQUITTO_BIN, NATS_BIN, PrivateMosquitto, PrivateNats } from './harness/brokers.js';
import { lostMessage, readStored, report, Tally } from './harness/count.js';
import { PushDevice } from './harness/device.js';
import { baseConfig, HubProcess } from './harness/hub.js';
import { sleep, until } from './harness/procs.js';
import { describeWithBinary, FULL, onCleanup, scenarioDir } from './harness/scenario.js';
import { lastInStream, MqttSubscriber, readStream, WebhookReceiver, type Received } from './harness/sink-receivers.js';

const TOKEN = 'chaos-device-token-0123456789';
const PATH = 'device/seq';
const RATE = 200;
const DOWN_MS = FULL ? 5 * 60_000 : 10_000;
const STREAM = 'CHAOS';

describeWithBinary(MOSQUITTO_BIN && NATS_BIN, 'mosquitto and nats-server', 'chaos: sink destinations down', () => {
  it('delivers every stored sample to each sink exactly once, in order, after its destination returns (DuckDB)', async () => {
    const dir = scenarioDir('sinks');
    const broker = await PrivateMosquitto.create(`${dir}/mosquitto`, { persistence: true });
    const nats = await PrivateNats.create(`${dir}/nats`);
    const webhook = await WebhookReceiver.create(PATH);
    onCleanup(() => webhook.stop());
    const uns = await MqttSubscriber.connect(broker.url, `uns/${PATH}`);
    onCleanup(() => uns.close());
    const hub = await HubProcess.create(dir, {
      ...baseConfig(),
      sources: [{ id: 'device', kind: 'http-push', zone: 'cell', config: { token: TOKEN, requestsPerSecond: 1000, burst: 1000 }, tags: [{ id: 'seq' }] }],
      sinks: [
        { id: 'uns', kind: 'mqtt', zone: 'it', config: { url: broker.url, prefix: 'uns', qos: 1, retain: false } },
        { id: 'hook', kind: 'webhook', zone: 'it', config: { url: webhook.url, secret: 'chaos-webhook-secret-0123456789', timeout: '5s' } },
        { id: 'stream', kind: 'nats', zone: 'it', config: { servers: nats.url, stream: STREAM, subjectPrefix: 'causeway' } },
      ],
    });
    await hub.start();
    const tally = new Tally();
    const base = Date.now() - 3_600_000;
    const device = new PushDevice({ url: () => hub.url, sourceId: 'device', token: TOKEN, tag: 'seq', rate: RATE, batch: 20, base }, tally);
    const load = device.run(60 * 60_000);
    try {
      await sleep(4_000);
      await Promise.all([broker.stop(), webhook.stop(), nats.stop()]);
      await sleep(DOWN_MS);
      await Promise.all([broker.start(), webhook.start(), nats.start()]);
      await sleep(4_000);
    } finally {
      device.stop();
      await load;
    }
    // Each destination has caught up when the last seq the device pushed reached it.
    const last = tally.summary().sent - 1;
    const caughtUp = await until(async () => webhook.received.last === last && uns.received.last === last && (await lastInStream(nats.url, STREAM, 'causeway.device.seq')) === last, 180_000, 500);
    const exit = await hub.stop();
    await uns.close();
    const fromNats = await readStream(nats.url, STREAM);
    await readStored(undefined, hub.dataDir, PATH, { from: base, to: base + tally.summary().sent + 1 }, tally);
    const s = tally.summary();
    const stored = [...tally.storedSeqs.keys()];
    const at: Array<[string, Received]> = [['MQTT UNS', uns.received], ['webhook', webhook.received], ['NATS JetStream', fromNats]];
    const results = at.map(([name, r]) => {
      const d = r.against(stored);
      const extra = r === uns.received ? { 'broker redeliveries (DUP, not counted)': uns.redelivered } : {};
      report(`${name} sink destination down ${DOWN_MS / 1000} s (duckdb)`, s, { ...extra, 'at sink': d.received, 'stored but missing at sink': d.missing, 'duplicates at sink': d.duplicates, 'out of order': d.outOfOrder, 'caught up': String(caughtUp), 'clean exit': String(exit) });
      return { name, ...d };
    });
    expect(s.acknowledged).toBeGreaterThan(0);
    expect(s.lost, lostMessage(tally)).toBe(0);
    expect(results.map((r) => `${r.name}: missing ${r.missing} (${r.firstMissing.join(', ')}), duplicates ${r.duplicates} (${r.firstDuplicates.join(', ')}), out of order ${r.outOfOrder}`))
      .toEqual(results.map((r) => `${r.name}: missing 0 (), duplicates 0 (), out of order 0`));
  }, (FULL ? 15 : 5) * 60_000);
});
