/** The MQTT source against a real Mosquitto: captures, quarantine, a flood, persistent sessions. */
import { randomBytes } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { describeWithService, SERVICES } from '../../test-support/services.js';
import type { MqttConfig } from './index.js';
import { publisher, rig, uniquePrefix, waitFor, type Rig } from './test-kit.js';

const BROKER_URL = `mqtt://${SERVICES.mosquitto.host}:${SERVICES.mosquitto.port}`;
const cleanup: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** A source with its own client id; its persistent session is removed from the broker afterwards. */
function source(config: Omit<MqttConfig, 'url'>, id = 'mq'): Rig {
  const clientId = `cw-test-${randomBytes(6).toString('hex')}`;
  const r = rig({ url: BROKER_URL, clientId, ...config }, { id });
  cleanup.push(async () => {
    await r.source.close();
    // Mosquitto keeps persistent sessions on disk; a clean connect with the same id drops it.
    const c = await publisher(BROKER_URL, { clientId, clean: true });
    await c.endAsync();
  });
  return r;
}

async function pub() {
  const c = await publisher(BROKER_URL);
  cleanup.push(() => c.endAsync());
  return c;
}

await describeWithService('mosquitto', 'MQTT source against Mosquitto', () => {
  it('names tags from wildcard captures and reads several values per payload', async () => {
    const p = uniquePrefix();
    const r = source({
      subscriptions: [
        { topic: `${p}/+line/+machine/telemetry`, timestamp: '/ts', values: [{ tag: '{line}_{machine}_temp', value: '/temp' }, { tag: '{line}_{machine}_speed', value: '/speed', expression: 'value / 60' }] },
        { topic: `${p}/+line/+machine/state`, tag: '{line}_{machine}_state' },
      ],
    });
    await r.start();
    const c = await pub();
    const ts = Date.now() - 1000;
    await c.publishAsync(`${p}/line1/filler/telemetry`, JSON.stringify({ temp: 4.5, speed: 600, ts }), { qos: 1 });
    await c.publishAsync(`${p}/line2/capper/telemetry`, JSON.stringify({ temp: 5, speed: 120, ts: ts / 1000 }), { qos: 1 });
    await c.publishAsync(`${p}/line2/capper/state`, 'running', { qos: 1 });
    await c.publishAsync(`${p}/line2/capper/other`, '1', { qos: 1 });
    await waitFor(() => r.samples().length === 5, 'five samples');
    expect(r.samples().map((s) => [s.path, s.value])).toEqual([
      ['mq/line1_filler_temp', 4.5], ['mq/line1_filler_speed', 10],
      ['mq/line2_capper_temp', 5], ['mq/line2_capper_speed', 2],
      ['mq/line2_capper_state', 'running'],
    ]);
    expect(r.samples().slice(0, 4).map((s) => s.ts)).toEqual([ts, ts, ts, ts]);
  });

  it('quarantines malformed, incomplete and oversized payloads, and delivers every good one in between', async () => {
    const p = uniquePrefix();
    const r = source({ maxPayloadBytes: 200, subscriptions: [{ topic: `${p}/+machine/telemetry`, tag: '{machine}_temp', value: '/temp' }] });
    await r.start();
    const c = await pub();
    const topic = `${p}/filler/telemetry`;
    const bad = ['{"temp": 1', '{"pressure": 2}', JSON.stringify({ temp: 3, pad: 'x'.repeat(300) }), 'not json at all'];
    for (let i = 0; i < 20; i++) {
      await c.publishAsync(topic, JSON.stringify({ temp: i }), { qos: 1 });
      await c.publishAsync(topic, bad[i % bad.length]!, { qos: 1 });
    }
    await waitFor(() => r.samples().length === 20 && r.source.quarantine().total === 20, 'all messages');
    expect(r.samples().map((s) => s.value)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const q = r.source.quarantine();
    expect(q.counts).toMatchObject({ not_json: 10, pointer_missing: 5, too_large: 5 });
    expect(q.last).toMatchObject({ topic, reason: 'not_json', payload: 'not json at all', payloadBytes: 15 });
    // One log line for the topic, however many bad messages it sent within the minute.
    const warned = r.logs.filter((l) => l[0] === 'warn');
    expect(warned).toHaveLength(1);
    expect(warned[0]![2]).toMatch(new RegExp(`^A message of source mq on ${topic} was set aside \\(not_json\\): the payload is not JSON`));
  });

  it('delivers a flood of 20,000 messages, none lost, in far fewer batches', async () => {
    const p = uniquePrefix();
    const r = source({ subscriptions: [{ topic: `${p}/+machine/n`, tag: '{machine}', value: '/n' }] });
    await r.start();
    const c = await pub();
    const n = 20_000;
    // Windows of 500 keep the broker's per-client queue (1000 by default) from overflowing.
    for (let start = 0; start < n; start += 500) {
      await Promise.all(Array.from({ length: 500 }, (_, k) => c.publishAsync(`${p}/m${(start + k) % 7}/n`, `{"n": ${start + k}}`, { qos: 1 })));
      await waitFor(() => r.samples().length >= start + 500, `${start + 500} samples`);
    }
    const values = r.samples().map((s) => s.value as number).sort((x, y) => x - y);
    expect(values).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(r.batches.length).toBeLessThan(n / 10);
  });

  it('keeps its session: QoS 1 messages published while it was away arrive on reconnect', async () => {
    const p = uniquePrefix();
    const r = source({ subscriptions: [{ topic: `${p}/+machine/count`, tag: '{machine}_count', value: '/c' }] });
    await r.start();
    // As the supervisor does after a failure: close, and some time later connect again.
    await r.source.close();
    const c = await pub();
    await c.publishAsync(`${p}/palletizer/count`, '{"c": 41}', { qos: 1 });
    await c.publishAsync(`${p}/palletizer/count`, '{"c": 42}', { qos: 1 });
    expect(r.samples()).toEqual([]);
    await r.start();
    await waitFor(() => r.samples().length === 2, 'the messages queued while away');
    expect(r.samples().map((s) => [s.path, s.value])).toEqual([['mq/palletizer_count', 41], ['mq/palletizer_count', 42]]);
  });

  it('starts afresh with clean: true, receiving nothing sent while away', async () => {
    const p = uniquePrefix();
    const r = source({ clean: true, subscriptions: [{ topic: `${p}/x`, tag: 'x' }] });
    await r.start();
    await r.source.close();
    const c = await pub();
    await c.publishAsync(`${p}/x`, '1', { qos: 1 });
    await r.start();
    await c.publishAsync(`${p}/x`, '2', { qos: 1 });
    await waitFor(() => r.samples().length >= 1, 'the message sent after reconnecting');
    expect(r.samples().map((s) => s.value)).toEqual([2]);
  });
});
