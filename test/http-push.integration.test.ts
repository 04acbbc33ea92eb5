/** HTTP push end to end: a device POSTs to the running hub; token, limits and Retry-After as a device sees them. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { callFrom } from '../src/test-support/http.js';

const TOKEN = 'meter-token-0123456789abcdef';
const CONFIG = `
site: { enterprise: Acme, name: Springfield, hubZone: ops }
zones: [{ id: utilities, level: 1 }, { id: ops, level: 3 }]
conduits: [{ from: utilities, to: ops, allow: [telemetry] }]
sources:
  - id: meter
    kind: http-push
    zone: utilities
    config: { token: "\${METER_TOKEN}", requestsPerSecond: 1, burst: 3, maxBodyBytes: 2048, maxSamples: 20 }
    tags: [{ id: power, unit: kW }, { id: energy, unit: kWh }]
historian: { flushInterval: 100ms }
`;

describe('HTTP push into a running hub', () => {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-push-'));
  let hub: Hub;
  let url: string;

  beforeAll(async () => {
    process.env.METER_TOKEN = TOKEN;
    const { config, problems } = await loadCheckedText(CONFIG, 'push.yaml');
    expect(problems).toEqual([]);
    hub = await Hub.create({ config: config!, dataDir: dir, logger: pino({ level: 'silent' }), port: 0 });
    url = await hub.start();
    for (let i = 0; i < 50 && hub.services.sources()[0]?.state !== 'connected'; i++) await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(async () => {
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
    delete process.env.METER_TOKEN;
  });

  const push = (body: unknown, token = TOKEN) =>
    fetch(`${url}/ingest/meter`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('refuses a request without the device token, and does not count it against the rate', async () => {
    const none = await push({ values: { power: 1 } }, '');
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ code: 'CW_INGEST_UNAUTHORIZED' });
    expect((await push({ values: { power: 1 } }, 'wrong-token-wrong-token')).status).toBe(401);
  });

  it('checks the token before reading the body, and pauses an address that keeps guessing while the device elsewhere goes on', async () => {
    // Not JSON at all: with a wrong token the answer is 401, so the body was never parsed.
    const unread = await callFrom('127.0.0.3', url, '/ingest/meter', 'POST', { headers: { authorization: 'Bearer not-the-token-at-all', 'content-type': 'application/json' } });
    expect(unread.status).toBe(401);
    const guesses: number[] = [];
    for (let i = 0; i < 8; i++) guesses.push((await callFrom('127.0.0.3', url, '/ingest/meter', 'POST', { body: { values: { power: i } }, headers: { authorization: `Bearer guess-${i}-0123456789abcdef` } })).status);
    expect(guesses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(guesses.slice(5)).toEqual([429, 429, 429]);
    const paused = await callFrom('127.0.0.3', url, '/ingest/meter', 'POST', { body: { values: { power: 1 } }, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(paused.status).toBe(429);
    expect(paused.body).toMatchObject({ code: 'CW_INGEST_TOKEN_THROTTLED', retryable: true });
    expect(Number(paused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // The device itself, at its own address, is not held up by someone else's guessing.
    await new Promise((r) => setTimeout(r, 1100));
    const device = await callFrom('127.0.0.4', url, '/ingest/meter', 'POST', { body: { values: { power: 7 } }, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(device.status).toBe(200);
    await new Promise((r) => setTimeout(r, 3100)); // let the device's request bucket refill for the next case
  });

  it('keeps the good samples of a partly bad batch, stores them, and rate-limits with Retry-After', async () => {
    const ts = Date.now() - 1000;
    const ok = await push({ samples: [{ tag: 'power', value: 42.5, ts }, { tag: 'voltage', value: 230, ts }] });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ accepted: 1, rejected: [{ index: 1, tag: 'voltage', reason: 'unknown tag "voltage" (not listed under this source\'s tags)' }] });
    expect((await push({ values: { energy: 100 } })).status).toBe(200);
    expect((await push({ values: { energy: 101 } })).status).toBe(200);
    const limited = await push({ values: { energy: 102 } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({ code: 'CW_INGEST_RATE_LIMITED', retryable: true });
    await hub.historian.flush();
    const stored = await hub.historian.queryRaw({ paths: ['meter/power'], from: ts - 1, to: ts + 1 });
    expect(stored).toEqual([{ path: 'meter/power', ts, value: 42.5, quality: 'good' }]);
  });

  it('refuses oversized and malformed bodies with a clear code', async () => {
    await new Promise((r) => setTimeout(r, 3100)); // let the bucket refill
    const big = await push({ samples: Array.from({ length: 100 }, (_, i) => ({ tag: 'power', value: i })) });
    expect(big.status).toBe(413);
    const notJson = await push('{"values": {');
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).code).toBe('CW_API_BAD_REQUEST');
    const wrongShape = await push({ power: 1 });
    expect(wrongShape.status).toBe(400);
    expect((await wrongShape.json()).code).toBe('CW_INGEST_BAD_BODY');
  });

  it('answers 404 for a source that is not an http-push source', async () => {
    const r = await fetch(`${url}/ingest/nope`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(404);
    expect((await r.json()).code).toBe('CW_INGEST_SOURCE_UNKNOWN');
  });
});
