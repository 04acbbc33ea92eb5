/**
 * Production state in SQLite (`<data dir>/production.sqlite`, WAL): work orders, records the ERP
 * sent that were rejected, reasons operators assigned to stops, input cursors (the staging
 * table's watermark) and the confirmation outbox. Its own file beside the security state, so the
 * two migrate independently. Migrations run in order at open, tracked by `PRAGMA user_version`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CausewayError, detailOf } from '../core/errors.js';
import { openStateDatabase, type SqliteDb } from '../state/sqlite.js';
import type { OrderDispatch, OrderSource, OrderStatus, RejectedRecord, WorkOrder } from './orders.js';

export const PRODUCTION_FILE = 'production.sqlite';
/** Rejected records kept for the API, newest first. */
const MAX_REJECTIONS = 1000;

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE orders (
     id TEXT PRIMARY KEY, line TEXT NOT NULL, product TEXT NOT NULL, quantity REAL NOT NULL, unit TEXT NOT NULL,
     due INTEGER, description TEXT, status TEXT NOT NULL, good INTEGER NOT NULL DEFAULT 0, scrap INTEGER NOT NULL DEFAULT 0,
     source TEXT NOT NULL, received_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
     started_at INTEGER, completed_at INTEGER, cancelled_at INTEGER, confirmations INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX orders_line_status ON orders(line, status);
   CREATE TABLE rejections (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, source TEXT NOT NULL, ref TEXT NOT NULL, order_id TEXT, problems TEXT NOT NULL);
   CREATE TABLE reasons (line TEXT NOT NULL, origin INTEGER NOT NULL, code INTEGER NOT NULL, by TEXT NOT NULL, at INTEGER NOT NULL, note TEXT, PRIMARY KEY (line, origin));
   CREATE TABLE cursors (name TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE outbox (
     key TEXT NOT NULL, target TEXT NOT NULL, order_id TEXT NOT NULL, payload TEXT NOT NULL, state TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL, last_error TEXT, created_at INTEGER NOT NULL, delivered_at INTEGER,
     PRIMARY KEY (key, target)
   );
   CREATE INDEX outbox_due ON outbox(state, next_at);`,
  // A start waiting for approved writes, as JSON (orders.ts OrderDispatch).
  'ALTER TABLE orders ADD COLUMN dispatch TEXT;',
];

/** A reason an operator assigned to a stop afterwards. */
export interface AssignedReason {
  line: string;
  origin: number;
  code: number;
  by: string;
  at: number;
  note?: string;
}

export interface Rejection extends RejectedRecord {
  at: number;
  source: OrderSource;
}

type Row = Record<string, unknown>;

function orderOf(r: Row): WorkOrder {
  const opt = (k: string, v: unknown) => (v === null || v === undefined ? {} : { [k]: v });
  return {
    id: r.id as string, line: r.line as string, product: r.product as string, quantity: r.quantity as number, unit: r.unit as string,
    status: r.status as OrderStatus, good: r.good as number, scrap: r.scrap as number, source: r.source as OrderSource,
    receivedAt: r.received_at as number, updatedAt: r.updated_at as number,
    ...opt('due', r.due), ...opt('description', r.description), ...opt('startedAt', r.started_at), ...opt('completedAt', r.completed_at), ...opt('cancelledAt', r.cancelled_at),
    ...(typeof r.dispatch === 'string' ? { dispatch: JSON.parse(r.dispatch) as OrderDispatch } : {}),
  };
}

function withoutDispatch(o: WorkOrder): Omit<WorkOrder, 'dispatch'> {
  const { dispatch: _d, ...rest } = o;
  return rest;
}

export class ProductionStore {
  readonly db: SqliteDb;

  private constructor(db: SqliteDb) {
    this.db = db;
  }

  /** Open (and migrate) the store in `dir`; `:memory:` for tests. */
  static open(dir: string | ':memory:'): ProductionStore {
    let db: SqliteDb;
    try {
      if (dir !== ':memory:') mkdirSync(dir, { recursive: true });
      db = openStateDatabase(dir === ':memory:' ? ':memory:' : join(dir, PRODUCTION_FILE), { pragmas: ['journal_mode = WAL', 'busy_timeout = 5000'], migrations: MIGRATIONS });
    } catch (e) {
      throw new CausewayError('CW_PRODUCTION_STORE', { dir: String(dir), reason: detailOf(e) ?? 'unknown error' }, { cause: e });
    }
    return new ProductionStore(db);
  }

  /** Run `fn` in one transaction. */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  order(id: string): WorkOrder | undefined {
    const r = this.db.prepare('SELECT * FROM orders WHERE id = ?').get(id) as Row | undefined;
    return r ? orderOf(r) : undefined;
  }

  /** Orders, newest first, filtered by line (or a set of lines) and/or status. */
  orders(q: { line?: string; lines?: readonly string[]; status?: OrderStatus; limit?: number } = {}): WorkOrder[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.lines !== undefined) {
      if (q.lines.length === 0) return [];
      where.push(`line IN (${q.lines.map(() => '?').join(', ')})`);
      args.push(...q.lines);
    }
    for (const [column, value] of [['line', q.line], ['status', q.status]] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      args.push(value);
    }
    const sql = `SELECT * FROM orders ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at DESC, id LIMIT ?`;
    return (this.db.prepare(sql).all(...args, q.limit ?? 500) as Row[]).map(orderOf);
  }

  /** Released orders whose start waits for approved writes. */
  awaitingDispatch(): WorkOrder[] {
    return (this.db.prepare(`SELECT * FROM orders WHERE status = 'released' AND json_extract(dispatch, '$.state') = 'awaiting-approval' ORDER BY updated_at`).all() as Row[]).map(orderOf);
  }

  /** Orders of a line that ran within [from, to): started before `to`, not finished before `from`. */
  ordersRunIn(line: string, from: number, to: number): WorkOrder[] {
    const sql = `SELECT * FROM orders WHERE line = ? AND started_at IS NOT NULL AND started_at < ? AND COALESCE(completed_at, cancelled_at, ?) > ? ORDER BY started_at`;
    return (this.db.prepare(sql).all(line, to, Number.MAX_SAFE_INTEGER, from) as Row[]).map(orderOf);
  }

  /** Insert or replace an order. */
  save(o: WorkOrder): void {
    this.db.prepare(`INSERT INTO orders (id, line, product, quantity, unit, due, description, status, good, scrap, source, received_at, updated_at, started_at, completed_at, cancelled_at, dispatch)
      VALUES (@id, @line, @product, @quantity, @unit, @due, @description, @status, @good, @scrap, @source, @receivedAt, @updatedAt, @startedAt, @completedAt, @cancelledAt, @dispatchJson)
      ON CONFLICT(id) DO UPDATE SET line = excluded.line, product = excluded.product, quantity = excluded.quantity, unit = excluded.unit, due = excluded.due,
        description = excluded.description, status = excluded.status, good = excluded.good, scrap = excluded.scrap, updated_at = excluded.updated_at,
        started_at = excluded.started_at, completed_at = excluded.completed_at, cancelled_at = excluded.cancelled_at, dispatch = excluded.dispatch`)
      .run({ due: null, description: null, startedAt: null, completedAt: null, cancelledAt: null, ...withoutDispatch(o), dispatchJson: o.dispatch ? JSON.stringify(o.dispatch) : null });
  }

  /** The next confirmation sequence number of an order (1, 2, …). */
  nextConfirmation(orderId: string): number {
    const r = this.db.prepare('UPDATE orders SET confirmations = confirmations + 1 WHERE id = ? RETURNING confirmations').get(orderId) as { confirmations: number } | undefined;
    return r?.confirmations ?? 1;
  }

  reject(source: OrderSource, records: readonly RejectedRecord[], at: number): void {
    if (records.length === 0) return;
    const insert = this.db.prepare('INSERT INTO rejections (at, source, ref, order_id, problems) VALUES (?, ?, ?, ?, ?)');
    this.tx(() => {
      for (const r of records) insert.run(at, source, r.ref, r.id ?? null, JSON.stringify(r.problems));
      this.db.prepare('DELETE FROM rejections WHERE seq <= (SELECT MAX(seq) FROM rejections) - ?').run(MAX_REJECTIONS);
    });
  }

  /** Rejected records, newest first. */
  rejections(limit = 100): Rejection[] {
    return (this.db.prepare('SELECT * FROM rejections ORDER BY seq DESC LIMIT ?').all(limit) as Row[]).map((r) => ({
      at: r.at as number, source: r.source as OrderSource, ref: r.ref as string, ...(r.order_id ? { id: r.order_id as string } : {}), problems: JSON.parse(r.problems as string) as string[],
    }));
  }

  assignReason(a: AssignedReason): void {
    this.db.prepare('INSERT INTO reasons (line, origin, code, by, at, note) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(line, origin) DO UPDATE SET code = excluded.code, by = excluded.by, at = excluded.at, note = excluded.note')
      .run(a.line, a.origin, a.code, a.by, a.at, a.note ?? null);
  }

  /** Reasons assigned to stops of `line` that began in [from, to), by their start. */
  assignedReasons(line: string, from: number, to: number): Map<number, number> {
    const rows = this.db.prepare('SELECT origin, code FROM reasons WHERE line = ? AND origin >= ? AND origin < ?').all(line, from, to) as Array<{ origin: number; code: number }>;
    return new Map(rows.map((r) => [r.origin, r.code]));
  }

  cursor(name: string): string | undefined {
    return (this.db.prepare('SELECT value FROM cursors WHERE name = ?').get(name) as { value: string } | undefined)?.value;
  }

  setCursor(name: string, value: string): void {
    this.db.prepare('INSERT INTO cursors (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value').run(name, value);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
