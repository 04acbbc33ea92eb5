/**
 * The first run, without default credentials: an admin from CAUSEWAY_ADMIN_PASSWORD (scripted
 * installs), or a one-time setup token printed at start and redeemed at POST /api/v1/setup, or
 * `causeway user add --role admin`. Until an admin exists the hub listens on loopback only.
 * Also the demo's accounts, each with a password shown once.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CausewayError } from '../core/errors.js';
import type { AuditLog } from './audit.js';
import { generatePassword } from './passwords.js';
import type { Role } from './rbac.js';
import { getSetting, setSetting, type Db } from './store.js';
import type { User, Users } from './users.js';

export const ADMIN_PASSWORD_ENV = 'CAUSEWAY_ADMIN_PASSWORD';
export const ADMIN_USER_ENV = 'CAUSEWAY_ADMIN_USER';
const SETUP_KEY = 'setup.token';
/** How long a printed setup token stays valid. */
export const SETUP_TOKEN_MS = 24 * 3_600_000;

export interface BootstrapParts {
  db: Db;
  users: Users;
  audit: AuditLog;
  now: () => number;
}

export type FirstRun =
  | { state: 'ready' }
  | { state: 'admin-created'; username: string }
  | { state: 'setup'; token: string; expiresAt: number };

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** Make sure an admin exists or can be made: from the environment, or with a fresh setup token. */
export async function firstRun(p: BootstrapParts, env: Record<string, string | undefined>): Promise<FirstRun> {
  if (p.users.hasAdmin()) {
    setSetting(p.db, SETUP_KEY, undefined);
    return { state: 'ready' };
  }
  const password = env[ADMIN_PASSWORD_ENV];
  if (password) {
    const username = env[ADMIN_USER_ENV] || 'admin';
    await createAdmin(p, username, password, 'system', { via: ADMIN_PASSWORD_ENV });
    return { state: 'admin-created', username };
  }
  const token = randomBytes(24).toString('base64url');
  const expiresAt = p.now() + SETUP_TOKEN_MS;
  setSetting(p.db, SETUP_KEY, `${sha256(token).toString('hex')}:${expiresAt}`);
  return { state: 'setup', token, expiresAt };
}

/** Redeem the setup token: create the first admin. Throws CW_AUTH_SETUP_CLOSED or CW_AUTH_SETUP_TOKEN. */
export async function completeSetup(p: BootstrapParts, token: string, username: string, password: string, address?: string): Promise<User> {
  if (p.users.hasAdmin()) throw new CausewayError('CW_AUTH_SETUP_CLOSED', {});
  const stored = getSetting(p.db, SETUP_KEY);
  const [hash, expires] = stored ? stored.split(':') : [];
  const known = hash !== undefined ? Buffer.from(hash, 'hex') : undefined;
  const valid = known?.length === 32 && timingSafeEqual(known, sha256(token)) && Number(expires) > p.now();
  if (!valid) {
    p.audit.append({ actor: username, ...(address ? { address } : {}), action: 'setup', outcome: 'failure', detail: { reason: 'bad or expired setup token' } });
    throw new CausewayError('CW_AUTH_SETUP_TOKEN', {});
  }
  const user = await createAdmin(p, username, password, username, { via: 'setup token', ...(address ? { address } : {}) });
  setSetting(p.db, SETUP_KEY, undefined);
  return user;
}

async function createAdmin(p: BootstrapParts, username: string, password: string, actor: string, detail: Record<string, unknown>): Promise<User> {
  const existing = p.users.byName(username);
  const record = (u: User) => p.audit.append({ actor, action: existing ? 'user.update' : 'user.create', target: username, outcome: 'success', detail: { grants: u.grants, ...detail } });
  return existing
    ? p.users.update(existing.id, { grants: [...existing.grants, { role: 'admin' }], disabled: false, password }, (_b, after) => record(after))
    : p.users.create({ username, password, grants: [{ role: 'admin' }] }, record);
}

/** The demo's accounts: an admin, an operator, an approver (ot-engineer) and an auditor. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; role: Role }> = [
  { username: 'admin', role: 'admin' },
  { username: 'operator', role: 'operator' },
  { username: 'approver', role: 'ot-engineer' },
  { username: 'auditor', role: 'auditor' },
];

/**
 * Create the demo accounts that do not exist yet. The admin's password is CAUSEWAY_ADMIN_PASSWORD
 * when set; every other password is generated. Returns the accounts made now, with their passwords,
 * to print once; accounts made on an earlier run are left alone.
 */
export async function ensureDemoAccounts(p: BootstrapParts, env: Record<string, string | undefined>): Promise<Array<{ username: string; role: Role; password: string }>> {
  const made: Array<{ username: string; role: Role; password: string }> = [];
  for (const a of DEMO_ACCOUNTS) {
    if (p.users.byName(a.username)) continue;
    const password = a.role === 'admin' && env[ADMIN_PASSWORD_ENV] ? env[ADMIN_PASSWORD_ENV] : generatePassword();
    await p.users.create({ username: a.username, password, grants: [{ role: a.role }] }, (u) => {
      p.audit.append({ actor: 'system', action: 'user.create', target: a.username, outcome: 'success', detail: { grants: u.grants, via: 'demo' } });
    });
    made.push({ ...a, password: a.role === 'admin' && env[ADMIN_PASSWORD_ENV] ? '(from CAUSEWAY_ADMIN_PASSWORD)' : password });
  }
  setSetting(p.db, SETUP_KEY, undefined);
  return made;
}
