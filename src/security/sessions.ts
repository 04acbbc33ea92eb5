/**
 * Browser sessions. The cookie carries a random 32-byte secret; the store keeps only its SHA-256,
 * so a copy of the database does not let anyone in. Each session has its own public id (for listing
 * and revoking), a CSRF token, an idle timeout and an absolute lifetime. A new session is made at
 * every sign-in, never reused (no session fixation).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from './store.js';

export interface Session {
  id: string;
  userId: string;
  csrf: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  address?: string;
  userAgent?: string;
}

export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, used or not. */
  maxAgeMs: number;
}

interface Row { id: string; user_id: string; csrf: string; created_at: number; last_seen_at: number; expires_at: number; address: string | null; user_agent: string | null }

/** How often last-seen is written (not on every request). */
const TOUCH_EVERY_MS = 15_000;

/** SHA-256 of a secret, hex: what the store keeps of session and token secrets. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function fromRow(r: Row): Session {
  return {
    id: r.id, userId: r.user_id, csrf: r.csrf, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at,
    ...(r.address !== null ? { address: r.address } : {}),
    ...(r.user_agent !== null ? { userAgent: r.user_agent } : {}),
  };
}

export class Sessions {
  readonly #db: Db;
  readonly #policy: SessionPolicy;

  constructor(db: Db, policy: SessionPolicy) {
    this.#db = db;
    this.#policy = policy;
  }

  get policy(): SessionPolicy {
    return this.#policy;
  }

  /** Start a session; the secret goes into the cookie and nowhere else. */
  create(userId: string, now: number, client: { address?: string; userAgent?: string } = {}): { session: Session; secret: string } {
    const secret = randomBytes(32).toString('base64url');
    const id = randomUUID();
    this.#db
      .prepare('INSERT INTO sessions (id, secret_hash, user_id, csrf, created_at, last_seen_at, expires_at, address, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, secretHash(secret), userId, randomBytes(32).toString('base64url'), now, now, now + this.#policy.maxAgeMs, client.address ?? null, client.userAgent?.slice(0, 256) ?? null);
    return { session: this.get(id)!, secret };
  }

  /** The live session a cookie secret belongs to; an idle or expired one is ended and not returned. */
  resolve(secret: string, now: number): Session | undefined {
    const r = this.#db.prepare('SELECT * FROM sessions WHERE secret_hash = ?').get(secretHash(secret)) as Row | undefined;
    if (!r) return undefined;
    if (now >= r.expires_at || now - r.last_seen_at >= this.#policy.idleMs) {
      this.revoke(r.id);
      return undefined;
    }
    if (now - r.last_seen_at >= TOUCH_EVERY_MS) this.#db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(now, r.id);
    return fromRow({ ...r, last_seen_at: Math.max(r.last_seen_at, now) });
  }

  get(id: string): Session | undefined {
    const r = this.#db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as Row | undefined;
    return r ? fromRow(r) : undefined;
  }

  /** Live sessions, of one user or of all. */
  list(now: number, userId?: string): Session[] {
    this.#db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?').run(now, now - this.#policy.idleMs);
    const rows = userId === undefined
      ? this.#db.prepare('SELECT * FROM sessions ORDER BY created_at').all()
      : this.#db.prepare('SELECT * FROM sessions WHERE user_id = ? ORDER BY created_at').all(userId);
    return (rows as Row[]).map(fromRow);
  }

  /** End a session; true when there was one. */
  revoke(id: string): boolean {
    return this.#db.prepare('DELETE FROM sessions WHERE id = ?').run(id).changes > 0;
  }

  /** End every session of a user (password change, disabling, removal); returns how many. */
  revokeAllOf(userId: string): number {
    return this.#db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId).changes;
  }
}
