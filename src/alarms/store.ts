/**
 * Alarm state in SQLite (`<data dir>/alarms.sqlite`, WAL): the journal of every transition, and
 * each alarm's current status so that active, unacknowledged, shelved and out-of-service alarms
 * survive a restart. Its own file beside the security and production state, so each migrates on
 * its own; migrations run in order at open, tracked by `PRAGMA user_version`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CausewayError, detailOf } from '../core/errors.js';
import type { Value } from '../core/sample.js';
import { openStateDatabase, type SqliteDb } from '../state/sqlite.js';
import type { AlarmStateName, AlarmStatus, Transition, TransitionEvent } from './state-machine.js';

export const ALARMS_FILE = 'alarms.sqlite';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE journal (
     seq INTEGER PRIMARY KEY, alarm TEXT NOT NULL, path TEXT NOT NULL, name TEXT NOT NULL, area TEXT, priority TEXT NOT NULL,
     event TEXT NOT NULL, from_state TEXT NOT NULL, to_state TEXT NOT NULL, at INTEGER NOT NULL,
     value TEXT, user TEXT, comment TEXT, message TEXT
   );
   CREATE INDEX journal_at ON journal(at);
   CREATE INDEX journal_alarm ON journal(alarm, at);
   CREATE TABLE states (alarm TEXT PRIMARY KEY, status TEXT NOT NULL, updated_at INTEGER NOT NULL);`,
];

/** One stored transition: the state machine's transition, with the alarm it belongs to. */
export interface JournalEntry extends Transition {
  seq: number;
  /** The alarm's id. */
  id: string;
  path: string;
  name: string;
  area?: string;
  priority: string;
  message?: string;
}

export interface JournalQuery {
  from: number;
  to: number;
  area?: string;
  priority?: string;
  /** The state an entry moved to. */
  state?: AlarmStateName;
  /** Attribute path or a prefix of it. */
  path?: string;
  limit: number;
}

type Row = Record<string, unknown>;

function entryOf(r: Row): JournalEntry {
  const opt = (k: string, v: unknown) => (v === null || v === undefined ? {} : { [k]: v });
  return {
    seq: r.seq as number, id: r.alarm as string, path: r.path as string, name: r.name as string, ...opt('area', r.area), priority: r.priority as string,
    event: r.event as TransitionEvent, from: r.from_state as AlarmStateName, to: r.to_state as AlarmStateName, at: r.at as number,
    ...(typeof r.value === 'string' ? { value: JSON.parse(r.value) as Value } : {}), ...opt('user', r.user), ...opt('comment', r.comment), ...opt('message', r.message),
  };
}

export class AlarmStore {
  readonly db: SqliteDb;

  private constructor(db: SqliteDb) {
    this.db = db;
  }

  /** Open (and migrate) the store in `dir`; `:memory:` for tests. Throws CW_ALARM_STORE. */
  static open(dir: string | ':memory:'): AlarmStore {
    try {
      if (dir !== ':memory:') mkdirSync(dir, { recursive: true });
      const file = dir === ':memory:' ? ':memory:' : join(dir, ALARMS_FILE);
      return new AlarmStore(openStateDatabase(file, { pragmas: ['journal_mode = WAL', 'synchronous = NORMAL', 'busy_timeout = 5000'], migrations: MIGRATIONS }));
    } catch (e) {
      throw new CausewayError('CW_ALARM_STORE', { dir: String(dir), reason: detailOf(e) ?? 'unknown error' }, { cause: e });
    }
  }

  /** Every alarm's stored status, by id. */
  statuses(): Map<string, AlarmStatus> {
    const rows = this.db.prepare('SELECT alarm, status FROM states').all() as Array<{ alarm: string; status: string }>;
    return new Map(rows.map((r) => [r.alarm, JSON.parse(r.status) as AlarmStatus]));
  }

  /** Store transitions and the statuses after them, in one transaction. */
  record(entries: ReadonlyArray<Omit<JournalEntry, 'seq'>>, statuses: ReadonlyMap<string, AlarmStatus>): void {
    const insert = this.db.prepare(`INSERT INTO journal (alarm, path, name, area, priority, event, from_state, to_state, at, value, user, comment, message)
      VALUES (@id, @path, @name, @area, @priority, @event, @from, @to, @at, @value, @user, @comment, @message)`);
    const upsert = this.db.prepare('INSERT INTO states (alarm, status, updated_at) VALUES (?, ?, ?) ON CONFLICT(alarm) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at');
    this.db.transaction(() => {
      for (const e of entries) {
        insert.run({ area: null, user: null, comment: null, message: null, ...e, value: e.value === undefined ? null : JSON.stringify(e.value) });
      }
      for (const [id, s] of statuses) upsert.run(id, JSON.stringify(s), s.changedAt);
    })();
  }

  /** Journal entries in [from, to], newest first. */
  journal(q: JournalQuery): JournalEntry[] {
    const where = ['at >= ?', 'at <= ?'];
    const args: unknown[] = [q.from, q.to];
    for (const [column, value] of [['area', q.area], ['priority', q.priority], ['to_state', q.state]] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      args.push(value);
    }
    if (q.path !== undefined && q.path !== '') {
      where.push('(path = ? OR substr(path, 1, ?) = ?)');
      args.push(q.path, q.path.length + 1, `${q.path}/`);
    }
    const sql = `SELECT * FROM journal WHERE ${where.join(' AND ')} ORDER BY at DESC, seq DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, q.limit) as Row[]).map(entryOf);
  }

  /**
   * What the KPIs of [from, to) need (see kpis.ts): every entry in the period, and for each alarm
   * its last entry before `from`, its last activate or clear, and its last change of state.
   */
  kpiEntries(from: number, to: number): JournalEntry[] {
    const last = (extra: string) => `SELECT j.* FROM (SELECT DISTINCT alarm FROM journal) a JOIN journal j ON j.seq =
      (SELECT seq FROM journal WHERE alarm = a.alarm AND at < @from ${extra} ORDER BY at DESC, seq DESC LIMIT 1)`;
    const sql = `SELECT * FROM journal WHERE at >= @from AND at < @to
      UNION ${last('')} UNION ${last("AND event IN ('activate', 'clear')")} UNION ${last('AND from_state <> to_state')}`;
    return (this.db.prepare(sql).all({ from, to }) as Row[]).map(entryOf);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
