/**
 * The asset inventory in SQLite (`<data dir>/assets.sqlite`, WAL): one row per asset (the record as
 * JSON, with the columns the list filters on), and the history of every asset's identity and
 * hand edits. Its own file beside the security and alarm state, so each migrates on its own;
 * migrations run in order at open, tracked by `PRAGMA user_version`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CausewayError, detailOf } from '../../core/errors.js';
import { openStateDatabase, type SqliteDb } from '../../state/sqlite.js';
import { searchText, type AssetHistoryEntry, type AssetRecord, type HistoryEvent } from './model.js';

export const ASSETS_FILE = 'assets.sqlite';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE assets (
     id TEXT PRIMARY KEY, site TEXT NOT NULL, zone TEXT, vendor TEXT, origin TEXT NOT NULL, connection TEXT,
     search TEXT NOT NULL, record TEXT NOT NULL, updated_at INTEGER NOT NULL
   );
   CREATE INDEX assets_zone ON assets(zone);
   CREATE INDEX assets_connection ON assets(connection);
   CREATE TABLE history (
     seq INTEGER PRIMARY KEY, asset TEXT NOT NULL, at INTEGER NOT NULL, event TEXT NOT NULL, actor TEXT NOT NULL, changes TEXT NOT NULL
   );
   CREATE INDEX history_asset ON history(asset, seq);`,
];

export interface AssetQuery {
  site?: string;
  /** Only these zones (the caller's); undefined: every zone. */
  zones?: readonly string[];
  zone?: string;
  /** Vendor as written, case-insensitive. */
  vendor?: string;
  /** Words anywhere in the record, case-insensitive. */
  text?: string;
  limit: number;
  offset: number;
}

/** Open mode: the hub writes; the CLI reads what a running hub keeps. */
export interface OpenOptions {
  readOnly?: boolean;
}

export class AssetStore {
  readonly db: SqliteDb;

  private constructor(db: SqliteDb) {
    this.db = db;
  }

  /** Open (and migrate) the store in `dir`; `:memory:` for tests. Throws CW_INVENTORY_ASSET_STORE. */
  static open(dir: string | ':memory:', o: OpenOptions = {}): AssetStore {
    try {
      if (dir !== ':memory:' && !o.readOnly) mkdirSync(dir, { recursive: true });
      const file = dir === ':memory:' ? ':memory:' : join(dir, ASSETS_FILE);
      return new AssetStore(openStateDatabase(file, { pragmas: ['journal_mode = WAL', 'synchronous = NORMAL', 'busy_timeout = 5000'], migrations: MIGRATIONS }));
    } catch (e) {
      throw new CausewayError('CW_INVENTORY_ASSET_STORE', { dir: String(dir), reason: detailOf(e) ?? 'unknown error' }, { cause: e });
    }
  }

  get(id: string): AssetRecord | undefined {
    const row = this.db.prepare('SELECT record FROM assets WHERE id = ?').get(id) as { record: string } | undefined;
    return row ? (JSON.parse(row.record) as AssetRecord) : undefined;
  }

  /** The assets discovered from one connection. */
  ofConnection(source: string): AssetRecord[] {
    return (this.db.prepare('SELECT record FROM assets WHERE connection = ? ORDER BY id').all(source) as Array<{ record: string }>).map((r) => JSON.parse(r.record) as AssetRecord);
  }

  /** A page of assets by name, and how many match in all. */
  list(q: AssetQuery): { assets: AssetRecord[]; total: number } {
    const where: string[] = [];
    const args: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      where.push(clause);
      args.push(value);
    };
    if (q.site !== undefined) add('site = ?', q.site);
    if (q.zone !== undefined) add('zone = ?', q.zone);
    if (q.zones !== undefined) {
      if (q.zones.length === 0) return { assets: [], total: 0 };
      where.push(`zone IN (${q.zones.map(() => '?').join(', ')})`);
      args.push(...q.zones);
    }
    if (q.vendor !== undefined) add('lower(vendor) = ?', q.vendor.trim().toLowerCase());
    for (const word of (q.text ?? '').toLowerCase().split(/\s+/).filter(Boolean)) add('instr(search, ?) > 0', word);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM assets ${clause}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`SELECT record FROM assets ${clause} ORDER BY json_extract(record, '$.name') COLLATE NOCASE, id LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as Array<{ record: string }>;
    return { assets: rows.map((r) => JSON.parse(r.record) as AssetRecord), total };
  }

  /** Insert or replace a record, with a history entry when `event` is given; one transaction. */
  put(a: AssetRecord, event?: Omit<AssetHistoryEntry, 'seq' | 'assetId'>): void {
    const upsert = this.db.prepare(`INSERT INTO assets (id, site, zone, vendor, origin, connection, search, record, updated_at) VALUES (@id, @site, @zone, @vendor, @origin, @connection, @search, @record, @updatedAt)
      ON CONFLICT(id) DO UPDATE SET site = excluded.site, zone = excluded.zone, vendor = excluded.vendor, origin = excluded.origin, connection = excluded.connection, search = excluded.search, record = excluded.record, updated_at = excluded.updated_at`);
    this.db.transaction(() => {
      upsert.run({
        id: a.id, site: a.site, zone: a.zone ?? null, vendor: a.vendor ?? null, origin: a.origin.kind,
        connection: a.origin.kind === 'discovered' ? a.origin.connection : null, search: searchText(a), record: JSON.stringify(a), updatedAt: a.updatedAt,
      });
      if (event) this.#history(a.id, event);
    })();
  }

  /** Only the last-seen time of a record (no history). */
  touch(id: string, at: number): void {
    this.db.prepare("UPDATE assets SET record = json_set(record, '$.lastSeen', ?) WHERE id = ?").run(at, id);
  }

  /** Delete a record, keeping its history with a deletion entry. */
  remove(id: string, event: Omit<AssetHistoryEntry, 'seq' | 'assetId'>): boolean {
    return this.db.transaction(() => {
      const gone = this.db.prepare('DELETE FROM assets WHERE id = ?').run(id).changes > 0;
      if (gone) this.#history(id, event);
      return gone;
    })();
  }

  /** An asset's history, oldest first. */
  history(id: string, limit = 1000): AssetHistoryEntry[] {
    const rows = this.db.prepare('SELECT * FROM (SELECT * FROM history WHERE asset = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq').all(id, limit) as Array<Record<string, unknown>>;
    return rows.map((r) => ({ seq: r.seq as number, assetId: r.asset as string, at: r.at as number, event: r.event as HistoryEvent, actor: r.actor as string, changes: JSON.parse(r.changes as string) as AssetHistoryEntry['changes'] }));
  }

  #history(id: string, e: Omit<AssetHistoryEntry, 'seq' | 'assetId'>): void {
    this.db.prepare('INSERT INTO history (asset, at, event, actor, changes) VALUES (?, ?, ?, ?, ?)').run(id, e.at, e.event, e.actor, JSON.stringify(e.changes));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
