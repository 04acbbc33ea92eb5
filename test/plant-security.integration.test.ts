/**
 * The plant's security map through a real hub over HTTP: GET /zones (zones by level, conduits with
 * what they require, every link's encryption, no secrets), GET /pki with a real node-opcua server
 * whose certificate the hub meets and rejects, trusting it (audited) after which the source
 * connects, rejecting it again, and the users' last sign-in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { hubCertificate } from '../src/sources/opcua/__fixtures__/harness.js';
import { startTestServer, type TestServer } from '../src/sources/opcua/__fixtures__/server.mjs';
import { certificateInfo } from '../src/sources/opcua/pki.js';
import { apiToken } from '../src/test-support/auth.js';
import { asSession, asToken, signIn } from '../src/test-support/http.js';
import { freePort } from '../src/test-support/services.js';

const ADMIN_PASSWORD = 'cell-a night shift 2026';
const PASSWORD = 'a long plant passphrase';
const SECRETS = ['hookuser', 'hooksecret', 'topsecret', 'hmac-key'];

function config(opcuaUrl: string): string {
  return `
site: { enterprise: Acme, name: Springfield, hubZone: site-ops }
zones:
  - { id: cell-a, level: 1, description: OPC UA cell }
  - { id: cell-b, level: 1 }
  - { id: site-ops, level: 3 }
  - { id: enterprise, level: 4 }
conduits:
  - { from: cell-a, to: site-ops, allow: [telemetry], require: { tls: true } }
  - { from: cell-b, to: site-ops, allow: [telemetry] }
  - { from: site-ops, to: cell-a, allow: [commands], require: { approval: true }, description: Operator writes }
  - { from: site-ops, to: enterprise, allow: [telemetry] }
sources:
  - id: plc-opcua
    kind: opcua
    zone: cell-a
    config: { endpointUrl: '${opcuaUrl}', requestTimeout: 5s }
    tags: [{ id: counter, nodeId: 'ns=1;s=Line1.Counter' }]
  - id: plc-modbus
    kind: modbus
    zone: cell-b
    config: { host: 127.0.0.1, port: 1, timeout: 1s }
    tags: [{ id: speed, area: holding, address: 0 }]
sinks:
  - id: erp-hook
    kind: webhook
    zone: enterprise
    paths: [nothing/goes/here]
    config: { url: 'https://hookuser:hooksecret@erp.example.invalid/in?key=topsecret', secret: hmac-key-of-the-erp-hook }
historian: { flushInterval: 200ms }
`;
}

let root: string;
let server: TestServer;
let hub: Hub;
let url: string;
let serverThumbprint: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'causeway-plant-security-'));
  const dataDir = join(root, 'hub');
  // The server trusts the hub (as its administrator would); the hub does not know the server yet.
  server = await startTestServer({ port: await freePort(), pkiDir: join(root, 'server-pki'), trust: [await hubCertificate(join(dataDir, 'pki/opcua'))] });
  serverThumbprint = certificateInfo(server.certificate).thumbprint;
  const { config: checked, problems } = loadCheckedText(config(server.url), 'plant-security.yaml');
  expect(problems).toEqual([]);
  hub = await Hub.create({ config: checked!, dataDir, logger: pino({ level: 'silent' }), port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: ADMIN_PASSWORD }, announce: () => {} });
  url = await hub.start();
  for (const role of ['viewer', 'it-engineer', 'ot-engineer', 'operator'] as const) tokens[role] = await apiToken(hub, role, role);
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
}, 30_000);

describe('GET /api/v1/zones', () => {
  it('shows zones by level, conduits with what they require, and each link\'s encryption without secrets', async () => {
    const r = await asToken(tokens.viewer!, url)('/api/v1/zones');
    expect(r.status).toBe(200);
    expect(r.body.hubZone).toBe('site-ops');
    expect(r.body.zones).toEqual([
      { id: 'cell-a', level: 1, description: 'OPC UA cell' }, { id: 'cell-b', level: 1 }, { id: 'site-ops', level: 3 }, { id: 'enterprise', level: 4 },
    ]);
    expect(r.body.conduits).toContainEqual({ from: 'cell-a', to: 'site-ops', allow: ['telemetry'], require: { tls: true, approval: false } });
    expect(r.body.conduits).toContainEqual({ from: 'site-ops', to: 'cell-a', allow: ['commands'], require: { tls: false, approval: true }, description: 'Operator writes' });
    const link = (id: string) => r.body.links.find((l: { id: string }) => l.id === id);
    expect(link('plc-opcua')).toMatchObject({ role: 'source', kind: 'opcua', zone: 'cell-a', encrypted: true, target: server.url });
    expect(link('plc-modbus')).toMatchObject({ role: 'source', kind: 'modbus', zone: 'cell-b', encrypted: false, how: 'Modbus TCP has no encryption', target: '127.0.0.1:1' });
    expect(link('erp-hook')).toMatchObject({ role: 'sink', kind: 'webhook', zone: 'enterprise', encrypted: true, target: 'https://erp.example.invalid/in' });
    const text = JSON.stringify(r.body);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });
});

describe('the OPC UA certificates', () => {
  const pki = (role: string) => asToken(tokens[role]!, url);
  const listed = async () => (await pki('it-engineer')('/api/v1/pki')).body.certificates as Array<{ thumbprint: string; status: string; subject: string; metBy: Array<{ source: string; waiting: boolean; state: string }>; sources: string[]; expired: boolean }>;

  it('needs configure: a viewer or an operator is refused', async () => {
    for (const role of ['viewer', 'operator']) {
      const r = await pki(role)('/api/v1/pki');
      expect([role, r.status, r.body.code]).toEqual([role, 403, 'CW_AUTH_FORBIDDEN']);
      const t = await pki(role)(`/api/v1/pki/${serverThumbprint}/trust`, 'POST', {});
      expect([role, t.status]).toEqual([role, 403]);
    }
  });

  it('lists the hub\'s own certificate and the server\'s, rejected, with the source waiting on it', async () => {
    await expect.poll(async () => (await listed()).find((c) => c.thumbprint === serverThumbprint)?.metBy[0]?.waiting, { timeout: 20_000 }).toBe(true);
    const certs = await listed();
    const own = certs.find((c) => c.status === 'own')!;
    expect(own).toMatchObject({ sources: ['plc-opcua'], expired: false, metBy: [{ source: 'plc-opcua', waiting: false }] });
    expect(certs.find((c) => c.thumbprint === serverThumbprint)).toMatchObject({ status: 'rejected', sources: ['plc-opcua'], metBy: [{ source: 'plc-opcua', waiting: true }] });
    // Never trusted on its own.
    expect(hub.services.sources().find((s) => s.id === 'plc-opcua')?.lastError?.code).toBe('CW_SOURCE_CERT_UNTRUSTED');
  });

  it('trusts it for an OT engineer, records who did, and the source connects', async () => {
    const r = await pki('ot-engineer')(`/api/v1/pki/${serverThumbprint.toUpperCase()}/trust`, 'POST', {});
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ thumbprint: serverThumbprint, status: 'trusted' });
    const record = hub.security.audit.query({ action: 'pki', limit: 5 })[0];
    expect(record).toMatchObject({ action: 'pki.trust', target: serverThumbprint, outcome: 'success', detail: { from: 'rejected', sources: ['plc-opcua'] } });
    expect(record!.actor).toMatch(/^token:ot-engineer@/);
    await expect.poll(() => hub.services.sources().find((s) => s.id === 'plc-opcua')?.state, { timeout: 30_000 }).toBe('connected');
    expect((await listed()).find((c) => c.thumbprint === serverThumbprint)).toMatchObject({ status: 'trusted', metBy: [{ source: 'plc-opcua', state: 'connected', waiting: false }] });
  }, 40_000);

  it('rejects it again for an IT engineer, audited', async () => {
    const r = await pki('it-engineer')(`/api/v1/pki/${serverThumbprint}/reject`, 'POST', {});
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('rejected');
    expect(hub.security.audit.query({ action: 'pki', limit: 1 })[0]).toMatchObject({ action: 'pki.reject', target: serverThumbprint, detail: { from: 'trusted' } });
  });

  it('answers 404 for a certificate it does not hold, 400 for what is not a thumbprint, and never trusts its own', async () => {
    const own = (await listed()).find((c) => c.status === 'own')!;
    for (const tp of ['0'.repeat(40), own.thumbprint]) {
      const r = await pki('ot-engineer')(`/api/v1/pki/${tp}/trust`, 'POST', {});
      expect([r.status, r.body.code]).toEqual([404, 'CW_PKI_CERT_NOT_FOUND']);
    }
    expect((await pki('ot-engineer')('/api/v1/pki/abc/trust', 'POST', {})).status).toBe(400);
  });
});

describe('GET /api/v1/users', () => {
  it('shows when each user last signed in', async () => {
    const admin = await signIn(url, 'admin', ADMIN_PASSWORD);
    const as = asSession(admin, url);
    expect((await as('/api/v1/users', 'POST', { username: 'newbie', password: PASSWORD, grants: [{ role: 'viewer' }] })).status).toBe(201);
    const users = (await as('/api/v1/users')).body.users as Array<{ username: string; lastLoginAt?: number }>;
    expect(users.find((u) => u.username === 'newbie')!.lastLoginAt).toBeUndefined();
    const at = users.find((u) => u.username === 'admin')!.lastLoginAt!;
    expect(Math.abs(at - Date.now())).toBeLessThan(60_000);
    await signIn(url, 'newbie', PASSWORD);
    const again = (await as('/api/v1/users')).body.users as Array<{ username: string; lastLoginAt?: number }>;
    expect(again.find((u) => u.username === 'newbie')!.lastLoginAt).toBeGreaterThanOrEqual(at);
  });
});
