/**
 * Issue 12, items 7 and 8, through a real hub over HTTP from several loopback addresses: failed
 * sign-ins pause only the failing address (with growing Retry-After), never the owner elsewhere,
 * the admin included; an admin's lock refuses everyone until unlocked, both audited; invalid API
 * tokens pause their address. Then the audit log in the hub's data directory is rewritten the way
 * someone with the database but not the audit key would, and `causeway audit verify` finds it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuditVerify } from '../src/cli/commands/audit.js';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { recomputeOldChain } from '../src/security/__fixtures__/tamper.js';
import { STATE_FILE } from '../src/security/store.js';
import { SqliteDb } from '../src/state/sqlite.js';
import { apiToken } from '../src/test-support/auth.js';
import { callFrom } from '../src/test-support/http.js';

const ADMIN_PASSWORD = 'site-boss-pass-2026';
const PASSWORD = 'a long plant passphrase';
const logger = pino({ level: 'silent' });
const dataDir = mkdtempSync(join(tmpdir(), 'causeway-lockout-'));
const checkpointDir = mkdtempSync(join(tmpdir(), 'causeway-checkpoints-'));

const CONFIG = `
site: { enterprise: Acme, name: Springfield, hubZone: site-ops }
zones:
  - { id: site-ops, level: 3 }
security:
  login: { maxFailures: 3, firstPause: 30s, lockout: 15m, perMinute: 200 }
  audit: { checkpointDir: ${JSON.stringify(checkpointDir)}, checkpointInterval: 1h }
`;

let hub: Hub;
let url: string;
let stopped = false;
const login = (from: string, username: string, password: string) => callFrom(from, url, '/api/v1/login', 'POST', { body: { username, password } });

beforeAll(async () => {
  const { config, problems } = loadCheckedText(CONFIG, 'lockout.yaml');
  expect(problems).toEqual([]);
  hub = await Hub.create({ config: config!, dataDir, logger, port: 0, env: { CAUSEWAY_ADMIN_PASSWORD: ADMIN_PASSWORD }, announce: () => undefined });
  url = await hub.start();
  await hub.security.accounts.createUser({ name: 'test' }, { username: 'ana', password: PASSWORD, grants: [{ role: 'viewer' }] });
});
afterAll(async () => {
  if (!stopped) await hub?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(checkpointDir, { recursive: true, force: true });
});

/** Sign in as the admin from 127.0.0.1: cookie and CSRF token. */
async function admin(): Promise<(path: string, method?: string, body?: unknown) => ReturnType<typeof callFrom>> {
  const r = await login('127.0.0.1', 'admin', ADMIN_PASSWORD);
  expect(r.status).toBe(200);
  const cookie = String(r.headers['set-cookie']?.[0]).split(';')[0]!;
  return (path, method = 'GET', body) => callFrom('127.0.0.1', url, path, method, { ...(body !== undefined ? { body } : {}), headers: { cookie, 'x-csrf-token': r.body.csrfToken } });
}

