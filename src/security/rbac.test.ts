import { describe, expect, it } from 'vitest';
import { can, canNavigate, canSomewhere, permissionsOf, ROLES, type Grant, type Permission, type Role, type Subject } from './rbac.js';

const site = (role: Role): Subject => ({ grants: [{ role }] });

describe('roles carry their permissions, site-wide', () => {
  const table: Array<[Role, Permission[]]> = [
    ['viewer', ['read']],
    ['operator', ['read', 'write']],
    ['ot-engineer', ['read', 'write', 'configure', 'approve']],
    ['it-engineer', ['read', 'configure']],
    ['auditor', ['read', 'audit']],
    ['admin', ['read', 'write', 'configure', 'approve', 'audit', 'admin']],
  ];
  it('lists every role', () => expect(table.map(([r]) => r)).toEqual([...ROLES]));
  it.each(table)('%s holds exactly %j', (role, perms) => {
    expect(permissionsOf(site(role))).toEqual(perms);
    for (const p of ['read', 'write', 'configure', 'approve', 'audit', 'admin'] as const) {
      expect(can(site(role), p, { zone: 'line1', path: 'acme/x' })).toBe(perms.includes(p));
    }
  });
});

describe('grants limited to zones and subtrees', () => {
  const line1Op: Subject = { grants: [{ role: 'operator', zones: ['line1-ot'] }, { role: 'viewer' }] };
  const fillerEng: Subject = { grants: [{ role: 'ot-engineer', paths: ['acme/spr/line1/filler'] }] };
  const cases: Array<[string, Subject, Permission, { zone?: string; path?: string }, boolean]> = [
    ['zone operator writes in its zone', line1Op, 'write', { zone: 'line1-ot', path: 'acme/a' }, true],
    ['zone operator cannot write in another zone', line1Op, 'write', { zone: 'line2-ot', path: 'acme/a' }, false],
    ['zone grant needs a zone to match', line1Op, 'write', { path: 'acme/a' }, false],
    ['its site-wide viewer grant reads anywhere', line1Op, 'read', { zone: 'line2-ot' }, true],
    ['subtree engineer approves below its path', fillerEng, 'approve', { zone: 'z', path: 'acme/spr/line1/filler/speed_sp' }, true],
    ['subtree engineer approves at its path', fillerEng, 'approve', { path: 'acme/spr/line1/filler' }, true],
    ['subtree is by segment, not by text prefix', fillerEng, 'approve', { path: 'acme/spr/line1/filler2/x' }, false],
    ['subtree engineer cannot approve elsewhere', fillerEng, 'approve', { path: 'acme/spr/line2/filler/x' }, false],
    ['a limited grant never carries admin', { grants: [{ role: 'admin', zones: ['z'] }] }, 'admin', { zone: 'z' }, false],
    ['a limited grant never carries audit', { grants: [{ role: 'auditor', paths: ['acme'] }] }, 'audit', { path: 'acme' }, false],
    ['a limited admin still writes in its zone', { grants: [{ role: 'admin', zones: ['z'] }] }, 'write', { zone: 'z' }, true],
    ['no grants, nothing', { grants: [] }, 'read', {}, false],
    ['an unknown role carries nothing', { grants: [{ role: 'root' as Role }] }, 'read', {}, false],
  ];
  it.each(cases)('%s', (_name, s, p, t, expected) => expect(can(s, p, t)).toBe(expected));

  it('route-level checks ignore the limits, target checks do not', () => {
    expect(canSomewhere(line1Op, 'write')).toBe(true);
    expect(canSomewhere(line1Op, 'approve')).toBe(false);
    expect(canSomewhere({ grants: [{ role: 'admin', zones: ['z'] }] }, 'admin')).toBe(false);
  });

  it('lets a subtree user navigate down to its subtree, not into others', () => {
    expect(canNavigate(fillerEng, 'read', '')).toBe(true);
    expect(canNavigate(fillerEng, 'read', 'acme/spr')).toBe(true);
    expect(canNavigate(fillerEng, 'read', 'acme/spr/line1/filler/speed')).toBe(true);
    expect(canNavigate(fillerEng, 'read', 'acme/spr/line2')).toBe(false);
  });
});

describe('token scopes narrow the user', () => {
  const admin: Grant[] = [{ role: 'admin' }];
  it('a read-scoped token of an admin only reads', () => {
    const token: Subject = { grants: admin, scopes: ['read'] };
    expect(can(token, 'read')).toBe(true);
    expect(can(token, 'write', { zone: 'z' })).toBe(false);
    expect(canSomewhere(token, 'admin')).toBe(false);
    expect(permissionsOf(token)).toEqual(['read']);
  });
  it('a scope never adds what the user lacks', () => {
    expect(can({ grants: [{ role: 'viewer' }], scopes: ['read', 'write'] }, 'write', { zone: 'z' })).toBe(false);
  });
});
