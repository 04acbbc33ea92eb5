/**
 * The embedded MQTT broker inside a running hub: a machine publishes JSON, the hub's MQTT source
 * collects it; what the machine's ACL does not allow is refused, counted and audited.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { isCausewayError } from '../src/core/errors.js';
import { Hub } from '../src/runtime/hub.js';
import { adminFetch } from '../src/test-support/auth.js';
import { freePort } from '../src/test-support/services.js';

const logger = pino({ level: 'silent' });

function config(brokerPort: number, apiPort = 0): string {
  return `
site: { enterprise: Acme, name: Springfield, hubZone: ops }
zones: [{ id: cell, level: 1 }, { id: ops, level: 3 }]
conduits: [{ from: cell, to: ops, allow: [telemetry] }]
broker:
  port: ${brokerPort}
  users:
    - { username: machine, password: "\${MACHINE_PW}", write: ["plant/+/telemetry"] }
    - { username: hub, password: "\${HUB_PW}", role: hub }
sources:
  - id: cell-mqtt
    kind: mqtt
    zone: cell
    config:
      url: mqtt://127.0.0.1:${brokerPort}
      username: hub
      password: "\${HUB_PW}"
      subscriptions:
        - { topic: plant/+machine/telemetry, timestamp: /ts, values: [{ tag: '{machine}_temp', value: /temp }] }
    tags: [{ id: filler_temp, unit: degC }]
api: { port: ${apiPort} }
`;
}

async function createHub(text: string, dir: string): Promise<Hub> {
  const { config: cfg, problems } = loadCheckedText(text, 'broker.yaml');
  expect(problems).toEqual([]);
  return Hub.create({ config: cfg!, dataDir: dir, logger });
}

describe('embedded broker in the hub', () => {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-broker-'));
  let hub: Hub;
  let url: string;
  let api: typeof fetch = fetch;
  let brokerPort: number;

  beforeAll(async () => {
    process.env.MACHINE_PW = 'machine-secret-1';
    process.env.HUB_PW = 'hub-secret-2';
    brokerPort = await freePort();
    hub = await createHub(config(brokerPort), dir);
    url = await hub.start();
    api = await adminFetch(hub);
  });
  afterAll(async () => {
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('collects what a machine publishes to the embedded broker', async () => {
    const machine = await mqtt.connectAsync(`mqtt://127.0.0.1:${brokerPort}`, { username: 'machine', password: 'machine-secret-1', reconnectPeriod: 0 });
    const ts = Date.now() - 500;
    let values: Array<{ path: string; value: number; unit?: string }> = [];
    for (let i = 0; i < 100 && values.length === 0; i++) {
      await machine.publishAsync('plant/filler/telemetry', JSON.stringify({ temp: 4.5, ts }), { qos: 1 });
      await new Promise((r) => setTimeout(r, 100));
      values = (await (await api(`${url}/api/v1/values?path=cell-mqtt`)).json().catch(() => ({ values: [] }))).values ?? [];
    }
    await machine.endAsync();
    expect(values).toEqual([{ path: 'cell-mqtt/filler_temp', value: 4.5, ts, time: new Date(ts).toISOString(), quality: 'good' }]);
  });

  it('refuses what the machine may not do, and records it in the audit log and the metrics', async () => {
    const machine = await mqtt.connectAsync(`mqtt://127.0.0.1:${brokerPort}`, { username: 'machine', password: 'machine-secret-1', reconnectPeriod: 0 });
    machine.on('error', () => undefined);
    const refused = await machine.subscribeAsync('#', { qos: 1 }).then(() => 'granted', (e: { packet?: { granted?: number[] } }) => e.packet?.granted);
    expect(refused).toEqual([128]);
    const closed = new Promise((resolve) => machine.once('close', resolve));
    machine.publish('spBv1.0/Springfield/NCMD/Compressor', 'rebirth', { qos: 1 });
    await closed;
    const records = (await (await api(`${url}/api/v1/audit?actor=mqtt:machine`)).json()).records as Array<Record<string, unknown>>;
    expect(records.map((r) => [r.action, r.target, r.outcome])).toEqual([
      ['broker.publish', 'spBv1.0/Springfield/NCMD/Compressor', 'refused'],
      ['broker.subscribe', '#', 'refused'],
    ]);
    expect(records[0]).toMatchObject({ address: '127.0.0.1', detail: { clientId: expect.any(String) } });
    const metrics = await (await api(`${url}/metrics`)).text();
    expect(metrics).toContain('causeway_broker_denials_total{action="publish"} 1');
    expect(metrics).toContain('causeway_broker_denials_total{action="subscribe"} 1');
  });

  it('refuses a client with a wrong password', async () => {
    await expect(mqtt.connectAsync(`mqtt://127.0.0.1:${brokerPort}`, { username: 'machine', password: 'guess', reconnectPeriod: 0 })).rejects.toThrow(/[Bb]ad user ?name or password|Not authorized/);
  });

  it('fails to start cleanly when the API port is taken, naming the port', async () => {
    const busy = await freePort();
    const blocker = (await import('node:net')).createServer().listen(busy, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const other = await createHub(config(await freePort(), busy), mkdtempSync(join(tmpdir(), 'causeway-busy-')));
    const err = await other.start().catch((e: unknown) => e);
    blocker.close();
    expect(isCausewayError(err, 'CW_RUNTIME_PORT_IN_USE')).toBe(true);
    expect((err as Error).message).toBe(`Port ${busy} on 127.0.0.1 is already in use.`);
  });
});
