/** sample.yaml passes the hub's config check and, pointed at Mosquitto, reads what it promises. */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterEach, expect, it } from 'vitest';
import { kindSchemasOf, loadConfigText } from '../../config/index.js';
import { describeWithService, SERVICES } from '../../test-support/services.js';
import { mqttSource, type MqttConfig } from './index.js';
import { publisher, rig, uniquePrefix, waitFor } from './test-kit.js';

const HEADER = `site: { enterprise: Acme Beverages, name: Springfield, hubZone: site-ops }
zones:
  - { id: site-ops, level: 3 }
  - { id: cell-packaging, level: 1 }
conduits:
  - { from: cell-packaging, to: site-ops, allow: [telemetry] }
`;
const BROKER_URL = `mqtt://${SERVICES.mosquitto.host}:${SERVICES.mosquitto.port}`;
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function loadSample() {
  const text = HEADER + (await readFile(new URL('./sample.yaml', import.meta.url), 'utf8'));
  return loadConfigText(text, 'sample.yaml', { kinds: kindSchemasOf([mqttSource], []), env: { MQTT_PASSWORD: 'secret' } });
}

await describeWithService('mosquitto', 'mqtt sample.yaml', () => {
  it('passes the hub config check', async () => {
    expect((await loadSample()).problems).toEqual([]);
  });

  it('reads the payloads its comments show', async () => {
    const src = (await loadSample()).config!.sources![0]!;
    const p = uniquePrefix();
    const sample = src.config as MqttConfig;
    const clientId = `cw-test-${randomBytes(6).toString('hex')}`;
    const config: MqttConfig = {
      ...sample, url: BROKER_URL, username: undefined, password: undefined, clientId, clean: true,
      subscriptions: sample.subscriptions!.map((s) => ({ ...s, topic: `${p}/${s.topic}` })),
    };
    const tags = src.tags.map((t) => ('topic' in t ? { ...t, topic: `${p}/${String(t.topic)}` } : t));
    const r = rig(config, { id: src.id, tags });
    cleanups.push(() => r.source.close());
    await r.start();
    const c = await publisher(BROKER_URL);
    cleanups.push(() => c.endAsync());
    const ts = 1763884800000;
    await c.publishAsync(`${p}/plant/line1/filler/telemetry`, JSON.stringify({ temp: 4.5, speed: 600, ts }), { qos: 1 });
    await c.publishAsync(`${p}/plant/line1/filler/state`, 'running', { qos: 1 });
    await c.publishAsync(`${p}/plant/line1/filler/counters`, JSON.stringify({ good: 1200, rejected: 30, q: 'good' }), { qos: 1 });
    await c.publishAsync(`${p}/utilities/compressor/1`, JSON.stringify({ p: 712 }), { qos: 1 });
    await waitFor(() => r.samples().length === 6, 'six samples');
    expect(r.samples().map((s) => [s.path, s.value])).toEqual([
      ['line1-mqtt/line1_filler_temp', 4.5],
      ['line1-mqtt/line1_filler_speed', 10],
      ['line1-mqtt/line1_filler_state', 'running'],
      ['line1-mqtt/line1_filler_good', 1200],
      ['line1-mqtt/line1_filler_reject_pct', 2.44],
      // Raw: the pipeline applies the tag's scale (0.01) to give 7.12 bar.
      ['line1-mqtt/compressor_pressure', 712],
    ]);
    expect(r.samples()[0]!.ts).toBe(ts);
  });
});
