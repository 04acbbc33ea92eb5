/**
 * Issue 14: an MQTT source's attribute reaches a UNS sink in another zone only along a conduit
 * straight from the source's zone. The fixture (src/runtime/__fixtures__/sink-zone) fails
 * `causeway check`, naming that conduit; with it added the check passes and, on Mosquitto, the sink
 * publishes the value the source read.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
const ENV = { FIXTURE_BROKER: BROKER, FIXTURE_TOPIC: `plant-${RUN}`, FIXTURE_PREFIX: `uns-${RUN}` };
const ATTRIBUTE = 'acme/springfield/packaging/line1/filler/temperature';

function fixture(): string {
  const text = readFileSync(new URL('../src/runtime/__fixtures__/sink-zone/config.yaml', import.meta.url), 'utf8');
  return text.replace(/\$\{(FIXTURE_[A-Z]+)\}/g, (_m, name: keyof typeof ENV) => ENV[name]);
}

await describeWithService('mosquitto', 'a UNS sink fed by an MQTT source in another zone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-sink-zone-'));
  let hub: Hub | undefined;
  let client: MqttClient;
  const received: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    client = await mqtt.connectAsync(BROKER, { reconnectPeriod: 0 });
    client.on('message', (topic, payload) => {
      if (topic === `${ENV.FIXTURE_PREFIX}/${ATTRIBUTE}` && payload.length > 0) received.push(JSON.parse(payload.toString()) as Record<string, unknown>);
    });
    await client.subscribeAsync(`${ENV.FIXTURE_PREFIX}/#`, { qos: 1 });
  });

  afterAll(async () => {
    await hub?.stop();
    await client?.publishAsync(`${ENV.FIXTURE_PREFIX}/${ATTRIBUTE}`, '', { qos: 1, retain: true });
    await client?.endAsync();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the check names the missing conduit; with it the sink receives the values', async () => {
    const before = loadCheckedText(fixture(), 'plant.yaml');
    expect(before.problems.map((p) => p.code)).toEqual(['CW_CONFIG_FLOW_DENIED']);
    const conduit = /- \{ from: line1-ot, to: enterprise-dmz, allow: \[telemetry\] \}/.exec(before.problems[0]!.hint)![0];

    const fixed = fixture().replace('conduits:\n', `conduits:\n  ${conduit}\n`);
    const { config, problems } = loadCheckedText(fixed, 'plant.yaml');
    expect(problems).toEqual([]);
    hub = await Hub.create({ config: config!, dataDir: dir, logger: pino({ level: 'silent' }), port: 0 });
    await hub.start();

    // The source's subscription may not be in place at once: publish until the sink's value shows.
    while (received.length === 0) {
      await client.publishAsync(`${ENV.FIXTURE_TOPIC}/filler/telemetry`, JSON.stringify({ temp: 21.5 }), { qos: 1 });
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(received[0]).toMatchObject({ value: 21.5, quality: 'good', unit: 'degC' });
  });
});
