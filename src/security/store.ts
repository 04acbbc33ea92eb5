/**
 * Hub state in SQLite (`<data dir>/hub-state.sqlite`, WAL): users, sessions, API
 * tokens, the audit chain, pending writes and small settings. Migrations run in order at open, each
 * in a transaction, tracked by `PRAGMA user_version`.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CausewayError, detailOf } from '../core/errors.js';
import { openStateDatabase, type SqliteDb } from '../state/sqlite.js';

export type Db = SqliteDb;

export const STATE_FILE = 'hub-state.sqlite';

const PRAGMAS = ['journal_mode = WAL', 'foreign_keys = ON', 'busy_timeout = 5000', 'synchronous = FULL'];

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE users (
     id TEXT PRIMARY KEY,
     username TEXT NOT NULL UNIQUE COLLATE NOCASE,
     password_hash TEXT NOT NULL,
     grants TEXT NOT NULL,
     disabled INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE login_failures (
     username TEXT PRIMARY KEY COLLATE NOCASE,
     count INTEGER NOT NULL,
     last_at INTEGER NOT NULL,
     locked_until INTEGER
   );
   CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     secret_hash TEXT NOT NULL UNIQUE,
     user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     csrf TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     address TEXT,
     user_agent TEXT
   );
   CREATE TABLE tokens (
     id TEXT PRIMARY KEY,
     secret_hash TEXT NOT NULL UNIQUE,
     user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     name TEXT NOT NULL,
     scopes TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER,
     last_used_at INTEGER
   );
   CREATE TABLE audit (
     seq INTEGER PRIMARY KEY,
     ts INTEGER NOT NULL,
     actor TEXT NOT NULL,
     address TEXT,
     action TEXT NOT NULL,
     target TEXT,
     outcome TEXT NOT NULL,
     detail TEXT,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL
   );
   CREATE INDEX audit_ts ON audit(ts);
   CREATE TABLE pending_writes (
     id TEXT PRIMARY KEY,
     path TEXT NOT NULL,
     zone TEXT NOT NULL,
     value TEXT NOT NULL,
     reason TEXT,
     requester TEXT NOT NULL,
     requested_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     state TEXT NOT NULL,
     approver TEXT,
     decided_at INTEGER,
     outcome TEXT
   );
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // Users who sign in through OpenID Connect: <issuer> <subject>, unique.
  `ALTER TABLE users ADD COLUMN external_id TEXT;
   CREATE UNIQUE INDEX users_external_id ON users(external_id) WHERE external_id IS NOT NULL;`,
  // When each user last signed in (the console flags accounts unused for long); earlier sign-ins from the audit chain.
  `ALTER TABLE users ADD COLUMN last_login_at INTEGER;
   UPDATE users SET last_login_at = (SELECT MAX(ts) FROM audit WHERE audit.action = 'login' AND audit.outcome = 'success' AND audit.actor = users.username);`,
  // An admin's lock on an account; failed sign-ins are now throttled per user name and address, in memory.
  `ALTER TABLE users ADD COLUMN locked_at INTEGER;
   ALTER TABLE users ADD COLUMN locked_by TEXT;
   ALTER TABLE users ADD COLUMN lock_reason TEXT;
   DROP TABLE login_failures;`,
  // The keyed audit chain: each record from the anchor on carries an HMAC under a key kept outside this database.
  `ALTER TABLE audit ADD COLUMN mac TEXT;`,
];

/** Open (creating if needed) the hub state database and bring its schema up to date. */
export function openStateDb(dataDir: string, file = join(dataDir, STATE_FILE)): Db {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const db = openStateDatabase(file, { pragmas: PRAGMAS, migrations: MIGRATIONS });
    restrictMode(file);
    return db;
  } catch (e) {
    if (e instanceof CausewayError) throw e;
    throw new CausewayError('CW_SECURITY_STORE_FAILED', { file, reason: detailOf(e) ?? 'unknown error' }, { cause: e });
  }
}

/** Only the hub's own user reads password hashes and the audit chain. */
function restrictMode(file: string): void {
  try {
    chmodSync(file, 0o600);
  } catch {
    // Not every file system has modes (e.g. some mounted volumes); the data directory's own rights apply.
  }
}

/** A setting of the hub state, or undefined. */
export function getSetting(db: Db, key: string): string | undefined {
  return (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

/** Set (or with undefined, remove) a setting. */
export function setSetting(db: Db, key: string, value: string | undefined): void {
  if (value === undefined) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
