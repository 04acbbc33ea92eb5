/**
 * Stale and bad quality end to end, with real peers: a hub reads a node-opcua server and a Modbus
 * TCP device (modbus-serial) and publishes the unified namespace to Mosquitto. A value that stops
 * updating turns uncertain (stale); a device that goes away turns its values bad (link_lost) in
 * /values, as a retained UNS message and as one marking sample in the historian; when it comes
 * back, its values are good again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { TestDevice } from '../src/sources/modbus/__fixtures__/device.js';
import { startTestServer, type TestServer } from '../src/sources/opcua/__fixtures__/server.mjs';
import { adminFetch } from '../src/test-support/auth.js';
import { describeWithService, freePort } from '../src/test-support/services.js';

const BROKER = 'mqtt://127.0.0.1:1883';
const PREFIX = `stale-e2e-${process.pid}-${Date.now().toString(36)}`;
const FILLER = 'acme/springfield/packaging/line1/filler';

const config = (opcPort: number, modbusPort: number) => `
site: { enterprise: Acme, name: Springfield, hubZone: site-ops }
zones:
  - { id: line1-ot, level: 1 }
  - { id: site-ops, level: 3 }
  - { id: enterprise-it, level: 4 }
conduits:
  - { from: line1-ot, to: site-ops, allow: [telemetry] }
  - { from: site-ops, to: enterprise-it, allow: [telemetry] }
  - { from: line1-ot, to: enterprise-it, allow: [telemetry] }
sources:
  - id: opc
    kind: opcua
    zone: line1-ot
    config: { endpointUrl: "opc.tcp://localhost:${opcPort}", securityMode: None, publishingInterval: 100ms }
    tags:
      - { id: speed, nodeId: "ns=1;s=Line1.Speed" }
      - { id: setpoint, nodeId: "ns=1;s=Line1.Setpoint", staleAfter: 1s }
  - id: plc
    kind: modbus
    zone: line1-ot
    pollInterval: 200ms
    config: { host: 127.0.0.1, port: ${modbusPort}, timeout: 300 }
    tags:
      - { id: rate, area: holding, address: 0 }
templates:
  - id: Filler
    attributes:
      - { name: rate, type: number, unit: bpm }
assets:
  - path: ${FILLER}
    template: Filler
    bindings: { rate: plc/rate }
sinks:
  - id: uns
    kind: mqtt
    zone: enterprise-it
    config: { url: ${BROKER}, prefix: ${PREFIX} }
historian: { flushInterval: 200ms }
api: { port: 0 }
`;

interface Current {
  path: string;
  value: unknown;
  quality: string;
  reason?: string;
}

/** Poll until `ok` holds (bounded); returns the last value either way so the assertion shows it. */
async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The retained UNS message of a path, as a fresh subscriber gets it (undefined when none arrives). */
async function retained(path: string): Promise<Record<string, unknown> | undefined> {
  const client = await mqtt.connectAsync(BROKER, { clientId: `${PREFIX}-reader-${Math.random().toString(36).slice(2)}`, reconnectPeriod: 0 });
  try {
    const got = new Promise<Record<string, unknown> | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), 1000);
      client.on('message', (_topic, payload, packet) => {
        if (!packet.retain) return;
        clearTimeout(timer);
        resolve(JSON.parse(payload.toString()) as Record<string, unknown>);
      });
    });
    await client.subscribeAsync(`${PREFIX}/${path}`, { qos: 1 });
    return await got;
  } finally {
    await client.endAsync();
  }
}

