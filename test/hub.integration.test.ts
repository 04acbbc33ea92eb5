/**
 * End to end: a hub from a YAML config, a simulated plant, the DuckDB historian on disk and the
 * REST API over real HTTP — including a stop and restart that keeps the stored history.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { adminFetch } from '../src/test-support/auth.js';

const CONFIG = `
site: { enterprise: Acme, name: Springfield, hubZone: site-ops }
zones:
  - { id: line1-ot, level: 1 }
  - { id: site-ops, level: 3 }
conduits:
  - { from: line1-ot, to: site-ops, allow: [telemetry] }
sources:
  - id: plc1
    kind: simulator
    zone: line1-ot
    pollInterval: 100ms
    config: { seed: 7, period: 100ms }
    tags:
      - { id: speed, unit: bpm, signal: { kind: sine, amplitude: 50, periodSeconds: 60, offset: 600 } }
      - { id: temp, unit: degC, scale: 0.1, signal: { kind: constant, value: 215 } }
      - { id: count, signal: { kind: counter, ratePerSecond: 10, rolloverAt: 65536 } }
      - { id: spare, signal: { kind: constant, value: 1 } }
templates:
  - id: Filler
    attributes:
      - { name: speed, type: number, unit: bpm }
      - { name: temperature, type: number, unit: degC }
      - { name: good_count, type: number }
assets:
  - path: acme/springfield/packaging/line1/filler
    template: Filler
    bindings: { speed: plc1/speed, temperature: plc1/temp, good_count: plc1/count }
historian: { flushInterval: 200ms }
api: { port: 0 }
`;

const dir = mkdtempSync(join(tmpdir(), 'causeway-hub-'));
const logger = pino({ level: 'silent' });
const FILLER = 'acme/springfield/packaging/line1/filler';
/** fetch as an admin of the running hub (a bearer token; the token survives a restart). */
let api: typeof fetch = fetch;

async function startHub(): Promise<{ hub: Hub; url: string }> {
  const { config, problems } = await loadCheckedText(CONFIG, 'hub.yaml');
  expect(problems).toEqual([]);
  const hub = await Hub.create({ config: config!, dataDir: dir, logger, port: 0 });
  const url = await hub.start();
  if (api === fetch) api = await adminFetch(hub);
  return { hub, url };
}

