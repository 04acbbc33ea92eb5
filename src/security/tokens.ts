/**
 * API tokens for machines: 32 random bytes shown once (`cwt_…`), kept as SHA-256 only, each with
 * scopes (the permissions it may use of its user's), an optional expiry and a last-use time.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Permission } from './rbac.js';
import { secretHash } from './sessions.js';
import type { Db } from './store.js';

export const TOKEN_PREFIX = 'cwt_';

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  scopes: Permission[];
  createdAt: number;
  expiresAt?: number;
  lastUsedAt?: number;
}

interface Row { id: string; user_id: string; name: string; scopes: string; created_at: number; expires_at: number | null; last_used_at: number | null }

function fromRow(r: Row): ApiToken {
  return {
    id: r.id, userId: r.user_id, name: r.name, scopes: JSON.parse(r.scopes) as Permission[], createdAt: r.created_at,
    ...(r.expires_at !== null ? { expiresAt: r.expires_at } : {}),
    ...(r.last_used_at !== null ? { lastUsedAt: r.last_used_at } : {}),
  };
}

/** How often last-used is written. */
const TOUCH_EVERY_MS = 60_000;

export class Tokens {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Make a token; the secret is returned once and kept nowhere. */
  create(userId: string, t: { name: string; scopes: Permission[]; expiresAt?: number }, now: number): { token: ApiToken; secret: string } {
    const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const id = randomUUID();
    this.#db
      .prepare('INSERT INTO tokens (id, secret_hash, user_id, name, scopes, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, secretHash(secret), userId, t.name, JSON.stringify([...new Set(t.scopes)]), now, t.expiresAt ?? null);
    return { token: this.get(id)!, secret };
  }

  /** The unexpired token a secret belongs to. */
  resolve(secret: string, now: number): ApiToken | undefined {
    if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
    const r = this.#db.prepare('SELECT * FROM tokens WHERE secret_hash = ?').get(secretHash(secret)) as Row | undefined;
    if (!r || (r.expires_at !== null && now >= r.expires_at)) return undefined;
    if (r.last_used_at === null || now - r.last_used_at >= TOUCH_EVERY_MS) this.#db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ?').run(now, r.id);
    return fromRow({ ...r, last_used_at: now });
  }

  get(id: string): ApiToken | undefined {
    const r = this.#db.prepare('SELECT * FROM tokens WHERE id = ?').get(id) as Row | undefined;
    return r ? fromRow(r) : undefined;
  }

  /** Tokens of one user, or of all. */
  list(userId?: string): ApiToken[] {
    const rows = userId === undefined
      ? this.#db.prepare('SELECT * FROM tokens ORDER BY created_at').all()
      : this.#db.prepare('SELECT * FROM tokens WHERE user_id = ? ORDER BY created_at').all(userId);
    return (rows as Row[]).map(fromRow);
  }

  /** Revoke (delete) a token; true when there was one. */
  revoke(id: string): boolean {
    return this.#db.prepare('DELETE FROM tokens WHERE id = ?').run(id).changes > 0;
  }
}
