/**
 * The audit log: append-only and hash-chained. Each record's hash is SHA-256 of the previous
 * record's hash and the canonical JSON of the record, so editing or deleting any record breaks the
 * chain from there on; the head (last sequence number and hash) is kept beside it, so cutting
 * records off the end shows too. Appends are synchronous, in an immediate transaction: when one
 * fails the caller learns it at once and refuses what it was about to do.
 */
import { createHash } from 'node:crypto';
import { CausewayError, detailOf } from '../core/errors.js';
import { getSetting, setSetting, type Db } from './store.js';

export type AuditOutcome = 'success' | 'failure' | 'refused' | 'pending';

export interface AuditEntry {
  /** Who: a user name, `token:<name>@<user>`, `cli`, or `system`. */
  actor: string;
  /** The client's network address (the socket's, never a forwarded header). */
  address?: string;
  /** What, dotted: login, logout, user.create, token.revoke, write.request, write.approve, … */
  action: string;
  /** On what: a user name, a token id, a namespace path. */
  target?: string;
  outcome: AuditOutcome;
  /** Anything else worth keeping: old and new value, approver, the refusing step. Never secrets. */
  detail?: Record<string, unknown>;
}

export interface AuditRecord extends AuditEntry {
  seq: number;
  ts: number;
  prevHash: string;
  hash: string;
}

export type VerifyResult =
  | { ok: true; count: number; head?: { seq: number; hash: string } }
  | { ok: false; count: number; seq: number; problem: string };

export interface AuditQuery {
  from?: number;
  to?: number;
  actor?: string;
  action?: string;
  target?: string;
  /** Records before this sequence number (paging backwards from the newest). */
  before?: number;
  limit: number;
}

const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit.head';

interface Row { seq: number; ts: number; actor: string; address: string | null; action: string; target: string | null; outcome: string; detail: string | null; prev_hash: string; hash: string }

/** JSON with object keys sorted at every level: the same record always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The hash of a record given the previous record's hash. */
export function recordHash(prevHash: string, r: Omit<AuditRecord, 'prevHash' | 'hash'>): string {
  const body = { seq: r.seq, ts: r.ts, actor: r.actor, address: r.address ?? null, action: r.action, target: r.target ?? null, outcome: r.outcome, detail: r.detail ?? null };
  return createHash('sha256').update(prevHash).update(canonicalJson(body)).digest('hex');
}

function fromRow(row: Row): AuditRecord {
  return {
    seq: row.seq, ts: row.ts, actor: row.actor, action: row.action, outcome: row.outcome as AuditOutcome, prevHash: row.prev_hash, hash: row.hash,
    ...(row.address !== null ? { address: row.address } : {}),
    ...(row.target !== null ? { target: row.target } : {}),
    ...(row.detail !== null ? { detail: JSON.parse(row.detail) as Record<string, unknown> } : {}),
  };
}

export interface AuditOptions {
  now: () => number;
  /** Called when the log stops recording (and with undefined when it records again): raise an alarm. */
  onHealthChange?: (failure: string | undefined) => void;
}

export class AuditLog {
  readonly #db: Db;
  readonly #opts: AuditOptions;
  #failure: string | undefined;

  constructor(db: Db, opts: AuditOptions) {
    this.#db = db;
    this.#opts = opts;
  }

  /** Why the log cannot record right now, or undefined while it records. */
  get failure(): string | undefined {
    return this.#failure;
  }

  /** Append a record; throws CW_AUDIT_WRITE_FAILED (and raises the alarm) when it cannot be stored. */
  append(entry: AuditEntry): AuditRecord {
    try {
      const record = this.#db.transaction(() => this.#insert(entry)).immediate();
      this.#setFailure(undefined);
      return record;
    } catch (e) {
      const reason = detailOf(e) ?? 'unknown error';
      this.#setFailure(reason);
      throw new CausewayError('CW_AUDIT_WRITE_FAILED', { reason }, { cause: e });
    }
  }

  #insert(entry: AuditEntry): AuditRecord {
    const last = this.#db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    const prevHash = last?.hash ?? GENESIS;
    const base = { ...entry, seq: (last?.seq ?? 0) + 1, ts: this.#opts.now() };
    const hash = recordHash(prevHash, base);
    this.#db
      .prepare('INSERT INTO audit (seq, ts, actor, address, action, target, outcome, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(base.seq, base.ts, entry.actor, entry.address ?? null, entry.action, entry.target ?? null, entry.outcome, entry.detail ? canonicalJson(entry.detail) : null, prevHash, hash);
    setSetting(this.#db, HEAD_KEY, `${base.seq}:${hash}`);
    return { ...base, prevHash, hash };
  }

  #setFailure(reason: string | undefined): void {
    if (reason === this.#failure) return;
    this.#failure = reason;
    this.#opts.onHealthChange?.(reason);
  }

  /** Records matching the query, newest first; `before` of the next page is the last seq returned. */
  query(q: AuditQuery): AuditRecord[] {
    const where: string[] = [];
    const args: Array<string | number> = [];
    const add = (sql: string, v: string | number | undefined) => {
      if (v === undefined) return;
      where.push(sql);
      args.push(v);
    };
    add('ts >= ?', q.from);
    add('ts < ?', q.to);
    add('actor = ?', q.actor);
    add('(action = ? OR action LIKE ? )', q.action);
    if (q.action !== undefined) args.push(`${q.action}.%`);
    add('target = ?', q.target);
    add('seq < ?', q.before);
    const sql = `SELECT * FROM audit${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    return (this.#db.prepare(sql).all(...args, q.limit) as Row[]).map(fromRow);
  }

  /** Walk the whole chain; report the first record that does not hold. */
  verify(): VerifyResult {
    let prev = GENESIS;
    let expected = 1;
    let count = 0;
    for (const row of this.#db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<Row>) {
      const r = fromRow(row);
      if (r.seq !== expected) return { ok: false, count, seq: expected, problem: `record ${expected}${r.seq > expected + 1 ? ` to ${r.seq - 1}` : ''} is missing (deleted)` };
      if (r.prevHash !== prev) return { ok: false, count, seq: r.seq, problem: 'its link to the previous record does not match (a record before it was changed or replaced)' };
      if (recordHash(prev, r) !== r.hash) return { ok: false, count, seq: r.seq, problem: 'its content does not match its hash (the record was edited)' };
      prev = r.hash;
      expected++;
      count++;
    }
    const head = getSetting(this.#db, HEAD_KEY);
    const [headSeq, headHash] = head ? [Number(head.split(':')[0]), head.split(':')[1]] : [0, GENESIS];
    if (headSeq > count) return { ok: false, count, seq: count + 1, problem: `the log ends at record ${count}, but ${headSeq} records were written (records at the end were deleted)` };
    if (headSeq !== count || headHash !== prev) return { ok: false, count, seq: headSeq, problem: 'the recorded head of the chain does not match its last record (records were added or replaced outside the hub)' };
    return { ok: true, count, ...(count > 0 ? { head: { seq: count, hash: prev } } : {}) };
  }
}
