import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDb } from '../../state/sqlite.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Security } from '../../security/index.js';
import { decryptSecret, keyFileOf, loadKey } from '../../security/secrets.js';
import { STATE_FILE } from '../../security/store.js';
import { auditCommand } from './audit.js';
import { runSecretEncrypt } from './secret.js';
import { tokenCommand } from './token.js';
import { userCommand, type SecurityIo } from './user.js';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'causeway-cli-sec-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function io(env: Record<string, string> = {}, typed?: string): SecurityIo & { text(): string; errors(): string } {
  let out = '';
  let err = '';
  return { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) }, env, readSecret: async () => typed, text: () => out, errors: () => err };
}

async function run(make: (io: SecurityIo) => { exitOverride(): { parseAsync(a: string[], o: { from: 'user' }): Promise<unknown> } }, args: string[], sio = io()) {
  await make(sio).exitOverride().parseAsync([...args, '-d', dataDir], { from: 'user' });
  const code = process.exitCode;
  process.exitCode = undefined;
  return { code, out: sio.text(), err: sio.errors() };
}

function open(): Security {
  return Security.open({ dataDir, now: Date.now });
}

describe('causeway user / token / audit / secret', () => {
  it('adds the first admin from the environment, refuses a duplicate, resets with --reset', async () => {
    const first = await run(userCommand, ['add', '--role', 'admin', '--username', 'plantadmin'], io({ CAUSEWAY_USER_PASSWORD: 'first-admin-pass-1' }));
    expect(first).toMatchObject({ code: 0, out: 'Created user plantadmin with role admin.\n' });
    expect((await run(userCommand, ['add', '--role', 'admin', '--username', 'plantadmin'], io({ CAUSEWAY_USER_PASSWORD: 'x-long-password-2' }))).code).toBe(1);
    const reset = await run(userCommand, ['add', '--role', 'admin', '--username', 'plantadmin', '--reset'], io({}, 'typed-new-password-3'));
    expect(reset).toMatchObject({ code: 0, out: 'Updated user plantadmin with role admin.\n' });
    const s = open();
    await expect(s.identity.login('plantadmin', 'typed-new-password-3', {})).resolves.toBeDefined();
    expect(s.audit.query({ limit: 5 }).map((r) => [r.action, r.actor.startsWith('cli')])).toEqual([['login', false], ['user.update', true], ['user.create', true]]);
    s.close();
  });

  it('generates a password shown once, with zone-limited grants, and lists users', async () => {
    const r = await run(userCommand, ['add', '--role', 'operator', '-u', 'olga', '--zone', 'line1-ot', 'line2-ot']);
    expect(r.out).toMatch(/^Created user olga with role operator in zones line1-ot, line2-ot\.\nPassword \(shown once, store it safely\): [A-Za-z0-9_-]{24}\n$/);
    const password = r.out.split(': ').at(-1)!.trim();
    const s = open();
    expect((await s.identity.login('olga', password, {})).principal.user.grants).toEqual([{ role: 'operator', zones: ['line1-ot', 'line2-ot'] }]);
    s.close();
    expect((await run(userCommand, ['list'])).out).toContain('olga                     operator@line1-ot|line2-ot');
  });

  it('creates a scoped API token whose secret is printed once and works', async () => {
    await run(userCommand, ['add', '--role', 'admin', '-u', 'svc'], io({ CAUSEWAY_USER_PASSWORD: 'service-pass-word' }));
    const r = await run(tokenCommand, ['create', '--user', 'svc', '--name', 'erp', '--scope', 'read', '--days', '30']);
    expect(r.code).toBe(0);
    const secret = r.out.trim().split('\n').at(-1)!;
    const s = open();
    expect(s.identity.fromToken(secret)).toMatchObject({ actor: 'token:erp@svc', subject: { scopes: ['read'] } });
    s.close();
    expect((await run(tokenCommand, ['list'])).out).not.toContain(secret);
    expect((await run(tokenCommand, ['create', '--user', 'nobody', '--name', 'x'])).code).toBe(1);
  });

  it("locks and unlocks an account, audited as the command line's user", async () => {
    await run(userCommand, ['add', '--role', 'admin', '-u', 'a1'], io({ CAUSEWAY_USER_PASSWORD: 'first-admin-pass-1' }));
    await run(userCommand, ['add', '--role', 'viewer', '-u', 'v1'], io({ CAUSEWAY_USER_PASSWORD: 'viewer-pass-word-1' }));
    expect(await run(userCommand, ['lock', 'v1', '--reason', 'left the company'])).toMatchObject({ code: 0, out: expect.stringContaining('Locked v1') });
    expect((await run(userCommand, ['list'])).out).toMatch(/^v1 +locked by cli/m);
    const s = Security.open({ dataDir, now: Date.now });
    try {
      await expect(s.identity.login('v1', 'viewer-pass-word-1', { address: '10.0.0.1' })).rejects.toMatchObject({ code: 'CW_AUTH_LOCKED' });
    } finally {
      s.close();
    }
    expect(await run(userCommand, ['unlock', 'v1'])).toMatchObject({ code: 0, out: 'Unlocked v1.\n' });
    expect((await run(userCommand, ['lock', 'a1'])).err).toContain('CW_AUTH_LAST_ADMIN');
    expect((await run(userCommand, ['lock', 'nobody'])).code).toBe(1);
    const trail = (await run(auditCommand, ['list'])).out;
    expect(trail).toMatch(/cli\S* +- +user\.lock +success +v1 \{"reason":"left the company"\}/);
    expect(trail).toMatch(/cli\S* +- +user\.unlock +success +v1/);
  });

  it('verifies the audit chain and names the record an edit broke', async () => {
    await run(userCommand, ['add', '--role', 'admin', '-u', 'a1'], io({ CAUSEWAY_USER_PASSWORD: 'first-admin-pass-1' }));
    await run(userCommand, ['add', '--role', 'viewer', '-u', 'v1'], io({ CAUSEWAY_USER_PASSWORD: 'viewer-pass-word-1' }));
    const ok = await run(auditCommand, ['verify']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^The audit log is intact: 2 records, keyed from record 1, last record 2\.\n/);
    const db = SqliteDb.open(join(dataDir, STATE_FILE));
    db.prepare("UPDATE audit SET target = 'mallory' WHERE seq = 1").run();
    db.close();
    const bad = await run(auditCommand, ['verify']);
    expect(bad).toMatchObject({ code: 1, out: expect.stringMatching(/^The audit log was tampered with: record 1: its content does not match its hash \(the record was edited\)\. 0 records before it are intact\.\n/) });
  });

  it('encrypts a secret into an enc:v1 value only this data directory can read', async () => {
    const sio = io({}, 'broker-pass');
    expect(await runSecretEncrypt({ dataDir }, sio)).toBe(0);
    const value = sio.text().trim();
    expect(value).toMatch(/^enc:v1:/);
    expect(decryptSecret(value, loadKey(keyFileOf(dataDir), false))).toBe('broker-pass');
    expect(await runSecretEncrypt({ dataDir }, io(), async () => undefined)).toBe(1);
  });
});
