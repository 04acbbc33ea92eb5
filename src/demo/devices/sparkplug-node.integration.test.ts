/**
 * The simulated compressor's edge node on a real (embedded) broker: births only once its primary
 * host is online, NDATA by alias after that, and a new session with new births when the broker
 * comes back after an outage.
 */
import mqtt, { type MqttClient } from 'mqtt';
import pino from 'pino';
import { get as getCodec } from 'sparkplug-payload';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../broker/index.js';
import { statePayload, stateTopic } from '../../sources/sparkplug/topic.js';
import { SPARKPLUG_GROUP, SPARKPLUG_NODE } from '../sparkplug-model.js';
import { freePorts } from '../setup.js';
import { startSparkplugNode } from './sparkplug-node.js';
import type { RunningDevice } from './types.js';

const codec = getCodec('spBv1.0')!;
// The edge node may publish only under its own group and node; the host is the hub.
const USERS = [
  { username: 'edge', password: 'edge-password-1', role: 'sparkplug-edge' as const, group: SPARKPLUG_GROUP, node: SPARKPLUG_NODE },
  { username: 'host', password: 'host-password-1', role: 'hub' as const },
];
const HOST = 'test-host';
const silent = pino({ level: 'silent' });

async function until(check: () => boolean, ms = 15_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
}

describe('the simulated Sparkplug edge node', () => {
  let broker: EmbeddedBroker | undefined;
  let host: MqttClient | undefined;
  let node: RunningDevice | undefined;

  afterEach(async () => {
    await node?.stop();
    await host?.endAsync();
    await broker?.close();
  });

  /** A host application: watches the group's messages; publishes its STATE on demand. */
  async function watchingHost(port: number) {
    const seen: Array<{ type: string; seq: number; metrics: Array<{ name?: string | null; alias?: unknown }> }> = [];
    host = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { username: 'host', password: 'host-password-1', reconnectPeriod: 0 });
    host.on('message', (topic, payload) => {
      const p = codec.decodePayload(payload);
      seen.push({ type: topic.split('/')[2]!, seq: Number(p.seq), metrics: p.metrics ?? [] });
    });
    await host.subscribeAsync(`spBv1.0/${SPARKPLUG_GROUP}/#`);
    const online = () => host!.publishAsync(stateTopic(HOST), statePayload(true, Date.now()), { retain: true, qos: 1 });
    return { seen, online };
  }

  it('births after its host comes online, then sends NDATA by alias every second, and births again after a broker outage', async () => {
    const [port] = await freePorts(1);
    broker = await startEmbeddedBroker({ host: '127.0.0.1', port: port!, users: USERS, logger: silent });
    const h = await watchingHost(port!);
    node = await startSparkplugNode({ brokerUrl: `mqtt://127.0.0.1:${port}`, username: 'edge', password: 'edge-password-1', hostId: HOST, seed: 5, epochMs: Date.now(), logger: silent });
    await new Promise((r) => setTimeout(r, 1500));
    expect(h.seen.filter((m) => m.type === 'NBIRTH' || m.type === 'NDATA')).toEqual([]); // waits for the host

    await h.online();
    expect(await until(() => h.seen.some((m) => m.type === 'NDATA'))).toBe(true);
    const birth = h.seen.find((m) => m.type === 'NBIRTH')!;
    expect(birth.metrics.map((m) => m.name)).toContain('Compressor/Discharge Pressure');
    const data = h.seen.find((m) => m.type === 'NDATA')!;
    expect(data.metrics.every((m) => m.name == null && m.alias != null)).toBe(true);

    await host!.endAsync();
    await broker.close();
    broker = await startEmbeddedBroker({ host: '127.0.0.1', port: port!, users: USERS, logger: silent });
    const again = await watchingHost(port!);
    await again.online();
    expect(await until(() => again.seen.some((m) => m.type === 'NBIRTH') && again.seen.some((m) => m.type === 'NDATA'))).toBe(true);
    expect(again.seen.find((m) => m.type === 'NBIRTH')!.seq).toBe(0);
  }, 40_000);
});