async function get(url: string): Promise<{ status: number; type: string; body: any }> {
  const res = await api(url);
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json() : await res.text();
  return { status: res.status, type, body };
}

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('hub end to end', () => {
  let hub: Hub;
  let url: string;
  let storedBeforeRestart = 0;

  beforeAll(async () => {
    ({ hub, url } = await startHub());
  });
  afterAll(async () => {
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports health and connected sources', async () => {
    const src = await until(() => get(`${url}/api/v1/sources`), (r) => r.body.sources?.[0]?.state === 'connected');
    expect(src.body.sources[0]).toMatchObject({ id: 'plc1', kind: 'simulator', zone: 'line1-ot', state: 'connected', attempts: 0 });
    const health = await get(`${url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', sources: { total: 1, connected: 1 } });
  });

  it('serves current values of modelled attributes with units, scaled', async () => {
    const r = await until(() => get(`${url}/api/v1/values?path=${FILLER}`), (r) => r.body.values?.length === 3);
    expect(r.status).toBe(200);
    const byPath = Object.fromEntries(r.body.values.map((v: any) => [v.path, v]));
    expect(byPath[`${FILLER}/temperature`]).toMatchObject({ value: 21.5, unit: 'degC', quality: 'good' });
    expect(byPath[`${FILLER}/speed`].value).toBeGreaterThan(540);
    expect(byPath[`${FILLER}/speed`].time).toMatch(/^\d{4}-\d\d-\d\dT/);
    const raw = await get(`${url}/api/v1/values?path=plc1`);
    expect(raw.body.values.map((v: any) => v.path)).toEqual(['plc1/spare']);
  });

  it("identifies a source's device and says when a source cannot browse", async () => {
    const dev = await get(`${url}/api/v1/sources/plc1/device`);
    expect(dev.status).toBe(200);
    expect(dev.body).toMatchObject({ manufacturer: 'Causeway', product: 'Plant simulator' });
    const browse = await get(`${url}/api/v1/sources/plc1/browse`);
    expect(browse.status).toBe(400);
    expect(browse.body).toMatchObject({ code: 'CW_SOURCE_CANNOT', title: 'Source plc1 (simulator) cannot browse.' });
    expect((await get(`${url}/api/v1/sources/nope/device`)).body.code).toBe('CW_SOURCE_NOT_FOUND');
  });

  it('browses the namespace', async () => {
    const root = await get(`${url}/api/v1/namespace`);
    expect(root.body.children.map((c: any) => c.name)).toEqual(['acme', 'plc1']);
    const line = await get(`${url}/api/v1/namespace?path=acme/springfield/packaging/line1`);
    expect(line.body.children).toEqual([{ name: 'filler', path: FILLER, kind: 'asset', leafCount: 3, template: 'Filler' }]);
    const attr = await get(`${url}/api/v1/namespace?path=${FILLER}/speed`);
    expect(attr.body.attribute).toMatchObject({ unit: 'bpm', boundTo: 'plc1/speed', type: 'number' });
  });

  it('stores history and serves it raw', async () => {
    const r = await until(() => get(`${url}/api/v1/history?path=${FILLER}/good_count&from=-1m`), (r) => r.body.series?.[0]?.samples.length >= 5);
    const samples = r.body.series[0].samples;
    expect(samples.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < samples.length; i++) expect(samples[i].ts).toBeGreaterThan(samples[i - 1].ts);
    const two = await get(`${url}/api/v1/history?path=${FILLER}/speed,${FILLER}/temperature&from=-1m&limit=3`);
    expect(two.body.series.map((s: any) => s.path)).toEqual([`${FILLER}/speed`, `${FILLER}/temperature`]);
    expect(two.body.truncated).toBe(true);
  });

  it('pages raw history with a cursor, without gaps or repeats', async () => {
    // Page a range that ended a while ago: every sample in it has reached the historian, so the pages
    // and the whole answer must agree exactly (late data for a recent range is another matter).
    await until(() => get(`${url}/api/v1/history?path=${FILLER}/good_count&from=-1m&to=-2s`), (r) => r.body.series?.[0]?.samples.length >= 6);
    const all = (await get(`${url}/api/v1/history?path=${FILLER}/good_count&from=-1m&to=-2s`)).body;
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = (await get(`${url}/api/v1/history?path=${FILLER}/good_count&from=${all.from}&to=${all.to}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body;
      seen.push(...page.series[0].samples.map((s: any) => s.ts));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual(all.series[0].samples.map((s: any) => s.ts));
  });

  it('aggregates per bucket and interpolates at an instant', async () => {
    const r = await get(`${url}/api/v1/history?path=${FILLER}/temperature,${FILLER}/good_count&from=-1m&agg=count&interval=10s`);
    expect(r.status).toBe(200);
    const [temp, count] = r.body.series;
    expect(temp).toMatchObject({ path: `${FILLER}/temperature`, unit: 'degC', agg: 'count' });
    const total = temp.buckets.reduce((n: number, b: any) => n + b.count, 0);
    expect(total).toBeGreaterThanOrEqual(5);
    for (const b of temp.buckets) expect(b.end - b.start).toBe(10_000);
    const avg = await get(`${url}/api/v1/history?path=${FILLER}/temperature&from=-1m&agg=twa&interval=1m`);
    for (const b of avg.body.series[0].buckets) if (b.value !== null) expect(b.value).toBeCloseTo(21.5, 9);
    expect(count.agg).toBe('count');
    const at = await get(`${url}/api/v1/history/at?path=${FILLER}/temperature&time=now`);
    expect(at.body.values[0]).toMatchObject({ path: `${FILLER}/temperature`, value: 21.5, unit: 'degC' });
    expect(['exact', 'step', 'linear']).toContain(at.body.values[0].method);
  });

  it('publishes metrics', async () => {
    const r = await get(`${url}/metrics`);
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/causeway_samples_received_total\{source="plc1"\} \d+/);
    expect(r.body).toMatch(/causeway_connection_up\{id="plc1",role="source",kind="simulator",state="connected"\} 1/);
  });

  it('publishes an OpenAPI document listing every route', async () => {
    const r = await get(`${url}/api/v1/openapi.json`);
    expect(r.body.openapi).toBe('3.1.0');
    expect(Object.keys(r.body.paths).sort()).toEqual(['/api/v1/advisories', '/api/v1/advisories/import-status', '/api/v1/advisories/{id}', '/api/v1/alarm-journal', '/api/v1/alarm-kpis', '/api/v1/alarms', '/api/v1/alarms/{id}/ack', '/api/v1/alarms/{id}/in-service', '/api/v1/alarms/{id}/out-of-service', '/api/v1/alarms/{id}/shelve', '/api/v1/alarms/{id}/unshelve', '/api/v1/assets', '/api/v1/assets/import', '/api/v1/assets/{id}', '/api/v1/audit', '/api/v1/audit/verify', '/api/v1/confirmations', '/api/v1/confirmations/{key}/retry', '/api/v1/downtime', '/api/v1/downtime/{id}/reason', '/api/v1/export', '/api/v1/health', '/api/v1/history', '/api/v1/history/at', '/api/v1/lineage', '/api/v1/live', '/api/v1/login', '/api/v1/logout', '/api/v1/me', '/api/v1/me/password', '/api/v1/namespace', '/api/v1/oee', '/api/v1/oidc/callback', '/api/v1/oidc/login', '/api/v1/pki', '/api/v1/pki/{thumbprint}/reject', '/api/v1/pki/{thumbprint}/trust', '/api/v1/quarantine', '/api/v1/session', '/api/v1/sessions', '/api/v1/sessions/{id}', '/api/v1/setup', '/api/v1/sinks', '/api/v1/sinks/{id}', '/api/v1/sinks/{id}/reconnect', '/api/v1/sources', '/api/v1/sources/{id}', '/api/v1/sources/{id}/browse', '/api/v1/sources/{id}/device', '/api/v1/sources/{id}/reconnect', '/api/v1/tokens', '/api/v1/tokens/{id}', '/api/v1/trend', '/api/v1/users', '/api/v1/users/{id}', '/api/v1/users/{id}/lock', '/api/v1/users/{id}/unlock', '/api/v1/values', '/api/v1/vulnerabilities', '/api/v1/vulnerabilities/rematch', '/api/v1/vulnerabilities/{id}', '/api/v1/vulnerabilities/{id}/accept', '/api/v1/vulnerabilities/{id}/assign', '/api/v1/vulnerabilities/{id}/comment', '/api/v1/vulnerabilities/{id}/mitigate', '/api/v1/vulnerabilities/{id}/reopen', '/api/v1/vulnerability-report', '/api/v1/work-orders', '/api/v1/work-orders/rejections', '/api/v1/work-orders/{id}', '/api/v1/work-orders/{id}/cancel', '/api/v1/work-orders/{id}/complete', '/api/v1/work-orders/{id}/start', '/api/v1/writes', '/api/v1/writes/{id}', '/api/v1/writes/{id}/approve', '/api/v1/writes/{id}/deny', '/api/v1/zones', '/ingest/{source}', '/metrics']);
      });

  it.each([
    ['/api/v1/values', 400, 'CW_API_BAD_REQUEST'],
    ['/api/v1/values?path=line%201/x', 400, 'CW_PATH_INVALID'],
    ['/api/v1/values?path=acme/nowhere', 404, 'CW_API_PATH_NOT_FOUND'],
    ['/api/v1/values?path=acme&limit=0', 400, 'CW_API_BAD_REQUEST'],
    ['/api/v1/namespace?path=acme/nowhere', 404, 'CW_API_PATH_NOT_FOUND'],
    ['/api/v1/namespace?path=a//b', 400, 'CW_PATH_INVALID'],
    ['/api/v1/history?path=acme/x&from=yesterday', 400, 'CW_API_BAD_TIME'],
    ['/api/v1/history?path=acme/x&from=now&to=-1h', 400, 'CW_API_BAD_RANGE'],
    ['/api/v1/history?path=acme/x&limit=abc', 400, 'CW_API_BAD_REQUEST'],
    ['/api/v1/history', 400, 'CW_API_BAD_REQUEST'],
    ['/api/v1/sources/nope', 404, 'CW_SOURCE_NOT_FOUND'],
    ['/api/v1/history?path=acme/x&agg=twa', 400, 'CW_API_BAD_REQUEST'],
    ['/api/v1/history?path=acme/x&agg=median&interval=1m', 422, 'CW_API_BAD_VALUE'],
    ['/api/v1/history?path=acme/x&interval=1m', 400, 'CW_API_BAD_REQUEST'],
    ['/api/v1/history?path=acme/x&cursor=not-a-cursor', 404, 'CW_API_PATH_NOT_FOUND'],
    ['/api/v1/history/at?path=acme/x&time=teatime', 400, 'CW_API_BAD_TIME'],
    ['/api/v1/nothing-here', 404, 'CW_API_NOT_FOUND'],
  ])('GET %s answers %i %s as problem+json', async (route, status, code) => {
    const r = await get(`${url}${route}`);
    expect(r.status).toBe(status);
    expect(r.type).toContain('application/problem+json');
    expect(r.body).toMatchObject({ status, code });
    expect(r.body.title.length).toBeGreaterThan(10);
    expect(r.body.hint.length).toBeGreaterThan(10);
  });

  it('keeps stored history across a stop and restart', async () => {
    const before = await get(`${url}/api/v1/history?path=${FILLER}/good_count&from=-10m`);
    storedBeforeRestart = before.body.series[0].samples.length;
    const lastTs = before.body.series[0].samples.at(-1).ts;
    await hub.stop();
    ({ hub, url } = await startHub());
    const after = await get(`${url}/api/v1/history?path=${FILLER}/good_count&from=-10m`);
    const samples = after.body.series[0].samples;
    expect(samples.length).toBeGreaterThanOrEqual(storedBeforeRestart);
    expect(samples.some((s: any) => s.ts === lastTs)).toBe(true);
    // Last values are served right after the restart, from the historian.
    const v = await get(`${url}/api/v1/values?path=${FILLER}/good_count`);
    expect(v.body.values[0].ts).toBeGreaterThanOrEqual(lastTs);
  });
});
