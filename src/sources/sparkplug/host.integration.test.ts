/** The host application's own life on the broker: STATE, losing the broker, reconnecting. */
import mqtt from 'mqtt';
import { afterEach, expect, it } from 'vitest';
import { isCausewayError } from '../../core/errors.js';
import type { Sample } from '../../core/sample.js';
import { SourceSupervisor } from '../../runtime/supervisor.js';
import { describeWithService } from '../../test-support/services.js';
import type { Source } from '../types.js';
import { SparkplugEdgeNode } from './edge-node.js';
import { sparkplugSource } from './index.js';
import { stateTopic } from './topic.js';
import { BROKER, clearRetained, Collector, testContext, uniqueId, until, watch } from './test-kit.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

function host(opts: { commandsAllowed?: boolean; groups?: string[] } = {}) {
  const hostId = uniqueId('host');
  const t = testContext({ commandsAllowed: opts.commandsAllowed ?? false });
  const source: Source = sparkplugSource.create({ url: BROKER, hostId, groups: opts.groups ?? ['*'] }, t.ctx);
  cleanups.push(() => clearRetained(stateTopic(hostId)));
  cleanups.push(() => source.close());
  return { ...t, source, hostId };
}

const json = (m: { payload: Buffer }) => JSON.parse(m.payload.toString()) as { online: boolean; timestamp: number };

