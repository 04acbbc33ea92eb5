/**
 * POST /ingest on a running hub: the answer says, per sample, what the hub keeps. Nothing the
 * answer calls accepted is dropped or stored as bad afterwards by the pipeline or the namespace.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../../cli/config-io.js';
import { Hub } from '../../runtime/hub.js';
import { apiToken } from '../../test-support/auth.js';

const TOKEN = 'meter-device-token-0123456789';
const NOW = Date.now();
const dir = mkdtempSync(join(tmpdir(), 'causeway-ingest-'));
let hub: Hub;
let url: string;
let admin: string;

beforeAll(async () => {
  const { config, problems } = loadCheckedText(`
site: { enterprise: Acme, name: Springfield, hubZone: ops, timezone: Europe/Berlin }
zones: [{ id: ops, level: 3 }, { id: utilities, level: 1 }]
conduits: [{ from: utilities, to: ops, allow: [telemetry] }]
sources:
  - id: meter
    kind: http-push
    zone: utilities
    config: { token: ${TOKEN}, requestsPerSecond: 100, burst: 100 }
    tags: [{ id: power }, { id: energy, type: number }, { id: label, type: string }]
templates:
  - id: Meter
    attributes: [{ name: power, type: number, unit: kW }, { name: energy, type: counter }, { name: label, type: string }]
assets:
  - { path: acme/utilities/meter, template: Meter, bindings: { power: meter/power, energy: meter/energy, label: meter/label } }
`, 'ingest.yaml');
  expect(problems).toEqual([]);
  hub = await Hub.create({ config: config!, dataDir: dir, logger: pino({ level: 'silent' }), port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: 'local-boss-pass-1' }, announce: () => undefined });
  url = await hub.start();
  admin = await apiToken(hub);
}, 60_000);
afterAll(async () => {
  await hub?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function push(body: unknown): Promise<{ status: number; json: { accepted: number; rejected: { index: number; tag?: string; reason: string }[]; notes?: string[] } }> {
  const r = await fetch(`${url}/ingest/meter`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, json: await r.json() as never };
}

async function history(path: string, from: number, to: number): Promise<{ ts: number; value: unknown; quality: string }[]> {
  await hub.historian.flush();
  const q = new URLSearchParams({ path, from: String(from), to: String(to) });
  const r = await fetch(`${url}/api/v1/history?${q}`, { headers: { authorization: `Bearer ${admin}` } });
  expect(r.status).toBe(200);
  return ((await r.json()) as { series: { samples: { ts: number; value: unknown; quality: string }[] }[] }).series[0]!.samples;
}

describe('POST /ingest answers per sample', () => {
  it('refuses, by index, a string for a numeric attribute through an untyped tag, a time 30 h ahead and a time in seconds', async () => {
    const t = NOW - 60_000;
    const r = await push({ samples: [
      { tag: 'power', value: 12.5, ts: t },
      { tag: 'power', value: 'abc', ts: t + 1 },
      { tag: 'energy', value: 7, ts: NOW + 30 * 3_600_000 },
      { tag: 'energy', value: 8, ts: Math.floor(t / 1000) },
      { tag: 'energy', value: 'twelve', ts: t + 2 },
    ] });
    expect(r.status).toBe(200);
    expect(r.json.accepted).toBe(1);
    expect(r.json.rejected).toEqual([
      { index: 1, tag: 'power', reason: 'attribute acme/utilities/meter/power is a number: "abc" cannot be read as one' },
      { index: 2, tag: 'energy', reason: expect.stringMatching(/^its timestamp .* is 30 h ahead of the hub clock$/) },
      { index: 3, tag: 'energy', reason: expect.stringContaining('looks like epoch seconds') },
      { index: 4, tag: 'energy', reason: 'its value "twelve" cannot be read as a number' },
    ]);
    // What the answer accepted is stored, good; nothing it refused is stored at all.
    expect(await history('acme/utilities/meter/power', t - 1000, t + 1000)).toEqual([{ ts: t, value: 12.5, quality: 'good' }]);
  });

  it('answers 422 when no sample was kept', async () => {
    const r = await push([{ tag: 'power', value: 'off' }]);
    expect(r.status).toBe(422);
    expect(r.json).toEqual({ accepted: 0, rejected: [{ index: 0, tag: 'power', reason: 'attribute acme/utilities/meter/power is a number: "off" cannot be read as one' }] });
  });

  it('reads ISO times without an offset in the site\'s time zone and says so', async () => {
    const r = await push({ ts: '2026-07-01T12:00:00', values: { label: 'summer' } });
    expect(r).toEqual({ status: 200, json: { accepted: 1, rejected: [], notes: ['Times without an offset were read in Europe/Berlin, the site\'s time zone.'] } });
    // Berlin is UTC+2 in July.
    const at = Date.parse('2026-07-01T10:00:00Z');
    expect(await history('acme/utilities/meter/label', at - 1, at + 1)).toEqual([{ ts: at, value: 'summer', quality: 'good' }]);
  });
});
