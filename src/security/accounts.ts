/**
 * Changes to users, API tokens and sessions, each recorded in the audit log in the same
 * transaction as the change: when the log cannot record, the change does not happen.
 */
import { CausewayError } from '../core/errors.js';
import type { AuditLog } from './audit.js';
import { checkPassword } from './passwords.js';
import { permissionsOf, type Grant, type Permission } from './rbac.js';
import type { Session, Sessions } from './sessions.js';
import type { Db } from './store.js';
import type { ApiToken, Tokens } from './tokens.js';
import type { NewUser, User, Users } from './users.js';

/** Who makes a change, as the audit log records it. */
export interface Actor {
  name: string;
  address?: string;
}

export interface AccountParts {
  db: Db;
  users: Users;
  sessions: Sessions;
  tokens: Tokens;
  audit: AuditLog;
  now: () => number;
  /** The configured zones, to check grants against (undefined: any). */
  zones?: () => readonly string[];
}

/** Longest token lifetime, days. */
export const MAX_TOKEN_DAYS = 3650;

export class Accounts {
  readonly #p: AccountParts;

  constructor(parts: AccountParts) {
    this.#p = parts;
  }

  #log(by: Actor, action: string, target: string, detail?: Record<string, unknown>): void {
    this.#p.audit.append({ actor: by.name, ...(by.address ? { address: by.address } : {}), action, target, outcome: 'success', ...(detail ? { detail } : {}) });
  }

  #checkGrants(grants: readonly Grant[]): void {
    const known = this.#p.zones?.();
    if (!known) return;
    for (const z of grants.flatMap((g) => g.zones ?? [])) {
      if (!known.includes(z)) throw new CausewayError('CW_AUTH_UNKNOWN_ZONE', { zone: z, known: known.join(', ') });
    }
  }

  async createUser(by: Actor, u: NewUser): Promise<User> {
    this.#checkGrants(u.grants);
    return this.#p.users.create(u, (user) => this.#log(by, 'user.create', user.username, { grants: user.grants }));
  }

  /** Change a user; sessions end when the password changes or the user is disabled. */
  async updateUser(by: Actor, id: string, change: { grants?: Grant[]; disabled?: boolean; password?: string }): Promise<User> {
    if (change.grants) this.#checkGrants(change.grants);
    return this.#p.users.update(id, change, (before, after) => {
      this.#log(by, 'user.update', after.username, {
        ...(change.grants ? { grantsBefore: before.grants, grants: after.grants } : {}),
        ...(change.disabled !== undefined ? { disabled: after.disabled } : {}),
        ...(change.password !== undefined ? { password: 'changed' } : {}),
      });
      if (change.password !== undefined || after.disabled) this.#p.sessions.revokeAllOf(id);
    });
  }

  /** Change one's own password, knowing the current one; every session of the user ends. */
  async changePassword(by: Actor, user: User, current: string, next: string): Promise<User> {
    const stored = this.#p.users.passwordHashOf(user.username);
    if (!(await checkPassword(current, stored?.hash))) {
      this.#p.audit.append({ actor: by.name, ...(by.address ? { address: by.address } : {}), action: 'user.password', target: user.username, outcome: 'failure', detail: { reason: 'wrong current password' } });
      throw new CausewayError('CW_AUTH_LOGIN_FAILED', {});
    }
    return this.updateUser(by, user.id, { password: next });
  }

  /**
   * An admin's lock: nobody signs in as the user, from any address, until an admin unlocks it; its
   * sessions end (its API tokens keep working: revoke them, or disable the user, to stop those).
   */
  lockUser(by: Actor, id: string, reason?: string): User {
    return this.#p.users.setLock(id, { at: this.#p.now(), by: by.name, ...(reason ? { reason } : {}) }, (user) => {
      this.#log(by, 'user.lock', user.username, reason ? { reason } : undefined);
      this.#p.sessions.revokeAllOf(id);
    });
  }

  /** Lift an admin's lock. */
  unlockUser(by: Actor, id: string): User {
    const before = this.#p.users.get(id);
    return this.#p.users.setLock(id, undefined, (user) => this.#log(by, 'user.unlock', user.username, before?.locked ? { lockedAt: before.locked.at, lockedBy: before.locked.by } : { wasLocked: false }));
  }

  removeUser(by: Actor, id: string): User {
    return this.#p.users.remove(id, (user) => this.#log(by, 'user.delete', user.username));
  }

  /** Make an API token for `owner`; its scopes must be permissions the owner holds. The secret is returned once. */
  createToken(by: Actor, owner: User, t: { name: string; scopes?: Permission[]; expiresInDays?: number }): { token: ApiToken; secret: string } {
    const held = permissionsOf({ grants: owner.grants });
    const scopes = t.scopes ?? held;
    const extra = scopes.filter((s) => !held.includes(s));
    if (extra.length > 0) throw new CausewayError('CW_AUTH_FORBIDDEN', { permission: extra.join(', '), action: `give a token scopes ${owner.username} does not hold` });
    if (scopes.length === 0) throw new CausewayError('CW_API_BAD_REQUEST', { problem: 'a token needs at least one scope' });
    const now = this.#p.now();
    const days = Math.min(t.expiresInDays ?? 90, MAX_TOKEN_DAYS);
    return this.#p.db.transaction(() => {
      const made = this.#p.tokens.create(owner.id, { name: t.name, scopes, expiresAt: now + days * 86_400_000 }, now);
      this.#log(by, 'token.create', made.token.id, { name: t.name, owner: owner.username, scopes, expiresAt: made.token.expiresAt });
      return made;
    })();
  }

  revokeToken(by: Actor, token: ApiToken, owner: string): void {
    this.#p.db.transaction(() => {
      this.#p.tokens.revoke(token.id);
      this.#log(by, 'token.revoke', token.id, { name: token.name, owner });
    })();
  }

  revokeSession(by: Actor, session: Session, owner: string): void {
    this.#p.db.transaction(() => {
      this.#p.sessions.revoke(session.id);
      this.#log(by, 'session.revoke', session.id, { owner });
    })();
  }
}