await describeWithService('mosquitto', 'stale and bad quality across device outages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-stale-'));
  let hub: Hub;
  let url: string;
  let api: typeof fetch;
  let opc: TestServer;
  let opcPort: number;
  let device: TestDevice;

  const current = async (path: string): Promise<Current | undefined> => {
    const res = await api(`${url}/api/v1/values?path=${path}`);
    if (res.status !== 200) return undefined;
    const body = (await res.json()) as { values: Current[] };
    return body.values.find((v) => v.path === path);
  };
  const badSamples = async (path: string, from: number) =>
    (await hub.historian.queryRaw({ paths: [path], from, to: Date.now() + 60_000 })).filter((s) => s.quality === 'bad');

  beforeAll(async () => {
    opcPort = await freePort();
    opc = await startTestServer({ port: opcPort, pkiDir: join(dir, 'server-pki') });
    device = await TestDevice.start(await freePort());
    device.setRegisters('holding', 0, [600]);
    const { config: cfg, problems } = await loadCheckedText(config(opcPort, device.port), 'hub.yaml');
    expect(problems).toEqual([]);
    hub = await Hub.create({ config: cfg!, dataDir: join(dir, 'data'), logger: pino({ level: 'silent' }), port: 0, announce: () => {} });
    url = await hub.start();
    api = await adminFetch(hub);
  }, 60_000);

  afterAll(async () => {
    await hub?.stop();
    await opc?.stop();
    await device?.stop();
    // Leave no retained messages of this run on the shared broker.
    const client = await mqtt.connectAsync(BROKER, { reconnectPeriod: 0 });
    for (const p of [`${FILLER}/rate`, 'opc/speed', 'opc/setpoint']) await client.publishAsync(`${PREFIX}/${p}`, '', { retain: true, qos: 1 });
    await client.endAsync();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('shows good values from both devices', async () => {
    const rate = await until(() => current(`${FILLER}/rate`), (v) => v?.quality === 'good');
    expect(rate).toMatchObject({ value: 600, quality: 'good' });
    expect(rate).not.toHaveProperty('reason');
    expect(await until(() => current('opc/speed'), (v) => v?.quality === 'good')).toMatchObject({ value: 12.5, quality: 'good' });
  }, 60_000);

  it('marks a value that stopped updating uncertain (stale), and good again on its next change', async () => {
    // Setpoint does not change and has staleAfter: 1s; Speed does not change either but has no period.
    const stale = await until(() => current('opc/setpoint'), (v) => v?.quality === 'uncertain');
    expect(stale).toMatchObject({ value: 50, quality: 'uncertain', reason: 'stale' });
    expect(await current('opc/speed')).toMatchObject({ quality: 'good' });
    expect(await until(() => retained('opc/setpoint'), (m) => m?.quality === 'uncertain')).toMatchObject({ value: 50, quality: 'uncertain', reason: 'stale' });

    opc.set('Setpoint', 'Double', 55);
    const back = await until(() => current('opc/setpoint'), (v) => v?.value === 55);
    expect(back).toMatchObject({ value: 55, quality: 'good' });
    expect(back).not.toHaveProperty('reason');
  }, 60_000);

  it('turns the values of a Modbus device that went away bad, on the UNS and once in the historian', async () => {
    const path = `${FILLER}/rate`;
    const since = Date.now();
    await device.stop();
    const bad = await until(() => current(path), (v) => v?.quality === 'bad');
    expect(bad).toMatchObject({ value: 600, quality: 'bad', reason: 'link_lost' });
    expect(await until(() => retained(path), (m) => m?.quality === 'bad')).toMatchObject({ value: 600, quality: 'bad', reason: 'link_lost', unit: 'bpm' });
    const stored = await until(() => badSamples(path, since), (s) => s.length > 0);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ value: 600, quality: 'bad' });

    device.setRegisters('holding', 0, [610]);
    await device.listen();
    const good = await until(() => current(path), (v) => v?.quality === 'good');
    expect(good).toMatchObject({ value: 610, quality: 'good' });
    expect(await until(() => retained(path), (m) => m?.quality === 'good')).toMatchObject({ value: 610, quality: 'good' });
    // The device was down across several reconnect attempts and checks: still one marking sample.
    expect(await badSamples(path, since)).toHaveLength(1);
  }, 90_000);

  it('turns the values of an OPC UA server that went away bad, and good when it is back', async () => {
    const since = Date.now();
    await opc.stop();
    const speed = await until(() => current('opc/speed'), (v) => v?.quality === 'bad');
    expect(speed).toMatchObject({ value: 12.5, quality: 'bad', reason: 'link_lost' });
    // Uncertain before (no update), bad now: the worse of the two.
    expect(await until(() => current('opc/setpoint'), (v) => v?.quality === 'bad')).toMatchObject({ quality: 'bad', reason: 'link_lost' });
    expect(await until(() => retained('opc/speed'), (m) => m?.quality === 'bad')).toMatchObject({ value: 12.5, quality: 'bad', reason: 'link_lost' });
    expect(await until(() => badSamples('opc/speed', since), (s) => s.length > 0)).toHaveLength(1);

    opc = await startTestServer({ port: opcPort, pkiDir: join(dir, 'server-pki') });
    const back = await until(() => current('opc/speed'), (v) => v?.quality === 'good', 60_000);
    expect(back).toMatchObject({ value: 12.5, quality: 'good' });
    expect(await until(() => retained('opc/speed'), (m) => m?.quality === 'good')).toMatchObject({ quality: 'good' });
    expect(await badSamples('opc/speed', since)).toHaveLength(1);
  }, 120_000);
});
