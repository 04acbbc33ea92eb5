/**
 * Credentials for tests. Integration tests make a user and an API token straight in the hub's
 * store and send it as a bearer token; unit tests that build the API over fake services use a
 * security that lets every request in as a site-wide admin.
 */
import { randomBytes } from 'node:crypto';
import type { HubSecurity } from '../api/security-services.js';
import type { Grant, Principal, Role, Security } from '../security/index.js';
import { permissionsOf } from '../security/index.js';

/** A user with the given role (or grants) and an API token for it; returns the token's secret. */
export async function apiToken(hub: { security: Security }, role: Role | Grant[] = 'admin', name = 'test'): Promise<string> {
  const grants = typeof role === 'string' ? [{ role }] : role;
  const user = await hub.security.users.create({ username: `${name}-${randomBytes(4).toString('hex')}`, password: randomBytes(18).toString('base64url'), grants });
  return hub.security.tokens.create(user.id, { name, scopes: permissionsOf({ grants }) }, hub.security.now()).secret;
}

/** fetch that sends the token. */
export function authedFetch(token: string): typeof fetch {
  return (input, init = {}) => fetch(input, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } });
}

/** A fetch as a new admin of the hub (for tests that only need to get in). */
export async function adminFetch(hub: { security: Security }): Promise<typeof fetch> {
  return authedFetch(await apiToken(hub, 'admin'));
}

const TEST_PRINCIPAL: Principal = {
  user: { id: 'test-admin', username: 'test-admin', grants: [{ role: 'admin' }], disabled: false, createdAt: 0, updatedAt: 0 },
  via: 'token',
  subject: { grants: [{ role: 'admin' }] },
  actor: 'test-admin',
};

/** For unit tests over fake services: every request is a site-wide admin's (never use outside tests). */
export function allowAllSecurity(): HubSecurity {
  return {
    authenticate: () => TEST_PRINCIPAL,
    zoneOf: () => undefined,
    oidc: undefined,
    secureCookies: false,
    sessionMaxAgeMs: 3_600_000,
    loginPerMinute: 10,
    now: () => Date.now(),
    audit: { append: () => undefined, query: () => [], verify: () => ({ ok: true, count: 0 }), failure: undefined },
  } as unknown as HubSecurity;
}
