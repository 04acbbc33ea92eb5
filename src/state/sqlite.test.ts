import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStateDatabase, SqliteDb, sqliteDriver } from './sqlite.js';

const MIGRATIONS = ['CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)', 'ALTER TABLE t ADD COLUMN note TEXT'];

describe(`the state database (driver: ${sqliteDriver()})`, () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const file = () => {
    const d = mkdtempSync(join(tmpdir(), 'cw-sqlite-'));
    dirs.push(d);
    return join(d, 'state.sqlite');
  };

  it('picks the built-in driver where the runtime has one, better-sqlite3 only on older Node', () => {
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    const builtin = major > 22 || (major === 22 && minor >= 13);
    expect(sqliteDriver()).toBe(builtin ? 'node:sqlite' : 'better-sqlite3');
  });

  it('migrates once, in order, and keeps the schema version across opens', () => {
    const f = file();
    const db = openStateDatabase(f, { pragmas: ['journal_mode = WAL', 'foreign_keys = ON'], migrations: MIGRATIONS });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.prepare('INSERT INTO t (name, note) VALUES (?, ?)').run('a', 'x');
    db.close();
    expect(db.open).toBe(false);
    const again = openStateDatabase(f, { migrations: MIGRATIONS });
    expect(again.prepare('SELECT name, note FROM t').all()).toEqual([{ name: 'a', note: 'x' }].map((r) => expect.objectContaining(r)));
    again.close();
  });

  it('refuses a database whose schema is newer than the code', () => {
    const f = file();
    openStateDatabase(f, { migrations: MIGRATIONS }).close();
    expect(() => openStateDatabase(f, { migrations: MIGRATIONS.slice(0, 1) })).toThrow(/schema version 2 is newer than this hub knows \(1\)/);
  });

  it('binds positional and named parameters and reports changes and row ids', () => {
    const db = openStateDatabase(':memory:', { migrations: MIGRATIONS });
    const first = db.prepare('INSERT INTO t (name) VALUES (?)').run('a');
    expect(first).toMatchObject({ changes: 1 });
    expect(Number(first.lastInsertRowid)).toBe(1);
    db.prepare('INSERT INTO t (name, note) VALUES (@name, @note)').run({ name: 'b', note: null });
    expect(db.prepare('SELECT count(*) AS n FROM t WHERE note IS NULL').get()).toMatchObject({ n: 2 });
    expect([...db.prepare('SELECT name FROM t ORDER BY id').iterate()].map((r) => (r as { name: string }).name)).toEqual(['a', 'b']);
    expect(db.prepare('SELECT * FROM t WHERE id = ?').get(99)).toBeUndefined();
    expect(db.prepare('UPDATE t SET note = ? WHERE id > ?').run('n', 0).changes).toBe(2);
    db.close();
  });

  it('commits a transaction, rolls it back on a throw, and nests inner transactions as savepoints', () => {
    const db = openStateDatabase(':memory:', { migrations: MIGRATIONS });
    const insert = (name: string) => db.prepare('INSERT INTO t (name) VALUES (?)').run(name);
    const names = () => db.prepare('SELECT name FROM t ORDER BY id').all().map((r) => (r as { name: string }).name);
    expect(db.transaction((n: string) => (insert(n), n.length))('one')).toBe(3);
    expect(() => db.transaction(() => { insert('two'); insert('one'); })()).toThrow(/UNIQUE/);
    expect(names()).toEqual(['one']);
    db.transaction(() => {
      insert('outer');
      expect(db.inTransaction).toBe(true);
      expect(() => db.transaction(() => { insert('inner'); throw new Error('inner fails'); })()).toThrow('inner fails');
      insert('after');
    }).immediate();
    expect(db.inTransaction).toBe(false);
    expect(names()).toEqual(['one', 'outer', 'after']);
    db.close();
  });

  it('refuses an async transaction function and leaves nothing behind', () => {
    const db = openStateDatabase(':memory:', { migrations: MIGRATIONS });
    expect(() => db.transaction(async () => db.prepare("INSERT INTO t (name) VALUES ('x')").run())()).toThrow(/must not be async/);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toMatchObject({ n: 0 });
    db.close();
  });

  it('sees what another connection to the same file committed (WAL)', () => {
    const f = file();
    const a = openStateDatabase(f, { pragmas: ['journal_mode = WAL'], migrations: MIGRATIONS });
    const b = SqliteDb.open(f);
    a.prepare('INSERT INTO t (name) VALUES (?)').run('from-a');
    expect(b.prepare('SELECT name FROM t').all()).toEqual([expect.objectContaining({ name: 'from-a' })]);
    a.close();
    b.close();
  });
});
