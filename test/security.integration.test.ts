/**
 * Security end to end, through a real hub over HTTP: every route refuses a request without
 * credentials and one without the permission; spoofed headers, CSRF, session fixation, brute
 * force, path traversal, oversized and malformed bodies; a two-person write on a simulator
 * setpoint with every refusal naming its step; audit tampering found; first run and TLS.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDb } from '../src/state/sqlite.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredRoutes } from '../src/api/auth.js';
import { buildApi } from '../src/api/server.js';
import { runAuditVerify } from '../src/cli/commands/audit.js';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { ROLE_PERMISSIONS, ROLES, type Role } from '../src/security/index.js';
import { apiToken } from '../src/test-support/auth.js';
import { asSession, asToken, call, rawGet, signIn, type Session } from '../src/test-support/http.js';

const CONFIG = `
site: { enterprise: Acme, name: Springfield, hubZone: site-ops }
zones:
  - { id: line1-ot, level: 1 }
  - { id: line2-ot, level: 1 }
  - { id: site-ops, level: 3 }
conduits:
  - { from: line1-ot, to: site-ops, allow: [telemetry] }
  - { from: line2-ot, to: site-ops, allow: [telemetry] }
  - { from: site-ops, to: line1-ot, allow: [commands], require: { approval: true } }
sources:
  - id: plc1
    kind: simulator
    zone: line1-ot
    pollInterval: 100ms
    config: { seed: 7, period: 100ms }
    tags:
      - { id: speed_sp, signal: { kind: setpoint, value: 600 } }
      - { id: speed, signal: { kind: follow, tag: speed_sp, gain: 1, offset: 0 } }
  - id: plc2
    kind: simulator
    zone: line2-ot
    pollInterval: 100ms
    config: { seed: 8, period: 100ms }
    tags:
      - { id: torque_sp, signal: { kind: setpoint, value: 5 } }
templates:
  - id: Filler
    attributes:
      - { name: speed_sp, type: number, unit: bpm, min: 0, max: 900, writable: true }
      - { name: speed, type: number, unit: bpm }
  - id: Capper
    attributes:
      - { name: torque_sp, type: number, writable: true }
assets:
  - { path: acme/springfield/packaging/line1/filler, template: Filler, bindings: { speed_sp: plc1/speed_sp, speed: plc1/speed } }
  - { path: acme/springfield/packaging/line2/capper, template: Capper, bindings: { torque_sp: plc2/torque_sp } }
historian: { flushInterval: 200ms }
security:
  login: { maxFailures: 3, lockout: 15m, perMinute: 40 }
  writes: { approvalTimeout: 2m, perMinute: 3, verifyTimeout: 5s }
`;
const SP = 'acme/springfield/packaging/line1/filler/speed_sp';
const ADMIN_PASSWORD = 'site-boss-pass-2026';
const PASSWORD = 'a long plant passphrase';
const logger = pino({ level: 'silent' });
const dirs: string[] = [];

async function makeHub(extra = '', env: Record<string, string> = { CAUSEWAY_ADMIN_PASSWORD: ADMIN_PASSWORD }, dir?: string) {
  const { config, problems } = loadCheckedText(CONFIG + extra, 'security.yaml');
  expect(problems).toEqual([]);
  const dataDir = dir ?? mkdtempSync(join(tmpdir(), 'causeway-security-'));
  if (!dir) dirs.push(dataDir);
  const notices: string[] = [];
  const hub = await Hub.create({ config: config!, dataDir, logger, port: 0, env, announce: (t) => void notices.push(t) });
  return { hub, url: await hub.start(), notices, dataDir };
}

let hub: Hub;
let url: string;
const tokens = {} as Record<Role, string>;
let admin: Session;

beforeAll(async () => {
  ({ hub, url } = await makeHub());
  for (const role of ROLES) tokens[role] = await apiToken(hub, role, role);
  admin = await signIn(url, 'admin', ADMIN_PASSWORD);
  const as = asSession(admin, url);
  for (const [username, grants] of [['olga', [{ role: 'operator' }]], ['ed', [{ role: 'ot-engineer' }]], ['audrey', [{ role: 'auditor' }]], ['zed', [{ role: 'operator', zones: ['line2-ot'] }]], ['victim', [{ role: 'viewer' }]]] as const) {
    expect((await as('/api/v1/users', 'POST', { username, password: PASSWORD, grants })).status).toBe(201);
  }
});
afterAll(async () => {
  await hub?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const concrete = (route: string) => route.replace(/:[A-Za-z]+/g, 'x');

describe('every route', () => {
  let routes: Array<{ method: string; url: string; permission: string | undefined }>;
  beforeAll(async () => {
    const app = await buildApi({ services: hub.services, logger });
    await app.ready();
    routes = declaredRoutes(app).filter((r) => r.method !== 'HEAD' && !r.url.includes('*'));
    await app.close();
  });

  it('declares its permission (a route without one is refused, fail closed)', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => r.permission === undefined).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(routes.filter((r) => r.permission === 'public').map((r) => `${r.method} ${r.url}`).filter((r) => r.includes('/api/')).sort())
      .toEqual(['GET /api/v1/health', 'GET /api/v1/oidc/callback', 'GET /api/v1/oidc/login', 'GET /api/v1/session', 'GET /api/v1/setup', 'POST /api/v1/login', 'POST /api/v1/setup']);
  });

  it('refuses a request without credentials, except health, login, setup, device ingest and the console', async () => {
    for (const r of routes.filter((x) => x.permission !== 'public' && x.permission !== 'device')) {
      const a = await call(`${url}${concrete(r.url)}`, r.method, r.method === 'GET' || r.method === 'DELETE' ? {} : { body: {} });
      expect([`${r.method} ${r.url}`, a.status, a.body.code]).toEqual([`${r.method} ${r.url}`, 401, 'CW_AUTH_REQUIRED']);
    }
  });

  it('refuses each role the routes its permissions do not cover (role × route matrix)', async () => {
    for (const r of routes.filter((x) => !['public', 'device'].includes(x.permission!))) {
      for (const role of ROLES) {
        const a = await asToken(tokens[role], url)(concrete(r.url), r.method, r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
        const where = `${role} ${r.method} ${r.url}`;
        if (r.permission === 'session') expect([where, a.body.code]).toEqual([where, 'CW_AUTH_SESSION_ONLY']);
        else if (r.permission === 'user' || [r.permission!].flat().some((x) => (ROLE_PERMISSIONS[role] as readonly string[]).includes(x))) expect([where, [401, 403].includes(a.status)]).toEqual([where, false]);
        else expect([where, a.status, a.body.code]).toEqual([where, 403, 'CW_AUTH_FORBIDDEN']);
      }
    }
  });

  it('takes no credentials from Referer, Host, Origin or X-Forwarded-* headers', async () => {
    const spoofs = { referer: `${url}/api/v1/login`, origin: url, host: 'localhost', 'x-forwarded-for': '127.0.0.1', 'x-forwarded-user': 'admin', 'x-forwarded-proto': 'https', 'x-real-ip': '127.0.0.1', 'x-remote-user': 'admin' };
    expect((await call(`${url}/api/v1/users`, 'GET', { headers: spoofs })).status).toBe(401);
    expect((await call(`${url}/api/v1/me`, 'GET', { headers: { ...spoofs, authorization: 'Bearer cwt_forged' } })).status).toBe(401);
    // A bad bearer token does not fall back to a valid session cookie.
    expect((await call(`${url}/api/v1/me`, 'GET', { headers: { cookie: admin.cookie, authorization: 'Bearer nope' } })).status).toBe(401);
    await call(`${url}/api/v1/login`, 'POST', { body: { username: 'nobody', password: 'x' }, headers: { 'x-forwarded-for': '10.9.9.9' } });
    const [record] = (await asToken(tokens.auditor, url)('/api/v1/audit?actor=nobody')).body.records;
    expect(record).toMatchObject({ action: 'login', outcome: 'failure', address: expect.stringMatching(/127\.0\.0\.1/) });
  });
});

describe('sessions', () => {
  it('live in an HttpOnly, SameSite=Strict cookie with a CSRF token', async () => {
    const s = await signIn(url, 'olga', PASSWORD);
    expect(s.setCookie).toMatch(/^cw_session=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(s.me).toMatchObject({ via: 'session', user: { username: 'olga' }, permissions: ['read', 'write'], csrfToken: s.csrf });
    expect(JSON.stringify(s.me)).not.toContain(s.cookie.split('=')[1]);
  });

  it('refuse cookie-authenticated changes without the CSRF token; tokens need none', async () => {
    const as = asSession(admin, url);
    expect((await as('/api/v1/tokens/x', 'DELETE', undefined, false)).body.code).toBe('CW_AUTH_CSRF');
    expect((await call(`${url}/api/v1/tokens/x`, 'DELETE', { headers: { cookie: admin.cookie, 'x-csrf-token': 'forged' } })).body.code).toBe('CW_AUTH_CSRF');
    expect((await as('/api/v1/tokens/x', 'DELETE')).body.code).toBe('CW_AUTH_NOT_FOUND');
    expect((await asToken(tokens.admin, url)('/api/v1/users/x', 'DELETE')).body.code).toBe('CW_AUTH_NOT_FOUND');
  });

  it('never reuse a session id set before sign-in (fixation)', async () => {
    const planted = 'cw_session=attacker-chosen-value-aaaaaaaaaaaaaaaaaaaaaaaa';
    const s = await signIn(url, 'olga', PASSWORD, planted);
    expect(s.cookie).not.toBe(planted);
    expect((await call(`${url}/api/v1/me`, 'GET', { headers: { cookie: planted } })).status).toBe(401);
    const again = await signIn(url, 'olga', PASSWORD, s.cookie);
    expect(again.cookie).not.toBe(s.cookie);
    expect((await call(`${url}/api/v1/me`, 'GET', { headers: { cookie: s.cookie } })).status).toBe(401);
  });

  it('are told to the console by GET /session, never with a 401: signed in with the cookie, not without it or with a token', async () => {
    const s = await signIn(url, 'audrey', PASSWORD);
    const mine = await call(`${url}/api/v1/session`, 'GET', { headers: { cookie: s.cookie } });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ signedIn: true, me: { via: 'session', user: { username: 'audrey' }, permissions: ['read', 'audit'], csrfToken: s.csrf } });
    expect(await call(`${url}/api/v1/session`)).toMatchObject({ status: 200, body: { signedIn: false } });
    expect((await call(`${url}/api/v1/session`, 'GET', { headers: { authorization: `Bearer ${tokens.admin}` } })).body).toEqual({ signedIn: false });
    expect((await asSession(s, url)('/api/v1/logout', 'POST')).status).toBe(204);
    expect((await call(`${url}/api/v1/session`, 'GET', { headers: { cookie: s.cookie } })).body).toEqual({ signedIn: false });
  });

  it('are listed and revoked, and end at sign-out', async () => {
    const one = await signIn(url, 'ed', PASSWORD);
    const two = await signIn(url, 'ed', PASSWORD);
    const list = (await asSession(one, url)('/api/v1/sessions')).body.sessions;
    expect(list.map((x: { id: string; current: boolean }) => [x.id, x.current])).toEqual([[one.me.session.id, true], [two.me.session.id, false]]);
    expect((await asSession(one, url)(`/api/v1/sessions/${two.me.session.id}`, 'DELETE')).status).toBe(204);
    expect((await asSession(two, url)('/api/v1/me')).status).toBe(401);
    expect((await asSession(one, url)('/api/v1/logout', 'POST')).status).toBe(204);
    expect((await asSession(one, url)('/api/v1/me')).status).toBe(401);
  });

  it('make API tokens shown once, scoped, listed without secrets and revocable', async () => {
    const as = asSession(admin, url);
    const made = await as('/api/v1/tokens', 'POST', { name: 'erp reader', scopes: ['read'], expiresInDays: 7 });
    expect(made.status).toBe(201);
    expect((await asToken(made.body.secret, url)('/api/v1/sources')).status).toBe(200);
    expect((await asToken(made.body.secret, url)('/api/v1/users')).body.code).toBe('CW_AUTH_FORBIDDEN');
    expect(JSON.stringify((await as('/api/v1/tokens')).body)).not.toContain(made.body.secret);
    expect((await as(`/api/v1/tokens/${made.body.token.id}`, 'DELETE')).status).toBe(204);
    expect((await asToken(made.body.secret, url)('/api/v1/sources')).status).toBe(401);
  });
});

describe('hardening', () => {
  it('sends security headers with a strict Content-Security-Policy', async () => {
    const r = await call(`${url}/api/v1/health`);
    expect(r.headers.get('content-security-policy')).toBe("default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';object-src 'none';base-uri 'none';form-action 'self';frame-ancestors 'none';script-src-attr 'none'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('strict-transport-security')).toBeNull();
  });

  it.each(['/api/v1/../../../../etc/passwd', '/..%2f..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2f..%2fpackage.json', '/assets/%2e%2e/%2e%2e/%2e%2e/package.json', '/favicon.ico/..%2f..%2fpackage.json'])('serves no file outside its folders for %s', async (path) => {
    const r = await rawGet(url, path);
    expect(r.body).not.toMatch(/root:x:0:0|"name": "causeway"/);
    expect([200, 503].includes(r.status) && r.headers['content-type']?.includes('json')).toBe(false);
  });

  it('refuses namespace paths that climb', async () => {
    expect((await asToken(tokens.viewer, url)('/api/v1/values?path=../../etc')).body.code).toBe('CW_PATH_INVALID');
  });

  it('refuses oversized and malformed bodies with problem+json', async () => {
    const login = (body: string, type = 'application/json') => call(`${url}/api/v1/login`, 'POST', { body, headers: { 'content-type': type } });
    expect((await login(JSON.stringify({ username: 'a', password: 'x'.repeat(20_000) }))).body.code).toBe('CW_API_BODY_TOO_LARGE');
    expect((await asToken(tokens.admin, url)('/api/v1/writes', 'POST', { path: SP, value: 'x'.repeat(2_000_000) })).status).toBe(413);
    for (const bad of ['{"username":', '{"username":"a","password":"b","__proto__":{"admin":true}}', '{"username":"a","password":"b","role":"admin"}', '[]']) {
      expect([bad, (await login(bad)).body.code]).toEqual([bad, 'CW_API_BAD_REQUEST']);
    }
    expect((await login('username=a&password=b', 'application/x-www-form-urlencoded')).status).toBe(400);
  });
});

async function valueOf(path: string): Promise<unknown> {
  return (await asToken(tokens.viewer, url)(`/api/v1/values?path=${path}`)).body.values?.[0]?.value;
}

describe('the write gate', () => {
  let olga: Session;
  let ed: Session;
  beforeAll(async () => {
    olga = await signIn(url, 'olga', PASSWORD);
    ed = await signIn(url, 'ed', PASSWORD);
    for (let i = 0; i < 50 && (await valueOf(SP)) !== 600; i++) await new Promise((r) => setTimeout(r, 100));
  });

  it('carries out a two-person write on a setpoint and records it', async () => {
    const asked = await asSession(olga, url)('/api/v1/writes', 'POST', { path: SP, value: 650, reason: 'SKU change' });
    expect(asked).toMatchObject({ status: 202, body: { state: 'pending', zone: 'line1-ot', requester: { name: 'olga' } } });
    const id = asked.body.id;
    expect((await asSession(olga, url)(`/api/v1/writes/${id}/approve`, 'POST')).body.code).toBe('CW_AUTH_FORBIDDEN');
    expect((await asToken(tokens.auditor, url)(`/api/v1/writes/${id}/approve`, 'POST')).body.code).toBe('CW_AUTH_FORBIDDEN');
    expect((await asToken(tokens.admin, url)('/api/v1/writes?state=pending')).body.writes.map((w: { id: string }) => w.id)).toEqual([id]);
    expect(await valueOf(SP)).toBe(600);
    const done = await asSession(ed, url)(`/api/v1/writes/${id}/approve`, 'POST');
    expect(done).toMatchObject({ status: 200, body: { state: 'done', approver: { name: 'ed' }, outcome: { oldValue: 600, newValue: 650, verified: true, requester: 'olga', approver: 'ed' } } });
    expect(await valueOf(SP)).toBe(650);

    const audit = asToken(tokens.auditor, url);
    const trail = (await audit('/api/v1/audit?action=write&limit=10')).body.records.reverse();
    expect(trail.map((r: { action: string; outcome: string; actor: string }) => `${r.action} ${r.outcome} ${r.actor}`)).toEqual(['write.request pending olga', 'write.approve success ed', 'write.dispatch pending ed', 'write.execute success ed']);
    expect(trail.at(-1)).toMatchObject({ target: SP, address: expect.stringMatching(/127\.0\.0\.1/), detail: { writeId: id, oldValue: 600, newValue: 650, requester: 'olga', approver: 'ed' } });
    const denied = (await audit('/api/v1/audit?action=access.denied&actor=olga')).body.records;
    expect(denied[0]).toMatchObject({ target: 'POST /api/v1/writes/:id/approve', outcome: 'refused', detail: { permission: 'approve' } });
  });

  it('shows write requests only to those who may read their attribute', async () => {
    const zed = asSession(await signIn(url, 'zed', PASSWORD), url);
    // zed (operator in line2-ot only) sees no line 1 request, though the admin does.
    expect((await zed('/api/v1/writes')).body.writes).toEqual([]);
    const line1 = (await asToken(tokens.admin, url)('/api/v1/writes')).body.writes.find((w: { zone: string }) => w.zone === 'line1-ot');
    expect(line1).toBeDefined();
    expect((await zed(`/api/v1/writes/${line1.id}`)).body.code).toBe('CW_WRITE_NOT_FOUND');
    expect((await asToken(tokens.viewer, url)(`/api/v1/writes/${line1.id}`)).body.id).toBe(line1.id);
  });

  it('answers a zone-limited reader at a prefix above its zone with only what it may read', async () => {
    const zed = asSession(await signIn(url, 'zed', PASSWORD), url);
    const paths = (await zed('/api/v1/values?path=acme/springfield')).body.values.map((v: { path: string }) => v.path);
    expect(paths).toEqual(['acme/springfield/packaging/line2/capper/torque_sp']);
    const all = (await asToken(tokens.viewer, url)('/api/v1/values?path=acme/springfield')).body.values.map((v: { path: string }) => v.path);
    expect(all).toEqual(expect.arrayContaining([SP, 'acme/springfield/packaging/line2/capper/torque_sp']));
    expect((await zed(`/api/v1/values?path=${SP}`)).body.values).toEqual([]);
  });

  it('does not let an approver approve their own request', async () => {
    const asked = await asSession(ed, url)('/api/v1/writes', 'POST', { path: SP, value: 655 });
    expect((await asSession(ed, url)(`/api/v1/writes/${asked.body.id}/approve`, 'POST')).body).toMatchObject({ status: 403, code: 'CW_WRITE_APPROVAL_REFUSED', step: 'approval' });
    expect((await asSession(ed, url)(`/api/v1/writes/${asked.body.id}/deny`, 'POST', { reason: 'withdrawn' })).body.state).toBe('denied');
    expect((await asSession(olga, url)(`/api/v1/writes/${asked.body.id}/deny`, 'POST', {})).body).toMatchObject({ code: 'CW_WRITE_NOT_PENDING', step: 'approval' });
  });

  it.each([
    ['permission', 'zed', SP, 700, 403, 'CW_WRITE_FORBIDDEN'],
    ['target', 'olga', 'acme/springfield/packaging/line1/filler/nothing', 1, 404, 'CW_WRITE_TARGET'],
    ['conduit', 'olga', 'acme/springfield/packaging/line2/capper/torque_sp', 6, 403, 'CW_WRITE_NO_CONDUIT'],
    ['limits', 'olga', SP, 901, 400, 'CW_WRITE_OUT_OF_LIMITS'],
    ['limits', 'olga', 'acme/springfield/packaging/line1/filler/speed', 1, 403, 'CW_WRITE_NOT_WRITABLE'],
  ])('names the %s step when it refuses (%s writes %s = %j)', async (step, who, path, value, status, code) => {
    const s = await signIn(url, who, PASSWORD);
    const r = await asSession(s, url)('/api/v1/writes', 'POST', { path, value });
    expect(r.body).toMatchObject({ status, code, step });
    expect(r.headers.get('content-type')).toContain('application/problem+json');
  });

  it('names the rate step when one account writes one value too often', async () => {
    const outcomes: unknown[] = [];
    for (const value of [660, 670, 680]) {
      const asked = await asSession(olga, url)('/api/v1/writes', 'POST', { path: SP, value });
      const approved = await asSession(ed, url)(`/api/v1/writes/${asked.body.id}/approve`, 'POST');
      outcomes.push(approved.body.state ?? approved.body.step);
    }
    expect(outcomes).toEqual(['done', 'done', 'rate']);
  });

  it('finds an edited or deleted audit record, over the API and with `causeway audit verify`', async () => {
    const audit = asToken(tokens.auditor, url);
    expect((await audit('/api/v1/audit/verify')).body).toMatchObject({ ok: true, recording: true });
    const db = SqliteDb.open(join(hub.security.db.name));
    const refused = db.prepare("SELECT seq FROM audit WHERE action = 'write.approve' AND outcome = 'refused' ORDER BY seq LIMIT 1").get() as { seq: number };
    db.prepare("UPDATE audit SET outcome = 'success' WHERE seq = ?").run(refused.seq);
    expect((await audit('/api/v1/audit/verify')).body).toMatchObject({ ok: false, seq: refused.seq, problem: expect.stringContaining('edited') });
    let out = '';
    const io = { out: { write: (t: string) => (out += t) }, err: { write: () => 0 }, env: {}, readSecret: async () => undefined };
    expect(await runAuditVerify({ dataDir: join(hub.security.db.name, '..') }, io)).toBe(1);
    expect(out).toContain(`record ${refused.seq}: its content does not match its hash`);
    db.prepare('DELETE FROM audit WHERE seq = ?').run(refused.seq);
    expect((await audit('/api/v1/audit/verify')).body).toMatchObject({ ok: false, seq: refused.seq, problem: expect.stringContaining('missing (deleted)') });
    db.close();
  });
});

describe('brute force', () => {
  it('pauses a user name from the failing address after failed sign-ins, even for the right password', async () => {
    for (let i = 0; i < 3; i++) expect((await call(`${url}/api/v1/login`, 'POST', { body: { username: 'victim', password: `guess-${i}` } })).body.code).toBe('CW_AUTH_LOGIN_FAILED');
    const paused = await call(`${url}/api/v1/login`, 'POST', { body: { username: 'victim', password: PASSWORD } });
    expect(paused.body).toMatchObject({ status: 429, code: 'CW_AUTH_THROTTLED' });
    expect(Number(paused.headers.get('retry-after'))).toBe(60);
    // Other addresses, the owner's included: test/audit-lockout.integration.test.ts.
  });

  it('limits sign-in attempts per address', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 45; i++) codes.add((await call(`${url}/api/v1/login`, 'POST', { body: { username: `spray${i}`, password: 'Winter2026!' } })).body.code);
    expect(codes.has('CW_API_RATE_LIMITED')).toBe(true);
  });
});

describe('first run', () => {
  it('listens on loopback with a one-time setup token until an admin exists, then on api.host', async () => {
    const first = await makeHub('api: { host: 0.0.0.0 }\n', {});
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    const token = /^ {2}([A-Za-z0-9_-]{32})$/m.exec(first.notices.join(''))?.[1];
    expect(token).toBeDefined();
    expect((await call(`${first.url}/api/v1/setup`)).body).toEqual({ open: true });
    expect((await call(`${first.url}/api/v1/setup`, 'POST', { body: { token: 'wrong', username: 'boss', password: PASSWORD } })).body.code).toBe('CW_AUTH_SETUP_TOKEN');
    expect((await call(`${first.url}/api/v1/setup`, 'POST', { body: { token, username: 'boss', password: PASSWORD } })).status).toBe(201);
    expect((await call(`${first.url}/api/v1/setup`, 'POST', { body: { token, username: 'eve', password: PASSWORD } })).body.code).toBe('CW_AUTH_SETUP_CLOSED');
    await first.hub.stop();
    const again = await makeHub('api: { host: 0.0.0.0 }\n', {}, first.dataDir);
    expect(again.url).toMatch(/^http:\/\/0\.0\.0\.0:/);
    expect(again.notices).toEqual([]);
    expect((await signIn(again.url.replace('0.0.0.0', '127.0.0.1'), 'boss', PASSWORD)).me.permissions).toContain('admin');
    await again.hub.stop();
  });

  it('serves TLS with a self-signed certificate whose fingerprint it prints, with Secure __Host- cookies', async () => {
    const tls = await makeHub('api: { tls: { selfSigned: true } }\n');
    expect(tls.url).toMatch(/^https:\/\/127\.0\.0\.1:/);
    const ca = readFileSync(join(tls.dataDir, 'tls/hub-cert.pem'), 'utf8');
    expect(tls.notices.join('')).toMatch(/SHA-256 fingerprint ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
    const health = await rawGet(tls.url, '/api/v1/health', { ca });
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(health.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    const login = await rawGet(tls.url, '/api/v1/login', { ca, method: 'POST', json: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(login.status).toBe(200);
    expect(login.headers['set-cookie']?.[0]).toMatch(/^__Host-cw_session=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    await tls.hub.stop();
  });
});
