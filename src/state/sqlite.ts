/**
 * The hub state's SQLite connection (users, sessions, tokens, audit, work orders): one small API
 * over two drivers. Node's built-in `node:sqlite` where the runtime has it (22.13 and newer), and
 * better-sqlite3 12 on Node 20, which has no built-in driver. better-sqlite3 12 must not run on
 * Node 24: its statements are `node::ObjectWrap`s, and Node 24.19+ aborts the whole process
 * ("Assertion failed: (env) != nullptr" in RemoveEnvironmentCleanupHook) when the garbage
 * collector finalizes one outside a JavaScript context; better-sqlite3 13, which fixed that,
 * no longer runs on Node 20. See the README's design notes.
 *
 * Statements are prepared once per SQL text and kept; transactions nest through savepoints, as
 * better-sqlite3's do.
 */
import { createRequire } from 'node:module';

export type SqlValue = null | number | bigint | string | Uint8Array;

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

/** A prepared statement; positional `?` or named `@name` parameters (pass an object). */
export interface SqlStatement {
  run(...params: unknown[]): RunResult;
  /** The first row (an object by column name), or undefined. */
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
}

/** `fn` wrapped in a transaction: call it for BEGIN (DEFERRED), or `.immediate(...)` to take the write lock first. */
export interface Transaction<A extends unknown[], R> {
  (...args: A): R;
  immediate(...args: A): R;
}

export type SqliteDriver = 'node:sqlite' | 'better-sqlite3';

/** What both drivers' connections offer and this module uses. */
interface RawDb {
  prepare(sql: string): SqlStatement;
  exec(sql: string): void;
  close(): void;
}

interface NodeSqlite {
  DatabaseSync: new (file: string) => RawDb;
}

type BetterSqlite3 = new (file: string) => RawDb;

const require = createRequire(import.meta.url);

function builtinDriver(): NodeSqlite | undefined {
  // Node 22 marks node:sqlite experimental and says so on stderr at load; the hub chose it knowingly.
  const emit = process.emitWarning;
  process.emitWarning = function quietSqlite(this: unknown, warning: string | Error, ...rest: unknown[]) {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/SQLite is an experimental feature/.test(text)) return;
    return (emit as (...a: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
  // Node 22.5–22.12 ship node:sqlite behind a flag, older versions not at all: both throw here.
  try {
    return require('node:sqlite') as NodeSqlite;
  } catch {
    return undefined;
  } finally {
    process.emitWarning = emit;
  }
}

let chosen: { driver: SqliteDriver; open: (file: string) => RawDb } | undefined;

function driver(): { driver: SqliteDriver; open: (file: string) => RawDb } {
  if (chosen) return chosen;
  const builtin = builtinDriver();
  if (builtin) {
    chosen = { driver: 'node:sqlite', open: (file) => new builtin.DatabaseSync(file) };
  } else {
    const Better = require('better-sqlite3') as BetterSqlite3;
    chosen = { driver: 'better-sqlite3', open: (file) => new Better(file) };
  }
  return chosen;
}

/** The driver this runtime uses. */
export function sqliteDriver(): SqliteDriver {
  return driver().driver;
}

/** The statement cache holds at most this many statements; past that it starts over. */
const MAX_CACHED = 256;

export class SqliteDb {
  readonly name: string;
  readonly driver: SqliteDriver;
  readonly #raw: RawDb;
  readonly #statements = new Map<string, SqlStatement>();
  #depth = 0;
  #open = true;

  private constructor(name: string, raw: RawDb, which: SqliteDriver) {
    this.name = name;
    this.#raw = raw;
    this.driver = which;
  }

  /** Open (creating if needed) the database file, or `:memory:`. */
  static open(file: string): SqliteDb {
    const d = driver();
    return new SqliteDb(file, d.open(file), d.driver);
  }

  get open(): boolean {
    return this.#open;
  }

  get inTransaction(): boolean {
    return this.#depth > 0;
  }

  /** The prepared statement for `sql`, prepared on first use. */
  prepare(sql: string): SqlStatement {
    let s = this.#statements.get(sql);
    if (!s) {
      if (this.#statements.size >= MAX_CACHED) this.#statements.clear();
      s = this.#raw.prepare(sql);
      this.#statements.set(sql, s);
    }
    return s;
  }

  exec(sql: string): void {
    this.#raw.exec(sql);
  }

  /** Run a PRAGMA; `simple` returns the first column of the first row. */
  pragma(text: string, options?: { simple: true }): unknown {
    const statement = this.#raw.prepare(`PRAGMA ${text}`);
    // better-sqlite3 refuses all() on a statement that returns nothing (e.g. `foreign_keys = ON`).
    if ((statement as { reader?: boolean }).reader === false) {
      statement.run();
      return options?.simple ? undefined : [];
    }
    const rows = statement.all();
    if (!options?.simple) return rows;
    const first = rows[0];
    return first === undefined ? undefined : Object.values(first as Record<string, unknown>)[0];
  }

  /** Wrap `fn` in a transaction; inside another transaction it becomes a savepoint. `fn` must be synchronous. */
  transaction<A extends unknown[], R>(fn: (...args: A) => R): Transaction<A, R> {
    const run = (begin: string, args: A): R => this.#inTransaction(begin, () => fn(...args));
    const tx = ((...args: A) => run('BEGIN', args)) as Transaction<A, R>;
    tx.immediate = (...args: A) => run('BEGIN IMMEDIATE', args);
    return tx;
  }

  close(): void {
    if (!this.#open) return;
    this.#statements.clear();
    this.#raw.close();
    this.#open = false;
  }

  #inTransaction<R>(begin: string, fn: () => R): R {
    const savepoint = this.#depth > 0 ? `cw_tx_${this.#depth}` : undefined;
    this.#raw.exec(savepoint ? `SAVEPOINT ${savepoint}` : begin);
    this.#depth++;
    let result: R;
    try {
      result = fn();
      if (isPromiseLike(result)) throw new TypeError('a transaction function must not be async: it would commit before its work is done');
    } catch (e) {
      this.#depth--;
      this.#raw.exec(savepoint ? `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}` : 'ROLLBACK');
      throw e;
    }
    this.#depth--;
    this.#raw.exec(savepoint ? `RELEASE ${savepoint}` : 'COMMIT');
    return result;
  }
}

function isPromiseLike(v: unknown): boolean {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

export interface OpenStateOptions {
  /** PRAGMA statements run after opening, e.g. `journal_mode = WAL`. */
  pragmas?: readonly string[];
  /** Schema migrations: entry i brings `user_version` i to i + 1, each in its own transaction. */
  migrations?: readonly string[];
}

/** Open a state database, apply its pragmas and bring its schema up to date. Closes it again when that fails. */
export function openStateDatabase(file: string, o: OpenStateOptions = {}): SqliteDb {
  const db = SqliteDb.open(file);
  try {
    for (const p of o.pragmas ?? []) db.pragma(p);
    if (o.migrations) migrate(db, o.migrations);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

function migrate(db: SqliteDb, migrations: readonly string[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`its schema version ${current} is newer than this hub knows (${migrations.length}); run the newer hub`);
  }
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
