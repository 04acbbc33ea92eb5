/**
 * The asset inventory end to end, with real peers through a real hub: a node-opcua server (BuildInfo
 * and endpoint security), a Modbus TCP device (43/14 identification), a Sparkplug B edge node on
 * Mosquitto (NBIRTH properties) and an HTTP push device (declared identity). A firmware change is
 * recorded in the asset's history and audited; assets are added by hand and by CSV; reading and
 * changing are authorized by role and zone; the CLI lists what the running hub keeps.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { runAssetsList } from '../src/cli/commands/assets.js';
import { Hub } from '../src/runtime/hub.js';
import { TestDevice } from '../src/sources/modbus/__fixtures__/device.js';
import { startTestServer, type TestServer } from '../src/sources/opcua/__fixtures__/server.mjs';
import { SparkplugEdgeNode } from '../src/sources/sparkplug/edge-node.js';
import { apiToken, authedFetch } from '../src/test-support/auth.js';
import { describeWithService, freePort } from '../src/test-support/services.js';

const BROKER = 'mqtt://127.0.0.1:1883';
const RUN = `assets-${process.pid}-${Date.now().toString(36)}`;
const GROUP = `${RUN}-G`;
const FILLER = 'acme/springfield/packaging/line1/filler';
const METER_TOKEN = 'meter-token-0123456789abcdef';

const config = (opcPort: number, modbusPort: number) => `
site: { enterprise: Acme, name: Springfield, hubZone: site-ops }
zones:
  - { id: cell-a, level: 1 }
  - { id: cell-b, level: 2 }
  - { id: site-ops, level: 3 }
conduits:
  - { from: cell-a, to: site-ops, allow: [telemetry] }
  - { from: cell-b, to: site-ops, allow: [telemetry] }
sources:
  - id: opc
    kind: opcua
    zone: cell-a
    config: { endpointUrl: "opc.tcp://localhost:${opcPort}", securityMode: None, publishingInterval: 200ms }
    device: { name: Filler controller, owner: { team: OT Packaging, person: Dana Reyes }, criticality: high }
    tags:
      - { id: speed, nodeId: "ns=1;s=Line1.Speed" }
  - id: plc
    kind: modbus
    zone: cell-b
    pollInterval: 500ms
    config: { host: 127.0.0.1, port: ${modbusPort}, timeout: 500 }
    tags:
      - { id: rate, area: holding, address: 0 }
  - id: meter
    kind: http-push
    zone: cell-b
    config: { token: ${METER_TOKEN} }
    device: { vendor: Schneider Electric, product: PowerLogic PM5560 }
    tags:
      - { id: power }
  - id: spb
    kind: sparkplug
    zone: cell-a
    config: { url: ${BROKER}, hostId: ${RUN}-host, groups: [${GROUP}] }
    tags: []
templates:
  - id: Filler
    attributes:
      - { name: rate, type: number, unit: bpm }
assets:
  - path: ${FILLER}
    template: Filler
    bindings: { rate: plc/rate }
historian: { flushInterval: 200ms }
api: { port: 0 }
`;

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Json = Record<string, any>;

await describeWithService('mosquitto', 'asset inventory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-assets-'));
  let hub: Hub;
  let url: string;
  let opc: TestServer;
  let device: TestDevice;
  let edge: SparkplugEdgeNode;
  const as: Record<string, typeof fetch> = {};

  const call = async (who: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: Json }> => {
    const res = await as[who]!(`${url}${path}`, init);
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
  };
  const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const asset = async (id: string) => (await call('admin', `/api/v1/assets/${encodeURIComponent(id)}`)).body as { asset?: Json; history?: Json[] };

  beforeAll(async () => {
    opc = await startTestServer({ port: await freePort(), pkiDir: join(dir, 'server-pki') });
    device = await TestDevice.start(await freePort());
    const { config: cfg, problems } = await loadCheckedText(config(Number(new URL(opc.url).port), device.port), 'hub.yaml');
    expect(problems).toEqual([]);
    hub = await Hub.create({ config: cfg!, dataDir: join(dir, 'data'), logger: pino({ level: 'silent' }), port: 0 });
    url = await hub.start();
    as.admin = authedFetch(await apiToken(hub, 'admin', 'admin'));
    as.auditor = authedFetch(await apiToken(hub, 'auditor', 'auditor'));
    as.viewer = authedFetch(await apiToken(hub, 'viewer', 'viewer'));
    as.operator = authedFetch(await apiToken(hub, 'operator', 'operator'));
    as.engineerB = authedFetch(await apiToken(hub, [{ role: 'ot-engineer', zones: ['cell-b'] }], 'engineer-b'));
    edge = new SparkplugEdgeNode({
      url: BROKER, groupId: GROUP, edgeNodeId: 'Edge1', clientId: `${RUN}-edge`,
      metrics: [{ name: 'Load', datatype: 'Double', alias: 1, value: 42 }],
      properties: { 'Hardware Make': 'WAGO', 'Hardware Model': 'PFC200 750-8212', OS: 'Linux', 'OS Version': '5.10 RT', Firmware: 'FW22', 'Serial Number': 'W-0042' },
    });
  }, 60_000);

  afterAll(async () => {
    await edge?.close().catch(() => undefined);
    await hub?.stop();
    await device?.stop();
    await opc?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('records the OPC UA server from its BuildInfo and endpoints, with owner and criticality from the device block', async () => {
    const a = (await until(() => asset('opc'), (r) => r.asset?.vendor !== undefined)).asset!;
    expect(a).toMatchObject({
      id: 'opc', name: 'Filler controller', site: 'Springfield', zone: 'cell-a', level: 1,
      vendor: 'Acme Automation', product: 'Test PLC Server', version: '4.2.1', facts: { buildNumber: '1742' },
      protocols: ['opcua'], endpoints: [`opc.tcp://localhost:${new URL(opc.url).port}`],
      owner: { team: 'OT Packaging', person: 'Dana Reyes' }, criticality: 'high',
      posture: { encrypted: false, securityPolicy: 'None/None', anonymousLogin: true },
      origin: { kind: 'discovered', connection: 'opc' },
    });
    expect(Date.parse(a.posture.certificateExpiry)).toBeGreaterThan(Date.now());
    expect(a.firstSeen).toBeLessThanOrEqual(a.lastSeen);
  });

  it('records the Modbus device from 43/14 with the namespace subtree it feeds', async () => {
    const a = (await until(() => asset('plc'), (r) => r.asset?.vendor !== undefined)).asset!;
    expect(a).toMatchObject({ vendor: 'Acme Controls', product: 'AC-PLC-9', version: 'v4.2.1', zone: 'cell-b', level: 2, protocols: ['modbus'], namespace: [FILLER] });
  });

  it('records a Sparkplug edge node from its NBIRTH properties', async () => {
    await edge.connect();
    const id = `spb:${GROUP}:Edge1`;
    const a = (await until(() => asset(id), (r) => r.asset !== undefined)).asset!;
    expect(a).toMatchObject({ vendor: 'WAGO', product: 'PFC200 750-8212', model: 'PFC200 750-8212', version: 'FW22', serial: 'W-0042', zone: 'cell-a', protocols: ['sparkplug'], origin: { kind: 'discovered', connection: 'spb', device: `${GROUP}/Edge1` }, facts: { os: 'Linux', osVersion: '5.10 RT' } });
  });

  it('records a push device by its declared identity, and the firmware it declares in a request', async () => {
    expect((await until(() => asset('meter'), (r) => r.asset !== undefined)).asset).toMatchObject({ vendor: 'Schneider Electric', product: 'PowerLogic PM5560', protocols: ['http-push'] });
    const res = await fetch(`${url}/ingest/meter`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${METER_TOKEN}` },
      body: JSON.stringify({ device: { firmware: '2.7.4', serial: 'ZB2104001837' }, samples: [{ tag: 'power', value: 12.5 }] }),
    });
    expect(res.status).toBe(200);
    const r = await until(() => asset('meter'), (x) => x.asset?.version === '2.7.4');
    expect(r.asset).toMatchObject({ vendor: 'Schneider Electric', version: '2.7.4', serial: 'ZB2104001837' });
    expect(r.history!.at(-1)).toMatchObject({ event: 'identity-changed', actor: 'connection:meter', changes: { version: { to: '2.7.4' }, serial: { to: 'ZB2104001837' } } });
  });

  it('records a firmware change in the history and the audit log', async () => {
    device.identity = { 0: 'Acme Controls', 1: 'AC-PLC-9', 2: 'v4.3.0' };
    expect((await call('admin', '/api/v1/sources/plc/reconnect', { method: 'POST' })).status).toBe(202);
    const r = await until(() => asset('plc'), (x) => x.asset?.version === 'v4.3.0');
    expect(r.asset!.version).toBe('v4.3.0');
    expect(r.history!.map((h) => h.event)).toEqual(['discovered', 'identity-changed']);
    expect(r.history![1]).toMatchObject({ actor: 'connection:plc', changes: { version: { from: 'v4.2.1', to: 'v4.3.0' } } });
    const audit = await call('admin', '/api/v1/audit?action=asset.identity-changed&target=plc');
    expect(audit.body.records[0]).toMatchObject({ actor: 'connection:plc', action: 'asset.identity-changed', target: 'plc', detail: { changes: { version: { from: 'v4.2.1', to: 'v4.3.0' } } } });
  });

  it('refuses the inventory to viewers and operators, and shows a zone-limited engineer only their zones', async () => {
    for (const who of ['viewer', 'operator']) {
      const r = await call(who, '/api/v1/assets');
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('CW_AUTH_FORBIDDEN');
    }
    const mine = await call('engineerB', '/api/v1/assets');
    expect(mine.status).toBe(200);
    expect(new Set(mine.body.assets.map((a: Json) => a.zone))).toEqual(new Set(['cell-b']));
    expect((await call('engineerB', '/api/v1/assets/opc')).status).toBe(404);
    const all = await call('auditor', '/api/v1/assets');
    expect(all.body.assets.map((a: Json) => a.id)).toEqual(expect.arrayContaining(['opc', 'plc', 'meter']));
  });

  it('filters by zone, vendor and text and pages', async () => {
    expect((await call('admin', '/api/v1/assets?vendor=acme%20controls')).body.assets.map((a: Json) => a.id)).toEqual(['plc']);
    expect((await call('admin', '/api/v1/assets?text=pm5560')).body.assets.map((a: Json) => a.id)).toEqual(['meter']);
    expect((await call('admin', '/api/v1/assets?zone=cell-b')).body.assets.map((a: Json) => a.id).sort()).toEqual(['meter', 'plc']);
    const page = await call('admin', '/api/v1/assets?limit=1&offset=1');
    expect(page.body).toMatchObject({ limit: 1, offset: 1 });
    expect(page.body.assets).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(4);
    expect((await call('admin', '/api/v1/assets?colour=red')).status).toBe(422);
  });

  it('adds, changes and deletes assets by hand within the caller\'s zones, audited', async () => {
    const hmi = { id: 'hmi-b1', name: 'Line 1 HMI', zone: 'cell-b', vendor: 'Siemens', product: 'SIMATIC HMI TP1200 Comfort', version: 'V17', criticality: 'medium' };
    expect((await call('engineerB', '/api/v1/assets', json('POST', { ...hmi, id: 'hmi-a1', zone: 'cell-a' }))).status).toBe(403);
    expect((await call('viewer', '/api/v1/assets', json('POST', hmi))).status).toBe(403);
    const created = await call('engineerB', '/api/v1/assets', json('POST', hmi));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...hmi, level: 2, origin: { kind: 'manual' } });
    expect((await call('engineerB', '/api/v1/assets', json('POST', hmi))).body.code).toBe('CW_INVENTORY_ASSET_EXISTS');
    const bad = await call('engineerB', '/api/v1/assets', json('POST', { name: 'x', zone: 'nowhere' }));
    expect(bad.status).toBe(400);
    expect(bad.body.title).toContain('zone "nowhere" is not one of the config\'s zones');
    const patched = await call('engineerB', '/api/v1/assets/hmi-b1', json('PATCH', { version: 'V18', owner: { team: 'OT Packaging' } }));
    expect(patched.body).toMatchObject({ version: 'V18', owner: { team: 'OT Packaging' } });
    expect((await call('engineerB', '/api/v1/assets/hmi-b1', json('PATCH', { zone: 'cell-a' }))).status).toBe(403);
    expect((await call('engineerB', '/api/v1/assets/opc', json('PATCH', { criticality: 'low' }))).status).toBe(404);
    expect((await call('admin', '/api/v1/assets/plc', { method: 'DELETE' })).body.code).toBe('CW_INVENTORY_ASSET_DISCOVERED');
    expect((await call('engineerB', '/api/v1/assets/hmi-b1', { method: 'DELETE' })).status).toBe(204);
    expect((await call('admin', '/api/v1/assets/hmi-b1')).status).toBe(404);
    const records = (await call('admin', '/api/v1/audit?action=asset&target=hmi-b1')).body.records as Json[];
    expect(records.map((r) => `${r.action} ${r.outcome}`).reverse()).toEqual(['asset.create success', 'asset.create failure', 'asset.update success', 'asset.delete success']);
  });

  it('imports CSV row by row and reports each rejected row with why', async () => {
    const csv = [
      'id,name,zone,vendor,product,version,protocols,owner_team,criticality,encrypted',
      'sw-1,Cell B switch,cell-b,Hirschmann,RSP35,09.4.04,snmp;https,OT Network,high,yes',
      ',Engineering workstation,cell-b,Dell,Precision 3660,,rdp,OT Packaging,medium,no',
      'bad-zone,Somewhere,cell-z,Acme,Thing,1.0,,,,',
      'bad-crit,Critical thing,cell-b,Acme,Thing,1.0,,,urgent,',
      ',,cell-b,Acme,Nameless,1.0,,,,',
      'short,Too few cells,cell-b',
      'in-a,Not mine,cell-a,Acme,Thing,1.0,,,,',
    ].join('\n');
    const r = await call('engineerB', '/api/v1/assets/import?file=cell-b.csv', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
    expect(r.status).toBe(200);
    expect(r.body.rows).toBe(7);
    expect(r.body.created).toHaveLength(2);
    expect(r.body.created[0]).toBe('sw-1');
    expect(r.body.rejected.map((x: Json) => x.line)).toEqual([4, 5, 6, 7, 8]);
    const why = Object.fromEntries(r.body.rejected.map((x: Json) => [x.line, x.problems.join('; ')]));
    expect(why[4]).toContain('zone "cell-z" is not one of the config\'s zones');
    expect(why[5]).toContain('criticality "urgent" must be one of low, medium, high, critical');
    expect(why[6]).toContain('name is required');
    expect(why[7]).toContain('it has 3 cells where the header names 10 columns');
    expect(why[8]).toContain('you may not add assets in zone cell-a');
    expect((await asset('sw-1')).asset).toMatchObject({ vendor: 'Hirschmann', protocols: ['snmp', 'https'], posture: { encrypted: true }, origin: { kind: 'csv', file: 'cell-b.csv' } });
    const unknown = await call('engineerB', '/api/v1/assets/import', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'name,colour\nx,red\n' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('CW_INVENTORY_CSV_INVALID');
    const big = await call('engineerB', '/api/v1/assets/import', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: `name,zone\n${'x,cell-b\n'.repeat(600_000)}` });
    expect(big.status).toBe(413);
  });

  it('lists the inventory of the running hub from the CLI', async () => {
    let out = '';
    let err = '';
    const code = runAssetsList({ dataDir: join(dir, 'data'), limit: 50, zone: 'cell-b' }, { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toMatch(/^ID\s+NAME\s+ZONE/);
    expect(out).toMatch(/plc\s+plc\s+cell-b \(L2\)\s+Acme Controls\s+AC-PLC-9\s+v4\.3\.0\s+plc/);
    expect(out).not.toContain('opc ');
    let lines = '';
    runAssetsList({ dataDir: join(dir, 'data'), limit: 50, json: true, vendor: 'wago' }, { out: { write: (t: string) => (lines += t) }, err: { write: () => undefined } });
    expect(lines.trim().split('\n').map((l) => JSON.parse(l).vendor)).toEqual(['WAGO']);
    let missing = '';
    expect(runAssetsList({ dataDir: join(dir, 'nowhere'), limit: 5 }, { out: { write: () => undefined }, err: { write: (t: string) => (missing += t) } })).toBe(1);
    expect(missing).toContain('There is no asset inventory');
  });
});
