import { afterEach, describe, expect, it } from 'vitest';
import { CausewayError } from '../core/errors.js';
import { tempSecurity, type TempSecurity } from './__fixtures__/temp-security.js';

let t: TempSecurity;
afterEach(() => t?.cleanup());

const PASSWORD = 'correct horse battery';

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string | undefined> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return e instanceof CausewayError ? e.code : String(e);
  }
  return undefined;
}

describe('users', () => {
  it('stores only a scrypt hash and refuses weak passwords and duplicates', async () => {
    t = tempSecurity();
    const u = await t.security.users.create({ username: 'ana', password: PASSWORD, grants: [{ role: 'operator', zones: ['line1'] }] });
    expect(u).toMatchObject({ username: 'ana', grants: [{ role: 'operator', zones: ['line1'] }], disabled: false });
    const row = t.security.db.prepare('SELECT password_hash FROM users').get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
    expect(await codeOf(t.security.users.create({ username: 'ANA', password: PASSWORD, grants: [] }))).toBe('CW_AUTH_USER_EXISTS');
    expect(await codeOf(t.security.users.create({ username: 'bo', password: 'short', grants: [] }))).toBe('CW_AUTH_PASSWORD_WEAK');
    expect(await codeOf(t.security.users.create({ username: 'bob', password: 'bob-is-my-password', grants: [] }))).toBe('CW_AUTH_PASSWORD_WEAK');
    expect(await codeOf(t.security.users.create({ username: 'a b', password: PASSWORD, grants: [] }))).toBe('CW_API_BAD_REQUEST');
  });

  it('keeps one site-wide admin', async () => {
    t = tempSecurity();
    const admin = await t.security.users.create({ username: 'root', password: PASSWORD, grants: [{ role: 'admin' }] });
    expect(t.security.users.hasAdmin()).toBe(true);
    expect(await codeOf(t.security.users.update(admin.id, { disabled: true }))).toBe('CW_AUTH_LAST_ADMIN');
    expect(await codeOf(t.security.users.update(admin.id, { grants: [{ role: 'admin', zones: ['z'] }] }))).toBe('CW_AUTH_LAST_ADMIN');
    expect(await codeOf(() => t.security.users.remove(admin.id))).toBe('CW_AUTH_LAST_ADMIN');
    const second = await t.security.users.create({ username: 'root2', password: PASSWORD, grants: [{ role: 'admin' }] });
    t.security.users.remove(admin.id);
    expect(t.security.users.list().map((u) => u.id)).toEqual([second.id]);
  });
});

