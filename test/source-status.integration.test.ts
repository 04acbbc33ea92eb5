/**
 * The source status as the API shows it, over real peers (Mosquitto): what each source's device can
 * be asked, an MQTT source's quarantine as a problem while connected, a Sparkplug edge node the hub
 * cannot read (births missed, no commands conduit) as a problem with its dropped values and what to
 * do, and the arrival rate of a meter that pushes now and then.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import type { SparkplugEdgeNode } from '../src/sources/sparkplug/edge-node.js';
import { adminFetch } from '../src/test-support/auth.js';
import { describeWithService } from '../src/test-support/services.js';
import { METER_TOKEN, plantConfig, plantIds, publishEdgeData, publishTelemetry, pushMeter, startEdge, telemetryTopic } from './support/source-status-plant.js';

interface Problem { code: string; summary: string; message: string; hint: string; count: number; subjects: string[]; since: number; lastAt: number }
interface SourceView {
  id: string; state: string;
  capabilities: { identify: boolean; browse: boolean; write: boolean };
  arrivals: { valuesPerSecond: number; valuesPerMinute: number; valuesInWindow: number; windowSeconds: number; lastAt?: number; typicalIntervalMs?: number };
  problems: Problem[];
  details?: Record<string, unknown>;
}

const ids = plantIds();
const until = async (check: () => Promise<boolean>) => {
  while (!(await check())) await new Promise((r) => setTimeout(r, 100));
};

await describeWithService('mosquitto', 'the source status in the API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-source-status-'));
  let hub: Hub;
  let url: string;
  let edge: SparkplugEdgeNode;
  let api: typeof fetch;
  const sources = async () => ((await (await api(`${url}/api/v1/sources`)).json()) as { sources: SourceView[] }).sources;
  const source = async (id: string) => (await sources()).find((s) => s.id === id)!;

  beforeAll(async () => {
    // The edge node is born before the hub runs: the hub never sees its births.
    edge = await startEdge(ids);
    process.env.METER_TOKEN = METER_TOKEN;
    const { config, problems } = await loadCheckedText(plantConfig(ids), 'plant.yaml');
    expect(problems).toEqual([]);
    hub = await Hub.create({ config: config!, dataDir: dir, logger: pino({ level: 'silent' }), port: 0 });
    url = await hub.start();
    api = await adminFetch(hub);
    await until(async () => (await sources()).every((s) => s.state === 'connected'));
  }, 60_000);

  afterAll(async () => {
    await edge?.close();
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
    delete process.env.METER_TOKEN;
  });

  it('says per source whether its device can be identified, browsed or written to', async () => {
    const caps = Object.fromEntries((await sources()).map((s) => [s.id, s.capabilities]));
    expect(caps).toEqual({
      meter: { identify: false, browse: false, write: false },
      'plant-mqtt': { identify: false, browse: false, write: false },
      spb: { identify: false, browse: false, write: false },
      sim: { identify: true, browse: false, write: true },
    });
  });

  it('shows the messages an MQTT source set aside as a problem while it is connected, with topics, reason and hint', async () => {
    expect((await source('plant-mqtt')).problems).toEqual([]);
    await publishTelemetry(ids, 20);
    await until(async () => (await source('plant-mqtt')).problems[0]?.count === 20);
    const s = await source('plant-mqtt');
    expect(s.state).toBe('connected');
    const [p] = s.problems;
    expect(p).toMatchObject({ code: 'CW_SOURCE_MESSAGES_QUARANTINED', summary: '20 messages quarantined', count: 20, subjects: [telemetryTopic(ids)] });
    expect(p!.message).toMatch(/^Source plant-mqtt set aside 20 of the 21 messages it received, on one topic; the latest \(not_json\) because the payload is not JSON/);
    expect(p!.hint).toContain('Check that the device sends JSON on this topic');
    const detail = (await (await api(`${url}/api/v1/sources/plant-mqtt`)).json()) as SourceView;
    expect(detail.problems).toEqual(s.problems);
    expect(detail.details?.quarantine).toMatchObject({ total: 20, topics: [{ topic: telemetryTopic(ids), count: 20, reason: 'not_json' }], last: { topic: telemetryTopic(ids), payload: '{"temp": 4.19' } });
  });

  it('shows a Sparkplug edge node whose births the hub missed, with its dropped values and how to fix it', async () => {
    expect((await source('spb')).problems).toEqual([]);
    await publishEdgeData(edge, 10);
    await until(async () => (await source('spb')).problems[0]?.count === 20);
    const s = await source('spb');
    expect(s.state).toBe('connected');
    const node = `${ids.group}/Edge 1`;
    expect(s.problems).toEqual([expect.objectContaining({ code: 'CW_SOURCE_SPARKPLUG_UNREADABLE', summary: `20 values of ${node} dropped`, count: 20, subjects: [node] })]);
    expect(s.problems[0]!.message).toContain('no conduit allows the hub to ask it for a rebirth');
    expect(s.problems[0]!.hint).toContain('Add a conduit with allow: [commands] from the hub\'s zone to zone cell');
    expect(s.problems[0]!.hint).toContain(`spBv1.0/STATE/${ids.hostId}`);
    // Once the node publishes its births, the hub reads it again and the problem is gone.
    await edge.publishBirths();
    await until(async () => (await source('spb')).problems.length === 0);
  });

  it('measures how fast a meter pushing now and then delivers, from the real arrivals', async () => {
    for (let i = 0; i < 3; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 1500));
      expect(await pushMeter(url, 10 + i)).toBe(200);
    }
    const a = (await source('meter')).arrivals;
    expect(a.valuesInWindow).toBe(3);
    expect(a.valuesPerSecond).toBeLessThan(1);
    expect(a.valuesPerMinute).toBeGreaterThan(0);
    expect(a.lastAt).toBeGreaterThan(Date.now() - 60_000);
    // Two gaps of 1.5 s and more: the typical one is no shorter than the pause between pushes.
    expect(a.typicalIntervalMs).toBeGreaterThanOrEqual(1400);
  });
});