await describeWithService('mosquitto', 'Sparkplug B host application on the broker', () => {
  it('publishes STATE online (retained, with a timestamp) on connect and offline on close', async () => {
    const { source, hostId } = host();
    const before = Date.now();
    await source.connect(new AbortController().signal);
    const online = await watch(stateTopic(hostId));
    cleanups.push(() => online.close());
    await until(() => online.messages.length === 1);
    expect(online.messages[0]!.retain).toBe(true);
    expect(json(online.messages[0]!)).toEqual({ online: true, timestamp: expect.any(Number) });
    expect(json(online.messages[0]!).timestamp).toBeGreaterThanOrEqual(before);
    await source.close();
    const offline = await watch(stateTopic(hostId));
    cleanups.push(() => offline.close());
    await until(() => offline.messages.length === 1);
    expect(offline.messages[0]).toMatchObject({ retain: true });
    // Sparkplug 3.0: the death certificate carries the timestamp of the birth it ends.
    expect(json(offline.messages[0]!)).toEqual({ online: false, timestamp: json(online.messages[0]!).timestamp });
  });

  it('reports a lost broker connection with CW_SOURCE_CONNECT_FAILED, and its Will says offline', async () => {
    const { source, hostId, errors } = host();
    await source.connect(new AbortController().signal);
    const state = await watch(stateTopic(hostId));
    cleanups.push(() => state.close());
    await until(() => state.messages.length === 1);
    // Another client with the same client id takes the session over: the broker drops the source.
    const thief = await mqtt.connectAsync(BROKER, { clientId: `causeway-${hostId}`, reconnectPeriod: 0 });
    cleanups.push(() => thief.endAsync());
    await until(() => errors.length === 1);
    expect(isCausewayError(errors[0], 'CW_SOURCE_CONNECT_FAILED')).toBe(true);
    expect(errors[0]!.message).toContain(`Cannot reach spb at ${BROKER}`);
    expect(errors[0]!.retryable).toBe(true);
    await until(() => state.messages.length === 2);
    expect(json(state.messages[1]!).online).toBe(false);
    expect((source.inspect!() as { connected: boolean }).connected).toBe(false);
  });

  it('fails to connect with CW_SOURCE_CONNECT_FAILED naming the broker', async () => {
    const t = testContext({ commandsAllowed: false });
    const source = sparkplugSource.create({ url: 'mqtt://127.0.0.1:1', hostId: 'nobody' }, t.ctx);
    const err = await source.connect(new AbortController().signal).catch((e: unknown) => e);
    expect(isCausewayError(err, 'CW_SOURCE_CONNECT_FAILED')).toBe(true);
    expect((err as Error).message).toBe('Cannot reach spb at mqtt://127.0.0.1:1: the connection was refused.');
    await source.close();
  });

  it('after a reconnect, republishes STATE online and asks known nodes for a rebirth', async () => {
    const group = uniqueId('reconnect');
    const { source, hostId } = host({ commandsAllowed: true, groups: [group] });
    const collector = new Collector();
    await source.connect(new AbortController().signal);
    source.subscribe!(collector.onBatch);
    const edge = new SparkplugEdgeNode({ url: BROKER, groupId: group, edgeNodeId: 'E', metrics: [{ name: 'Temp', datatype: 'Float', alias: 1, value: 21.5 }] });
    cleanups.push(() => edge.close());
    await edge.connect();
    await until(() => collector.samples.length === 1);
    // What the supervisor does after a lost link: close, then connect and subscribe again.
    await source.close();
    await source.connect(new AbortController().signal);
    source.subscribe!(collector.onBatch);
    await until(() => edge.rebirthRequests === 1);
    const birth = await collector.waitFor((s) => s.path === `spb/${group}/E/Temp`, 1);
    expect(birth).toMatchObject({ value: 21.5, quality: 'good' });
    const state = await watch(stateTopic(hostId));
    cleanups.push(() => state.close());
    await until(() => state.messages.length === 1);
    expect(json(state.messages[0]!).online).toBe(true);
  });

  it('lets an edge node with this hub as primary host publish its births when the hub comes online', async () => {
    const group = uniqueId('primary');
    const { source, hostId } = host({ groups: [group] });
    const edge = new SparkplugEdgeNode({ url: BROKER, groupId: group, edgeNodeId: 'E', primaryHostId: hostId, metrics: [{ name: 'Temp', datatype: 'Float', alias: 1, value: 20 }] });
    cleanups.push(() => edge.close());
    await edge.connect(); // waits: the hub is not online yet
    const collector = new Collector();
    await source.connect(new AbortController().signal);
    source.subscribe!(collector.onBatch);
    expect(await collector.waitFor((s) => s.path === `spb/${group}/E/Temp`)).toMatchObject({ value: 20, quality: 'good' });
  });

  it('under the runtime supervisor, recovers from a lost broker link and asks known nodes for a rebirth', async () => {
    const group = uniqueId('supervised');
    const hostId = uniqueId('host');
    const t = testContext({ commandsAllowed: true });
    // The runtime wires reportError to the supervisor the same way; it is only called after connect().
    const ctx = { ...t.ctx, reportError: (e: Parameters<typeof t.ctx.reportError>[0]) => supervisor.reportError(e) };
    const source = sparkplugSource.create({ url: BROKER, hostId, groups: [group] }, ctx);
    const samples: Sample[] = [];
    const supervisor = new SourceSupervisor({
      id: 'spb', kind: 'sparkplug', zone: 'cell-zone', role: 'source', logger: t.ctx.logger, source, pollIntervalMs: 1000,
      policy: { initialMs: 10, maxMs: 50, factor: 2, jitter: 0 },
      onBatch: async (batch) => void samples.push(...batch),
    });
    cleanups.push(() => clearRetained(stateTopic(hostId)));
    cleanups.push(() => supervisor.stop());
    supervisor.start();
    await until(() => supervisor.status().state === 'connected');
    const edge = new SparkplugEdgeNode({ url: BROKER, groupId: group, edgeNodeId: 'E', metrics: [{ name: 'Temp', datatype: 'Float', alias: 1, value: 19.5 }] });
    cleanups.push(() => edge.close());
    await edge.connect();
    await until(() => samples.length === 1);
    // Take the session over; the supervisor reconnects (taking it back) and the source asks for a rebirth.
    const thief = await mqtt.connectAsync(BROKER, { clientId: `causeway-${hostId}`, reconnectPeriod: 0 });
    cleanups.push(() => thief.endAsync());
    await until(() => edge.rebirthRequests === 1);
    await until(() => samples.length === 2);
    expect(samples[1]).toMatchObject({ path: `spb/${group}/E/Temp`, value: 19.5, quality: 'good' });
    expect(supervisor.status()).toMatchObject({ state: 'connected', lastError: { code: 'CW_SOURCE_CONNECT_FAILED' } });
  });
});