describe('sign-in and sessions', () => {
  it('signs in with a new session each time, never reusing one', async () => {
    t = tempSecurity();
    await t.security.users.create({ username: 'ana', password: PASSWORD, grants: [{ role: 'viewer' }] });
    const a = await t.security.identity.login('ana', PASSWORD, { address: '10.1.1.1', userAgent: 'test' });
    const b = await t.security.identity.login('ana', PASSWORD, {});
    expect(a.secret).not.toBe(b.secret);
    expect(a.principal.session!.id).not.toBe(b.principal.session!.id);
    expect(t.security.identity.fromSession(a.secret)?.user.username).toBe('ana');
    const stored = JSON.stringify(t.security.db.prepare('SELECT * FROM sessions').all());
    expect(stored).not.toContain(a.secret);
    expect(t.security.audit.query({ action: 'login', limit: 5 }).map((r) => [r.actor, r.outcome])).toEqual([['ana', 'success'], ['ana', 'success']]);
  });

  it('ends a session after the idle timeout and after its maximum age', async () => {
    t = tempSecurity({ sessions: { idleTimeout: '10m', maxAge: '1h' } });
    await t.security.users.create({ username: 'ana', password: PASSWORD, grants: [{ role: 'viewer' }] });
    const idle = await t.security.identity.login('ana', PASSWORD, {});
    t.clock.now += 10 * 60_000;
    expect(t.security.identity.fromSession(idle.secret)).toBeUndefined();
    const busy = await t.security.identity.login('ana', PASSWORD, {});
    for (let i = 0; i < 6; i++) {
      t.clock.now += 9 * 60_000;
      expect(t.security.identity.fromSession(busy.secret)).toBeDefined();
    }
    t.clock.now += 9 * 60_000;
    expect(t.security.identity.fromSession(busy.secret)).toBeUndefined();
  });

  it('locks a user name after repeated failures, known or not, and unlocks it later', async () => {
    t = tempSecurity({ login: { maxFailures: 3, lockout: '15m' } });
    await t.security.users.create({ username: 'ana', password: PASSWORD, grants: [{ role: 'viewer' }] });
    for (const name of ['ana', 'ghost']) {
      for (let i = 0; i < 3; i++) expect(await codeOf(t.security.identity.login(name, 'wrong password!', {}))).toBe('CW_AUTH_LOGIN_FAILED');
      expect(await codeOf(t.security.identity.login(name, PASSWORD, {}))).toBe('CW_AUTH_LOCKED');
    }
    t.clock.now += 15 * 60_000;
    expect((await t.security.identity.login('ana', PASSWORD, {})).principal.user.username).toBe('ana');
    const outcomes = t.security.audit.query({ actor: 'ana', limit: 10 }).map((r) => r.outcome);
    expect(outcomes).toEqual(['success', 'refused', 'failure', 'failure', 'failure']);
  });

  it('refuses a disabled user and drops its sessions', async () => {
    t = tempSecurity();
    await t.security.users.create({ username: 'root', password: PASSWORD, grants: [{ role: 'admin' }] });
    const ana = await t.security.users.create({ username: 'ana', password: PASSWORD, grants: [{ role: 'viewer' }] });
    const s = await t.security.identity.login('ana', PASSWORD, {});
    await t.security.users.update(ana.id, { disabled: true });
    expect(t.security.identity.fromSession(s.secret)).toBeUndefined();
    expect(await codeOf(t.security.identity.login('ana', PASSWORD, {}))).toBe('CW_AUTH_LOGIN_FAILED');
  });

  it('refuses to sign in when the audit log cannot record it', async () => {
    t = tempSecurity();
    await t.security.users.create({ username: 'ana', password: PASSWORD, grants: [{ role: 'viewer' }] });
    t.security.db.exec("CREATE TRIGGER full BEFORE INSERT ON audit BEGIN SELECT RAISE(FAIL, 'disk full'); END");
    expect(await codeOf(t.security.identity.login('ana', PASSWORD, {}))).toBe('CW_AUDIT_WRITE_FAILED');
    expect(t.security.sessions.list(t.clock.now)).toEqual([]);
  });
});

describe('API tokens', () => {
  it('are shown once, kept hashed, scoped, expiring and revocable', async () => {
    t = tempSecurity();
    const u = await t.security.users.create({ username: 'svc', password: PASSWORD, grants: [{ role: 'admin' }] });
    const { token, secret } = t.security.tokens.create(u.id, { name: 'erp', scopes: ['read'], expiresAt: t.clock.now + 60_000 }, t.clock.now);
    expect(secret).toMatch(/^cwt_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(t.security.db.prepare('SELECT * FROM tokens').all())).not.toContain(secret.slice(4));
    const p = t.security.identity.fromToken(secret)!;
    expect(p).toMatchObject({ via: 'token', actor: 'token:erp@svc', subject: { scopes: ['read'] } });
    expect(t.security.identity.fromToken(`${secret}x`)).toBeUndefined();
    expect(t.security.identity.fromToken('Bearer nonsense')).toBeUndefined();
    t.clock.now += 60_000;
    expect(t.security.identity.fromToken(secret)).toBeUndefined();
    const other = t.security.tokens.create(u.id, { name: 'mes', scopes: ['read', 'write'] }, t.clock.now);
    expect(t.security.identity.fromToken(other.secret)).toBeDefined();
    expect(t.security.tokens.revoke(other.token.id)).toBe(true);
    expect(t.security.identity.fromToken(other.secret)).toBeUndefined();
    expect(t.security.tokens.list(u.id).map((x) => x.id)).toEqual([token.id]);
  });
});
