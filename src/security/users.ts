/** Hub users: name, scrypt password hash, grants (role per zone / subtree), disabled flag, an admin's lock. */
import { randomUUID } from 'node:crypto';
import { CausewayError } from '../core/errors.js';
import { hashPassword, passwordProblem } from './passwords.js';
import type { Grant } from './rbac.js';
import type { Db } from './store.js';

export interface User {
  id: string;
  username: string;
  grants: Grant[];
  disabled: boolean;
  createdAt: number;
  updatedAt: number;
  /** The last successful sign-in, epoch ms; absent when the user never signed in. */
  lastLoginAt?: number;
  /** Set when an admin locked the account: nobody signs in as it until an admin unlocks it. */
  locked?: UserLock;
}

/** An admin's lock on an account. */
export interface UserLock {
  at: number;
  by: string;
  reason?: string;
}

interface Row {
  id: string; username: string; password_hash: string; grants: string; disabled: number; created_at: number; updated_at: number; last_login_at: number | null;
  locked_at: number | null; locked_by: string | null; lock_reason: string | null;
}

const USERNAME = /^[A-Za-z0-9._@-]{1,64}$/;

function fromRow(r: Row): User {
  return {
    id: r.id, username: r.username, grants: JSON.parse(r.grants) as Grant[], disabled: r.disabled === 1, createdAt: r.created_at, updatedAt: r.updated_at,
    ...(r.last_login_at !== null && r.last_login_at !== undefined ? { lastLoginAt: r.last_login_at } : {}),
    ...(r.locked_at !== null && r.locked_at !== undefined ? { locked: { at: r.locked_at, by: r.locked_by ?? '?', ...(r.lock_reason ? { reason: r.lock_reason } : {}) } } : {}),
  };
}

/** True when a grant gives the admin permission site-wide. */
export function isSiteAdmin(u: Pick<User, 'grants' | 'disabled'>): boolean {
  return !u.disabled && u.grants.some((g) => g.role === 'admin' && g.zones === undefined && g.paths === undefined);
}

export interface NewUser {
  username: string;
  password: string;
  grants: Grant[];
}

export class Users {
  readonly #db: Db;
  readonly #now: () => number;

  constructor(db: Db, now: () => number) {
    this.#db = db;
    this.#now = now;
  }

