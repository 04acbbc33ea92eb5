/**
 * The unified namespace end to end: a hub with a simulated PLC, templates with composition,
 * unit conversion and value maps, calculated attributes, and an MQTT sink (on the hub's embedded
 * broker) that requires a data contract — searched, traced and watched through the REST API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { isCausewayError } from '../src/core/errors.js';
import { Hub } from '../src/runtime/hub.js';
import { adminFetch } from '../src/test-support/auth.js';
import { freePort } from '../src/test-support/services.js';

type Json = any; // JSON answers of the API (tests may read them loosely)

const LINE = 'acme/springfield/packaging/line1';
const FILLER = `${LINE}/filler`;

function config(brokerPort: number, speedMax = 500): string {
  return `
site: { enterprise: Acme, name: Springfield, hubZone: site-ops }
zones:
  - { id: line1-ot, level: 1 }
  - { id: site-ops, level: 3 }
  - { id: enterprise, level: 4 }
conduits:
  - { from: line1-ot, to: site-ops, allow: [telemetry] }
  - { from: site-ops, to: enterprise, allow: [telemetry] }
  - { from: line1-ot, to: enterprise, allow: [telemetry] }
broker: { port: ${brokerPort}, users: [{ username: hub, password: ns-hub-secret, role: hub }] }
sources:
  - id: plc1
    kind: simulator
    zone: line1-ot
    pollInterval: 100ms
    config: { seed: 7, period: 100ms }
    tags:
      - { id: speed, unit: bpm, signal: { kind: sine, amplitude: 50, periodSeconds: 60, offset: 600 } }
      - { id: temp, unit: degC, scale: 0.1, signal: { kind: constant, value: 215 } }
      - { id: count, signal: { kind: counter, ratePerSecond: 10, rolloverAt: 1000000 } }
      - { id: state, signal: { kind: constant, value: 30 } }
templates:
  - id: Machine
    attributes:
      - { name: state, type: state, states: { "1": running, "2": stopped } }
      - { name: running, type: boolean, calc: "state == 1" }
  - id: Filler
    extends: Machine
    version: 1
    attributes:
      - { name: speed, type: number, unit: bpm, max: ${speedMax}, description: Filling speed }
      - { name: temperature, type: number, unit: degF, description: Product temperature }
      - { name: good_count, type: counter }
      - { name: good_rate, type: number, calc: rate(good_count) }
  - id: Line
    attributes:
      - { name: output, type: number, calc: "rate('filler/good_count') * 60" }
    children:
      - { name: filler, template: Filler }
assets:
  - { path: ${LINE}, template: Line }
  - path: ${FILLER}
    template: Filler
    bindings:
      speed: plc1/speed
      temperature: plc1/temp
      good_count: plc1/count
      state: { tag: plc1/state, map: { "30": 1, "40": 2 } }
sinks:
  - id: lake
    kind: mqtt
    zone: enterprise
    contract: { template: Filler, version: 1 }
    config: { url: "mqtt://127.0.0.1:${brokerPort}", username: hub, password: ns-hub-secret }
historian: { flushInterval: 200ms }
api: { port: 0 }
`;
}

const dir = mkdtempSync(join(tmpdir(), 'causeway-ns-'));
const logger = pino({ level: 'silent' });

async function createHub(text: string): Promise<Hub> {
  const { config: cfg, problems } = loadCheckedText(text, 'hub.yaml');
  expect(problems).toEqual([]);
  return Hub.create({ config: cfg!, dataDir: dir, logger, port: 0 });
}

/** fetch as an admin of the hub under test. */
let api: typeof fetch = fetch;

