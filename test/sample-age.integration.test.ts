/**
 * End to end through MQTT: a device publishes on Mosquitto, the hub's MQTT source takes it in, the
 * historian stores it and the MQTT sink publishes it back. The sample-age histograms
 * (causeway_sample_age_seconds on /metrics, p50/p99 in /api/v1/health) count both stages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { describeWithService } from '../src/test-support/services.js';

const BROKER = 'mqtt://127.0.0.1:1883';
const RUN = `${process.pid}-${Date.now().toString(36)}`;
const IN = `age-in-${RUN}`;
const OUT = `age-out-${RUN}`;

const CONFIG = `
site: { enterprise: Acme, name: Springfield, hubZone: site-ops }
zones:
  - { id: cell, level: 1 }
  - { id: site-ops, level: 3 }
  - { id: it, level: 4 }
conduits:
  - { from: cell, to: site-ops, allow: [telemetry] }
  - { from: site-ops, to: it, allow: [telemetry] }
  - { from: cell, to: it, allow: [telemetry] }
sources:
  - id: dev
    kind: mqtt
    zone: cell
    config:
      url: ${BROKER}
      clean: true
      subscriptions:
        - { topic: ${IN}/+t, timestamp: /timestamp, values: [{ tag: '{t}', value: /seq }] }
sinks:
  - id: uns
    kind: mqtt
    zone: it
    config: { url: ${BROKER}, prefix: ${OUT}, retain: false, qos: 1 }
historian: { flushInterval: 100ms }
api: { port: 0 }
`;

/** The `_count` of causeway_sample_age_seconds for a label set, 0 when absent. */
function ageCount(metrics: string, labels: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`causeway_sample_age_seconds_count{${labels}}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

await describeWithService('mosquitto', 'sample age from arrival to the historian and to the MQTT sink', () => {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-age-'));
  let hub: Hub | undefined;
  let device: MqttClient;
  let watcher: MqttClient;
  const seen: number[] = [];

  beforeAll(async () => {
    watcher = await mqtt.connectAsync(BROKER, { reconnectPeriod: 0 });
    watcher.on('message', (_topic, payload) => seen.push((JSON.parse(payload.toString()) as { value: number }).value));
    await watcher.subscribeAsync(`${OUT}/#`, { qos: 1 });
    device = await mqtt.connectAsync(BROKER, { reconnectPeriod: 0 });
    const { config, problems } = loadCheckedText(CONFIG, 'hub.yaml');
    expect(problems).toEqual([]);
    hub = await Hub.create({ config: config!, dataDir: dir, logger: pino({ level: 'silent' }), port: 0 });
    await hub.start();
    // The source's session is clean: what the device sends before it subscribed would never come.
    while (!hub.services.sources().concat(hub.services.sinks()).every((c) => c.state === 'connected')) await new Promise((r) => setTimeout(r, 20));
  });

  afterAll(async () => {
    await hub?.stop();
    await device?.endAsync();
    await watcher?.endAsync();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Publish `n` messages (seq from `from`) and wait until the sink's copies came back. */
  async function publish(from: number, n: number): Promise<void> {
    for (let i = from; i < from + n; i++) await device.publishAsync(`${IN}/t${i % 5}`, JSON.stringify({ seq: i, value: i, timestamp: Date.now() }), { qos: 1 });
    while (!Array.from({ length: n }, (_, k) => from + k).every((s) => seen.includes(s))) await new Promise((r) => setTimeout(r, 20));
  }

  async function counts(): Promise<{ historian: number; sink: number }> {
    const { body } = await hub!.services.metrics();
    return { historian: ageCount(body, 'stage="historian",sink=""'), sink: ageCount(body, 'stage="sink",sink="uns"') };
  }

  it('counts every sample at both stages, and the counts grow with the next ones', async () => {
    await publish(0, 20);
    // The historian counts once its flush made the samples durable, the sink once the broker acknowledged them.
    while (Object.values(await counts()).some((n) => n < 20)) await new Promise((r) => setTimeout(r, 20));
    const first = await counts();
    expect(first).toEqual({ historian: 20, sink: 20 });

    await publish(20, 30);
    while (Object.values(await counts()).some((n) => n < 50)) await new Promise((r) => setTimeout(r, 20));
    expect(await counts()).toEqual({ historian: 50, sink: 50 });

    const { body } = await hub!.services.metrics();
    expect(body).toContain('# TYPE causeway_sample_age_seconds histogram');
    expect(body).toMatch(/causeway_sample_age_seconds_bucket\{stage="sink",sink="uns",le="\+Inf"\} 50/);

    const latency = hub!.services.health().latency ?? [];
    expect(latency.map((l) => [l.stage, l.sink, l.samples, l.total])).toEqual([['historian', undefined, 50, 50], ['sink', 'uns', 50, 50]]);
    for (const l of latency) expect(l.p99Seconds).toBeGreaterThanOrEqual(l.p50Seconds!);
  });
});
