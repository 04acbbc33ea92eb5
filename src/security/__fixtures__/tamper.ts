/** What someone with write access to hub-state.sqlite (and the hub's source) can do to the audit log, for tests. */
import { recordHash, type AuditOutcome } from '../audit.js';
import { setSetting, type Db } from '../store.js';

interface Row { seq: number; ts: number; actor: string; address: string | null; action: string; target: string | null; outcome: string; detail: string | null; hash: string }

/** Recompute the unkeyed hash chain from record `from` on, and the head, with the hub's own hash function. */
export function recomputeOldChain(db: Db, from = 1): void {
  let prev = from === 1 ? '0'.repeat(64) : (db.prepare('SELECT hash FROM audit WHERE seq = ?').get(from - 1) as { hash: string }).hash;
  let last = { seq: from - 1, hash: prev };
  for (const r of db.prepare('SELECT * FROM audit WHERE seq >= ? ORDER BY seq').all(from) as Row[]) {
    const hash = recordHash(prev, {
      seq: r.seq, ts: r.ts, actor: r.actor, action: r.action, outcome: r.outcome as AuditOutcome,
      ...(r.address !== null ? { address: r.address } : {}), ...(r.target !== null ? { target: r.target } : {}), ...(r.detail !== null ? { detail: JSON.parse(r.detail) as Record<string, unknown> } : {}),
    });
    db.prepare('UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
    prev = hash;
    last = { seq: r.seq, hash };
  }
  setSetting(db, 'audit.head', `${last.seq}:${last.hash}`);
}