async function get(url: string): Promise<{ status: number; body: Json }> {
  const res = await api(url);
  return { status: res.status, body: await res.json() };
}

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('unified namespace end to end', () => {
  let hub: Hub;
  let url: string;
  let brokerPort: number;

  beforeAll(async () => {
    brokerPort = await freePort();
    hub = await createHub(config(brokerPort));
    url = await hub.start();
    api = await adminFetch(hub);
  });
  afterAll(async () => {
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('searches by template (inheritance and composition included) and by text', async () => {
    const fillers = await get(`${url}/api/v1/namespace?template=Filler`);
    expect(fillers.body.matches.map((m: Json) => m.path)).toEqual([FILLER, ...['good_count', 'good_rate', 'running', 'speed', 'state', 'temperature'].map((a) => `${FILLER}/${a}`)]);
    const machines = await get(`${url}/api/v1/namespace?template=Machine&kind=asset`);
    expect(machines.body).toMatchObject({ total: 1, matches: [{ kind: 'asset', path: FILLER, template: 'Filler' }] });
    const text = await get(`${url}/api/v1/namespace?q=product%20degF`);
    expect(text.body.matches).toEqual([{ kind: 'attribute', path: `${FILLER}/temperature`, name: 'temperature', template: 'Filler', type: 'number', unit: 'degF', description: 'Product temperature' }]);
    const page = await get(`${url}/api/v1/namespace?path=${LINE}&q=good&limit=1&offset=1`);
    expect(page.body).toMatchObject({ total: 2, limit: 1, offset: 1, matches: [{ path: `${FILLER}/good_rate` }] });
    const line = await get(`${url}/api/v1/namespace?path=${LINE}`);
    expect(line.body.asset).toMatchObject({ template: 'Line', children: [FILLER] });
  });

  it('serves converted units and mapped state codes in /values', async () => {
    const r = await until(() => get(`${url}/api/v1/values?path=${FILLER}`), (r) => r.body.values?.some((v: Json) => v.path.endsWith('/running')));
    const byName = Object.fromEntries(r.body.values.map((v: Json) => [v.path.slice(FILLER.length + 1), v]));
    // 215 * 0.1 = 21.5 degC at the tag = 70.7 degF on the attribute.
    expect(byName.temperature).toMatchObject({ value: 70.7, unit: 'degF', quality: 'good' });
    expect(byName.state).toMatchObject({ value: 1, quality: 'good' });
    expect(byName.running).toMatchObject({ value: true, quality: 'good' });
  });

  it('updates a calculated attribute live as its inputs change', async () => {
    const first = await until(() => get(`${url}/api/v1/values?path=${FILLER}/good_rate`), (r) => r.body.values?.length === 1);
    const later = await until(() => get(`${url}/api/v1/values?path=${FILLER}/good_rate`), (r) => r.body.values[0].ts > first.body.values[0].ts);
    const rate = later.body.values[0];
    expect(rate.ts).toBeGreaterThan(first.body.values[0].ts);
    expect(rate.value).toBeGreaterThan(5);
    expect(rate.value).toBeLessThan(15);
    const count = await get(`${url}/api/v1/values?path=${FILLER}/good_count`);
    expect(count.body.values[0].ts).toBeGreaterThanOrEqual(rate.ts);
    const output = await until(() => get(`${url}/api/v1/values?path=${LINE}/output`), (r) => r.body.values?.length === 1);
    expect(output.body.values[0].value).toBeGreaterThan(300); // bottles per minute from the child's counter
  });

  it('traces a bound attribute to its source, tag and transforms, and to its consumers', async () => {
    const r = await get(`${url}/api/v1/lineage?path=${FILLER}/temperature`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ kind: 'bound', zone: 'line1-ot', upstream: ['plc1/temp'] });
    expect(r.body.source).toMatchObject({ id: 'plc1', kind: 'simulator', zone: 'line1-ot', tag: { id: 'temp', unit: 'degC', scale: 0.1, configured: true } });
    expect(r.body.transforms).toEqual([
      { stage: 'normalize', scale: 0.1, offset: 0 },
      { stage: 'unit-conversion', from: 'degC', to: 'degF', factor: 1.8, offset: 32 },
    ]);
    expect(r.body.consumers).toEqual([{ kind: 'historian' }, { kind: 'sink', id: 'lake', sinkKind: 'mqtt', zone: 'enterprise', contract: { template: 'Filler', version: 1 } }]);
    const state = await get(`${url}/api/v1/lineage?path=${FILLER}/state`);
    expect(state.body.transforms).toContainEqual({ stage: 'value-map', map: { '30': 1, '40': 2 } });
    expect(state.body.consumers).toContainEqual({ kind: 'calculation', path: `${FILLER}/running` });
  });

  it('traces a calculated attribute to its expression, inputs and their tags', async () => {
    const r = await get(`${url}/api/v1/lineage?path=${LINE}/output`);
    expect(r.body).toMatchObject({ kind: 'calculated', zone: 'site-ops', upstream: ['plc1/count'] });
    expect(r.body.transforms[0]).toMatchObject({ stage: 'calculation', expression: "rate('filler/good_count') * 60", inputs: [{ ref: 'filler/good_count', path: `${FILLER}/good_count`, use: 'rate' }], errors: 0 });
    expect(r.body.transforms[0].evaluations).toBeGreaterThan(0);
    expect(r.body.excluded).toEqual([{ sink: 'lake', reason: 'it is not an attribute of contract Filler v1' }]);
    expect((await get(`${url}/api/v1/lineage?path=${FILLER}`)).body).toMatchObject({ status: 400, code: 'CW_NAMESPACE_NOT_AN_ATTRIBUTE' });
    expect((await get(`${url}/api/v1/lineage?path=${FILLER}/nothing`)).body).toMatchObject({ status: 404, code: 'CW_API_PATH_NOT_FOUND' });
  });

  it('quarantines samples that break the sink contract and shows them through the API', async () => {
    const r = await until(() => get(`${url}/api/v1/quarantine`), (r) => r.body.total > 0);
    expect(r.body.sinks).toHaveLength(1);
    const lake = r.body.sinks[0];
    expect(lake).toMatchObject({ sink: 'lake', contract: { template: 'Filler', version: 1 } });
    expect(lake.reasons.map((x: Json) => x.reason)).toEqual(['out_of_range']);
    expect(lake.reasons[0].last[0]).toMatchObject({ path: `${FILLER}/speed`, quality: 'good', problem: expect.stringMatching(/^\d+(\.\d+)? is above the maximum 500 bpm$/) });
    expect(lake.reasons[0].last[0].value).toBeGreaterThan(500);
    expect((await get(`${url}/api/v1/quarantine?sink=other`)).body).toEqual({ total: 0, sinks: [] });
  });

  it('refuses to start when a same-version template changed incompatibly', async () => {
    await hub.stop();
    let error: unknown;
    try {
      hub = await createHub(config(brokerPort, 900));
    } catch (e) {
      error = e;
    }
    expect(isCausewayError(error, 'CW_NAMESPACE_CONTRACT_CHANGED')).toBe(true);
    expect((error as Error).message).toBe('Template Filler version 1 changed incompatibly since the hub first ran it: attribute speed raised its maximum from 500 to 900.');
    hub = await createHub(config(brokerPort));
    url = await hub.start();
    api = await adminFetch(hub);
  });
});
