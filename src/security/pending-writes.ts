/** Write requests, kept in the hub state: those waiting for approval and the record of every outcome. */
import { randomUUID } from 'node:crypto';
import type { Value } from '../core/sample.js';
import type { Db } from './store.js';

export type WriteState = 'pending' | 'approved' | 'denied' | 'expired' | 'cancelled' | 'done' | 'failed';

/** States a request does not leave. */
export const FINAL_WRITE_STATES: ReadonlySet<WriteState> = new Set(['denied', 'expired', 'cancelled', 'done', 'failed']);

export interface Person {
  id: string;
  name: string;
}

export interface WriteRecord {
  id: string;
  path: string;
  zone: string;
  value: Value;
  reason?: string;
  requester: Person;
  requestedAt: number;
  expiresAt: number;
  state: WriteState;
  approver?: Person;
  decidedAt?: number;
  /** What happened: old and new value, verification, or the refusing step and error code. */
  outcome?: Record<string, unknown>;
}

interface Row { id: string; path: string; zone: string; value: string; reason: string | null; requester: string; requested_at: number; expires_at: number; state: string; approver: string | null; decided_at: number | null; outcome: string | null }

function fromRow(r: Row): WriteRecord {
  return {
    id: r.id, path: r.path, zone: r.zone, value: JSON.parse(r.value) as Value, requester: JSON.parse(r.requester) as Person,
    requestedAt: r.requested_at, expiresAt: r.expires_at, state: r.state as WriteState,
    ...(r.reason !== null ? { reason: r.reason } : {}),
    ...(r.approver !== null ? { approver: JSON.parse(r.approver) as Person } : {}),
    ...(r.decided_at !== null ? { decidedAt: r.decided_at } : {}),
    ...(r.outcome !== null ? { outcome: JSON.parse(r.outcome) as Record<string, unknown> } : {}),
  };
}

export class PendingWrites {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  add(w: Omit<WriteRecord, 'id'>): WriteRecord {
    const id = randomUUID();
    this.#db
      .prepare('INSERT INTO pending_writes (id, path, zone, value, reason, requester, requested_at, expires_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, w.path, w.zone, JSON.stringify(w.value), w.reason ?? null, JSON.stringify(w.requester), w.requestedAt, w.expiresAt, w.state);
    return this.get(id)!;
  }

  get(id: string): WriteRecord | undefined {
    const r = this.#db.prepare('SELECT * FROM pending_writes WHERE id = ?').get(id) as Row | undefined;
    return r ? fromRow(r) : undefined;
  }

  /** Newest first, optionally only those in one state. */
  list(q: { state?: WriteState; limit: number }): WriteRecord[] {
    const rows = q.state === undefined
      ? this.#db.prepare('SELECT * FROM pending_writes ORDER BY requested_at DESC, rowid DESC LIMIT ?').all(q.limit)
      : this.#db.prepare('SELECT * FROM pending_writes WHERE state = ? ORDER BY requested_at DESC, rowid DESC LIMIT ?').all(q.state, q.limit);
    return (rows as Row[]).map(fromRow);
  }

  /** Move pending requests whose time is up to expired; returns them. */
  expire(now: number): WriteRecord[] {
    const due = (this.#db.prepare("SELECT * FROM pending_writes WHERE state = 'pending' AND expires_at <= ?").all(now) as Row[]).map(fromRow);
    for (const w of due) this.#db.prepare("UPDATE pending_writes SET state = 'expired', decided_at = ? WHERE id = ? AND state = 'pending'").run(now, w.id);
    return due;
  }

  /** Requests waiting for approval. */
  pending(): WriteRecord[] {
    return (this.#db.prepare("SELECT * FROM pending_writes WHERE state = 'pending'").all() as Row[]).map(fromRow);
  }

  /** Cancel a request still pending (its requester was disabled, its order cancelled); false when it no longer was. */
  cancel(id: string, now: number, outcome: Record<string, unknown>): boolean {
    return this.#db
      .prepare("UPDATE pending_writes SET state = 'cancelled', decided_at = ?, outcome = ? WHERE id = ? AND state = 'pending'")
      .run(now, JSON.stringify(outcome), id).changes === 1;
  }

  /** Take a pending, unexpired request for a decision; false when someone else took it first or it expired. */
  claim(id: string, state: 'approved' | 'denied', by: Person, now: number): boolean {
    return this.#db
      .prepare("UPDATE pending_writes SET state = ?, approver = ?, decided_at = ? WHERE id = ? AND state = 'pending' AND expires_at > ?")
      .run(state, JSON.stringify(by), now, id, now).changes === 1;
  }

  /** Put a claimed request back to pending (its decision could not be recorded). */
  release(id: string): void {
    this.#db.prepare("UPDATE pending_writes SET state = 'pending', approver = NULL, decided_at = NULL WHERE id = ?").run(id);
  }

  /** Record how a request ended. */
  finish(id: string, state: 'done' | 'failed' | 'denied', outcome: Record<string, unknown>): void {
    this.#db.prepare('UPDATE pending_writes SET state = ?, outcome = ? WHERE id = ?').run(state, JSON.stringify(outcome), id);
  }
}