  /**
   * Create a user; throws CW_AUTH_USER_EXISTS, CW_AUTH_PASSWORD_WEAK or CW_API_BAD_REQUEST.
   * `record` runs in the same transaction (the audit entry): if it throws, the user is not made.
   */
  async create(u: NewUser, record?: (user: User) => void): Promise<User> {
    if (!USERNAME.test(u.username)) throw new CausewayError('CW_API_BAD_REQUEST', { problem: 'a user name has 1 to 64 letters, digits, ".", "_", "@" or "-"' });
    const weak = passwordProblem(u.password, u.username);
    if (weak) throw new CausewayError('CW_AUTH_PASSWORD_WEAK', { problem: weak });
    if (this.byName(u.username)) throw new CausewayError('CW_AUTH_USER_EXISTS', { username: u.username });
    const hash = await hashPassword(u.password);
    const now = this.#now();
    const id = randomUUID();
    try {
      return this.#db.transaction(() => {
        this.#db.prepare('INSERT INTO users (id, username, password_hash, grants, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)').run(id, u.username, hash, JSON.stringify(u.grants), now, now);
        const user = this.get(id)!;
        record?.(user);
        return user;
      })();
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new CausewayError('CW_AUTH_USER_EXISTS', { username: u.username });
      throw e;
    }
  }

  get(id: string): User | undefined {
    const r = this.#db.prepare('SELECT * FROM users WHERE id = ?').get(id) as Row | undefined;
    return r ? fromRow(r) : undefined;
  }

  byName(username: string): User | undefined {
    const r = this.#db.prepare('SELECT * FROM users WHERE username = ?').get(username) as Row | undefined;
    return r ? fromRow(r) : undefined;
  }

  /** The user an external identity (OpenID Connect issuer and subject) is linked to. */
  byExternalId(externalId: string): User | undefined {
    const r = this.#db.prepare('SELECT * FROM users WHERE external_id = ?').get(externalId) as Row | undefined;
    return r ? fromRow(r) : undefined;
  }

  /**
   * Create or refresh the user of an external identity: its grants come from the identity provider
   * at every sign-in. It has no usable password (it signs in only through the provider). A name
   * already taken by another account is refused, so an external identity never takes over a local user.
   */
  linkExternal(externalId: string, username: string, grants: Grant[], record: (user: User, created: boolean) => void): User {
    return this.#db.transaction(() => {
      const linked = this.byExternalId(externalId);
      const now = this.#now();
      if (linked) {
        this.#db.prepare('UPDATE users SET grants = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(grants), now, linked.id);
        const user = this.get(linked.id)!;
        record(user, false);
        return user;
      }
      if (!USERNAME.test(username)) throw new CausewayError('CW_API_BAD_REQUEST', { problem: `the identity provider's user name "${username.slice(0, 64)}" is not a valid user name` });
      if (this.byName(username)) throw new CausewayError('CW_AUTH_USER_EXISTS', { username });
      const id = randomUUID();
      this.#db.prepare('INSERT INTO users (id, username, password_hash, grants, disabled, created_at, updated_at, external_id) VALUES (?, ?, ?, ?, 0, ?, ?, ?)')
        .run(id, username, 'external', JSON.stringify(grants), now, now, externalId);
      const user = this.get(id)!;
      record(user, true);
      return user;
    })();
  }

  /** The stored hash of a user name, for the login check only. */
  passwordHashOf(username: string): { id: string; hash: string; disabled: boolean } | undefined {
    const r = this.#db.prepare('SELECT id, password_hash, disabled FROM users WHERE username = ?').get(username) as Pick<Row, 'id' | 'password_hash' | 'disabled'> | undefined;
    return r ? { id: r.id, hash: r.password_hash, disabled: r.disabled === 1 } : undefined;
  }

  /** Remember a successful sign-in (not a change of the account: updatedAt stays). */
  recordLogin(id: string, at: number): void {
    this.#db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(at, id);
  }

  list(): User[] {
    return (this.#db.prepare('SELECT * FROM users ORDER BY username').all() as Row[]).map(fromRow);
  }

  /** True when some enabled user is a site-wide admin. */
  hasAdmin(): boolean {
    return this.list().some(isSiteAdmin);
  }

  /** Change grants, disabled flag and/or password; refuses to leave the hub without a site-wide admin. `record` runs in the transaction. */
  async update(id: string, change: { grants?: Grant[]; disabled?: boolean; password?: string }, record?: (before: User, after: User) => void): Promise<User> {
    const user = this.get(id);
    if (!user) throw new CausewayError('CW_AUTH_NOT_FOUND', { what: 'user', id });
    const next = { ...user, ...(change.grants ? { grants: change.grants } : {}), ...(change.disabled !== undefined ? { disabled: change.disabled } : {}) };
    this.#keepAnAdmin(user, next);
    if (change.password !== undefined) {
      const weak = passwordProblem(change.password, user.username);
      if (weak) throw new CausewayError('CW_AUTH_PASSWORD_WEAK', { problem: weak });
    }
    const hash = change.password !== undefined ? await hashPassword(change.password) : undefined;
    return this.#db.transaction(() => {
      if (hash !== undefined) this.#db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, id);
      this.#db.prepare('UPDATE users SET grants = ?, disabled = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(next.grants), next.disabled ? 1 : 0, this.#now(), id);
      const after = this.get(id)!;
      record?.(user, after);
      return after;
    })();
  }

  /** Delete a user (its sessions and tokens go with it); `record` runs in the transaction. */
  remove(id: string, record?: (user: User) => void): User {
    const user = this.get(id);
    if (!user) throw new CausewayError('CW_AUTH_NOT_FOUND', { what: 'user', id });
    this.#keepAnAdmin(user, { ...user, disabled: true });
    return this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM users WHERE id = ?').run(id);
      record?.(user);
      return user;
    })();
  }

  /**
   * Lock (with `lock`) or unlock (undefined) an account; `record` runs in the transaction. The last
   * unlocked site-wide admin cannot be locked: somebody must be able to unlock the others.
   */
  setLock(id: string, lock: UserLock | undefined, record?: (user: User) => void): User {
    const user = this.get(id);
    if (!user) throw new CausewayError('CW_AUTH_NOT_FOUND', { what: 'user', id });
    if (lock && isSiteAdmin(user) && !this.list().some((u) => u.id !== id && isSiteAdmin(u) && !u.locked)) throw new CausewayError('CW_AUTH_LAST_ADMIN', { username: user.username });
    return this.#db.transaction(() => {
      this.#db.prepare('UPDATE users SET locked_at = ?, locked_by = ?, lock_reason = ? WHERE id = ?').run(lock?.at ?? null, lock?.by ?? null, lock?.reason ?? null, id);
      const after = this.get(id)!;
      record?.(after);
      return after;
    })();
  }

  #keepAnAdmin(before: User, after: Pick<User, 'grants' | 'disabled'>): void {
    if (!isSiteAdmin(before) || isSiteAdmin(after)) return;
    if (!this.list().some((u) => u.id !== before.id && isSiteAdmin(u))) throw new CausewayError('CW_AUTH_LAST_ADMIN', { username: before.username });
  }
}
