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

/** The Retry-After seconds of a CW_AUTH_THROTTLED refusal (fails the test on anything else). */
async function retryAfterOf(p: Promise<unknown> | (() => unknown)): Promise<number> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof CausewayError && e.code === 'CW_AUTH_THROTTLED') return e.retryAfterSeconds!;
    throw e;
  }
  throw new Error('expected CW_AUTH_THROTTLED');
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

  it('pauses a user name from the failing address only, with growing pauses, known or not', async () => {
    t = tempSecurity({ login: { maxFailures: 3, firstPause: '30s', lockout: '15m' } });
    await t.security.users.create({ username: 'ana', password: PASSWORD, grants: [{ role: 'viewer' }] });
    const A = { address: '10.0.0.66' };
    for (const name of ['ana', 'ghost']) {
      for (let i = 0; i < 3; i++) expect(await codeOf(t.security.identity.login(name, 'wrong password!', A))).toBe('CW_AUTH_LOGIN_FAILED');
      const pauses: number[] = [];
      for (let i = 0; i < 3; i++) pauses.push(await retryAfterOf(t.security.identity.login(name, PASSWORD, A)));
      // Each attempt while paused doubles the pause: 30 s after the third failure, then 60, 120, 240.
      expect(pauses).toEqual([60, 120, 240]);
    }
    // The owner, from another address, is not affected.
    expect((await t.security.identity.login('ana', PASSWORD, { address: '10.0.0.7' })).principal.user.username).toBe('ana');
    // The failing address waits its pause out, then the right password works and clears its count.
    t.clock.now += 240_000;
    expect((await t.security.identity.login('ana', PASSWORD, A)).principal.user.username).toBe('ana');
    expect(await codeOf(t.security.identity.login('ana', 'wrong password!', A))).toBe('CW_AUTH_LOGIN_FAILED');
    const trail = t.security.audit.query({ actor: 'ana', action: 'login', limit: 20 }).reverse();
    expect(trail.map((r) => [r.address, r.outcome, r.detail?.reason])).toEqual([
      ...Array(3).fill([A.address, 'failure', 'wrong password']), ...Array(3).fill([A.address, 'refused', 'throttled']),
      ['10.0.0.7', 'success', undefined], [A.address, 'success', undefined], [A.address, 'failure', 'wrong password'],
    ]);
  });

  it('caps the pause and forgets old failures', async () => {
    t = tempSecurity({ login: { maxFailures: 1, firstPause: '1m', lockout: '5m' } });
    for (let i = 0; i < 6; i++) await codeOf(t.security.identity.login('ana', 'x', { address: 'a' }));
    expect(await retryAfterOf(t.security.identity.login('ana', 'x', { address: 'a' }))).toBe(300);
    t.clock.now += 2 * 3_600_000;
    expect(t.security.logins.failures('ana\u0000a', t.clock.now)).toBe(0);
  });

  it("an admin's lock refuses the right password from every address until an admin unlocks it; both audited", async () => {
    t = tempSecurity();
    const root = await t.security.users.create({ username: 'root', password: PASSWORD, grants: [{ role: 'admin' }] });
    const ana = await t.security.users.create({ username: 'ana', password: PASSWORD, grants: [{ role: 'viewer' }] });
    const session = await t.security.identity.login('ana', PASSWORD, { address: '10.0.0.7' });
    const token = t.security.tokens.create(ana.id, { name: 'svc', scopes: ['read'] }, t.clock.now);
    const locked = t.security.accounts.lockUser({ name: 'root', address: '10.0.0.1' }, ana.id, 'phished');
    expect(locked.locked).toEqual({ at: t.clock.now, by: 'root', reason: 'phished' });
    expect(t.security.identity.fromSession(session.secret)).toBeUndefined();
    for (const address of ['10.0.0.7', '10.0.0.8']) expect(await codeOf(t.security.identity.login('ana', PASSWORD, { address }))).toBe('CW_AUTH_LOCKED');
    // Only the right password learns of the lock; a wrong one is an ordinary failure.
    expect(await codeOf(t.security.identity.login('ana', 'wrong password!', {}))).toBe('CW_AUTH_LOGIN_FAILED');
    expect(t.security.identity.fromToken(token.secret)?.user.username).toBe('ana');
    t.security.accounts.unlockUser({ name: 'root' }, ana.id);
    expect(t.security.users.get(ana.id)?.locked).toBeUndefined();
    expect((await t.security.identity.login('ana', PASSWORD, { address: '10.0.0.8' })).principal.user.username).toBe('ana');
    expect(t.security.audit.query({ action: 'user', limit: 5 }).map((r) => [r.actor, r.action, r.target, r.detail])).toEqual([
      ['root', 'user.unlock', 'ana', { lockedAt: locked.locked!.at, lockedBy: 'root' }],
      ['root', 'user.lock', 'ana', { reason: 'phished' }],
    ]);
    expect(await codeOf(() => t.security.accounts.lockUser({ name: 'root' }, root.id))).toBe('CW_AUTH_LAST_ADMIN');
  });

  it('pauses an address that presents invalid API tokens, and only that address', async () => {
    t = tempSecurity({ login: { maxFailures: 2, firstPause: '10s' } });
    const u = await t.security.users.create({ username: 'svc', password: PASSWORD, grants: [{ role: 'viewer' }] });
    const good = t.security.tokens.create(u.id, { name: 'erp', scopes: ['read'] }, t.clock.now);
    const bad = { address: '10.9.9.9' };
    expect(t.security.identity.fromToken('cwt_guess1', bad)).toBeUndefined();
    expect(t.security.identity.fromToken('cwt_guess2', bad)).toBeUndefined();
    expect(await retryAfterOf(() => t.security.identity.fromToken(good.secret, bad))).toBe(20);
    expect(t.security.identity.fromToken(good.secret, { address: '10.9.9.10' })?.actor).toBe('token:erp@svc');
    expect(t.security.audit.query({ action: 'token.throttled', limit: 5 }).map((r) => [r.address, r.outcome])).toEqual([[bad.address, 'refused']]);
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