describe('failed sign-ins', () => {
  it('pause the failing address with growing Retry-After, and never the owner at another address', async () => {
    for (let i = 0; i < 3; i++) expect((await login('127.0.0.2', 'ana', `guess-${i}-wrong`)).body.code).toBe('CW_AUTH_LOGIN_FAILED');
    const pauses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await login('127.0.0.2', 'ana', PASSWORD);
      expect(r.body).toMatchObject({ status: 429, code: 'CW_AUTH_THROTTLED' });
      expect(r.headers['content-type']).toContain('application/problem+json');
      pauses.push(Number(r.headers['retry-after']));
    }
    expect(pauses).toEqual([60, 120, 240]);
    const owner = await login('127.0.0.3', 'ana', PASSWORD);
    expect([owner.status, owner.body.user?.username]).toEqual([200, 'ana']);
  });

  it("cannot lock the admin out: five failures from one address, and the admin signs in from another", async () => {
    for (let i = 0; i < 5; i++) await login('127.0.0.2', 'admin', `guess-${i}-wrong`);
    expect((await login('127.0.0.2', 'admin', ADMIN_PASSWORD)).status).toBe(429);
    expect((await login('127.0.0.1', 'admin', ADMIN_PASSWORD)).status).toBe(200);
  });

  it("an admin's lock refuses the right password from every address; unlock restores it; both audited", async () => {
    const as = await admin();
    const ana = (await as('/api/v1/users')).body.users.find((u: { username: string }) => u.username === 'ana');
    const locked = await as(`/api/v1/users/${ana.id}/lock`, 'POST', { reason: 'phishing report' });
    expect(locked.body).toMatchObject({ username: 'ana', locked: { by: 'admin', reason: 'phishing report' } });
    for (const from of ['127.0.0.3', '127.0.0.4']) expect((await login(from, 'ana', PASSWORD)).body).toMatchObject({ status: 403, code: 'CW_AUTH_LOCKED' });
    expect((await as(`/api/v1/users/${ana.id}/unlock`, 'POST')).body.locked).toBeUndefined();
    expect((await login('127.0.0.4', 'ana', PASSWORD)).status).toBe(200);
    // A lock needs no reason (a bare POST); an unknown user is a 404.
    expect((await as(`/api/v1/users/${ana.id}/lock`, 'POST')).body).toMatchObject({ locked: { by: 'admin' } });
    expect((await as(`/api/v1/users/${ana.id}/unlock`, 'POST')).status).toBe(200);
    expect((await as('/api/v1/users/nobody/lock', 'POST')).body).toMatchObject({ status: 404, code: 'CW_AUTH_NOT_FOUND' });
    const trail = (await as('/api/v1/audit?action=user&target=ana&limit=5')).body.records.map((r: { action: string; actor: string; address: string }) => [r.action, r.actor, r.address]);
    expect(trail.slice(2, 4)).toEqual([['user.unlock', 'admin', '127.0.0.1'], ['user.lock', 'admin', '127.0.0.1']]);
  });
});

describe('invalid API tokens', () => {
  it('pause the presenting address, not the token elsewhere', async () => {
    const token = await apiToken(hub, 'viewer', 'reader');
    const get = (from: string, secret: string) => callFrom(from, url, '/api/v1/me', 'GET', { headers: { authorization: `Bearer ${secret}` } });
    for (let i = 0; i < 3; i++) expect((await get('127.0.0.5', `cwt_guess${i}`)).status).toBe(401);
    const paused = await get('127.0.0.5', token);
    expect(paused.body).toMatchObject({ status: 429, code: 'CW_AUTH_THROTTLED' });
    expect(Number(paused.headers['retry-after'])).toBe(60);
    expect((await get('127.0.0.1', token)).status).toBe(200);
  });
});

describe('the audit log, rewritten without the audit key', () => {
  const verify = async () => {
    let out = '';
    const io = { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (out += t) }, env: {}, readSecret: async () => undefined };
    return { code: await runAuditVerify({ dataDir, checkpointDir }, io), out };
  };

  it('is found: records cut from the end through the exported checkpoint, an edit through its MAC', async () => {
    await hub.stop(); // the last checkpoint is exported as the hub stops
    stopped = true;
    const intact = await verify();
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/^The audit log is intact: (\d+) records, keyed from record 1, last record \1\.\nIt holds every record up to the checkpoint exported at .* \(record \1\)/);
    const count = Number(/intact: (\d+) records/.exec(intact.out)![1]);

    const db = SqliteDb.open(join(dataDir, STATE_FILE));
    db.prepare('DELETE FROM audit WHERE seq > ?').run(count - 3);
    recomputeOldChain(db);
    const cut = await verify();
    expect(cut.code).toBe(1);
    expect(cut.out).toContain(`record ${count - 2}: records ${count - 2} to ${count} were cut from the end: the checkpoint exported at`);

    db.prepare("UPDATE audit SET outcome = 'success', detail = NULL WHERE seq = 3").run();
    recomputeOldChain(db);
    db.close();
    const edited = await verify();
    expect(edited.code).toBe(1);
    expect(edited.out).toContain('record 3: its MAC does not match (the record was edited, or the chain rewritten, without the audit key)');
  });
});
