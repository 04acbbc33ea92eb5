import { afterEach, describe, expect, it } from 'vitest';
import { tempSecurity, type TempSecurity } from './__fixtures__/temp-security.js';

let t: TempSecurity;
afterEach(() => t?.cleanup());

describe('first run', () => {
  it('creates the admin from CAUSEWAY_ADMIN_PASSWORD, once', async () => {
    t = tempSecurity();
    expect(await t.security.firstRun({ CAUSEWAY_ADMIN_PASSWORD: 'plant-boss-2026!' })).toEqual({ state: 'admin-created', username: 'admin' });
    expect(await t.security.firstRun({ CAUSEWAY_ADMIN_PASSWORD: 'plant-boss-2026!' })).toEqual({ state: 'ready' });
    expect((await t.security.identity.login('admin', 'plant-boss-2026!', {})).principal.user.grants).toEqual([{ role: 'admin' }]);
    expect(t.security.audit.query({ action: 'user.create', limit: 5 })).toHaveLength(1);
  });

  it('prints a one-time setup token that creates the first admin and then closes', async () => {
    t = tempSecurity();
    const first = await t.security.firstRun({});
    if (first.state !== 'setup') throw new Error('expected a setup token');
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await expect(t.security.completeSetup('wrong-token', 'boss', 'a long passphrase')).rejects.toThrow('The setup token is not the one this hub printed');
    await t.security.completeSetup(first.token, 'boss', 'a long passphrase', '127.0.0.1');
    expect(t.security.users.hasAdmin()).toBe(true);
    await expect(t.security.completeSetup(first.token, 'eve', 'a long passphrase')).rejects.toThrow('The hub already has an admin');
    expect(t.security.audit.query({ limit: 5 }).map((r) => `${r.action}:${r.outcome}`)).toEqual(['user.create:success', 'setup:failure']);
  });

  it('lets a setup token expire', async () => {
    t = tempSecurity();
    const first = await t.security.firstRun({});
    t.clock.now += 24 * 3_600_000;
    await expect(t.security.completeSetup((first as { token: string }).token, 'boss', 'a long passphrase')).rejects.toThrow(/expired/);
  });

  it('makes the demo accounts with passwords shown once', async () => {
    t = tempSecurity();
    const made = await t.security.ensureDemoAccounts({ CAUSEWAY_ADMIN_PASSWORD: 'demo-secret-pass' });
    expect(made.map((a) => [a.username, a.role])).toEqual([['admin', 'admin'], ['operator', 'operator'], ['approver', 'ot-engineer'], ['auditor', 'auditor']]);
    expect(made[0]!.password).toBe('(from CAUSEWAY_ADMIN_PASSWORD)');
    const operator = made.find((a) => a.username === 'operator')!;
    expect((await t.security.identity.login('operator', operator.password, {})).principal.user.grants).toEqual([{ role: 'operator' }]);
    expect(await t.security.ensureDemoAccounts({})).toEqual([]);
  });
});
