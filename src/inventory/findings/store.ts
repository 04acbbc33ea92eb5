/**
 * Vulnerability findings in SQLite (`<data dir>/findings.sqlite`, WAL): each finding with its
 * match (verdict, reasons, CVSS, remediations), its risk in context, its workflow status and the
 * history of every step. A new match is reconciled with what is stored: new findings open, those
 * matched again are refreshed (a fixed one reopens), those of re-matched assets no longer found
 * are fixed. Actions by people go through `act` (workflow.ts) and come back as history entries
 * for the caller to audit.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CausewayError, detailOf } from '../../core/errors.js';
import { openStateDatabase, type SqliteDb } from '../../state/sqlite.js';
import type { FindingPriority, RiskScore } from '../exposure.js';
import type { Finding } from '../types.js';
import { act, expire, rematch, type FindingAction, type FindingState, type FindingStatus, type HistoryEntry } from './workflow.js';

export const FINDINGS_FILE = 'findings.sqlite';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE findings (
     id TEXT PRIMARY KEY, asset TEXT NOT NULL, advisory TEXT NOT NULL, cve TEXT, product_id TEXT NOT NULL,
     verdict TEXT NOT NULL, score REAL NOT NULL, priority TEXT NOT NULL, state TEXT NOT NULL, owner TEXT, accepted_until INTEGER,
     match TEXT NOT NULL, risk TEXT NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, updated_at INTEGER NOT NULL
   );
   CREATE INDEX findings_asset ON findings(asset);
   CREATE INDEX findings_rank ON findings(state, score DESC);
   CREATE TABLE history (
     seq INTEGER PRIMARY KEY, finding TEXT NOT NULL, at INTEGER NOT NULL, user TEXT, action TEXT NOT NULL,
     from_state TEXT, to_state TEXT NOT NULL, comment TEXT
   );
   CREATE INDEX history_finding ON history(finding, seq);`,
];

/** A stored finding as the API shows it. */
export interface StoredFinding extends Finding, FindingStatus {
  id: string;
  score: number;
  priority: FindingPriority;
  /** Why it ranks where it does: CVSS and the exposure steps. */
  riskReasons: string[];
  /** The asset's exposure in words. */
  exposure: string[];
  firstSeen: number;
  lastSeen: number;
  updatedAt: number;
}

/** One match with its risk, as the reconciler takes it. */
export interface RankedMatch {
  finding: Finding;
  risk: RiskScore;
  exposure: string[];
}

export interface FindingQuery {
  states?: readonly FindingState[];
  priority?: FindingPriority;
  asset?: string;
  /** Only the findings of these assets (e.g. those in a zone or site the caller may see). */
  assets?: ReadonlySet<string>;
  limit: number;
  offset?: number;
}

/** A finding's id: stable for one asset, advisory, CVE and product. */
export function findingId(f: Pick<Finding, 'assetId' | 'advisoryId' | 'cve' | 'productId'>): string {
  return createHash('sha256').update(JSON.stringify([f.assetId, f.advisoryId, f.cve ?? null, f.productId])).digest('hex').slice(0, 20);
}

type Row = Record<string, unknown>;

function findingOf(r: Row): StoredFinding {
  const match = JSON.parse(r.match as string) as Finding;
  const risk = JSON.parse(r.risk as string) as { reasons: string[]; exposure: string[] };
  return {
    ...match, id: r.id as string, score: r.score as number, priority: r.priority as FindingPriority, riskReasons: risk.reasons, exposure: risk.exposure,
    state: r.state as FindingState, ...(r.owner !== null ? { owner: r.owner as string } : {}), ...(r.accepted_until !== null ? { acceptedUntil: r.accepted_until as number } : {}),
    firstSeen: r.first_seen as number, lastSeen: r.last_seen as number, updatedAt: r.updated_at as number,
  };
}

export class FindingStore {
  readonly db: SqliteDb;

  private constructor(db: SqliteDb) {
    this.db = db;
  }

  /** Open (and migrate) the store in `dir`; `:memory:` for tests. Throws CW_INVENTORY_FINDING_STORE. */
  static open(dir: string | ':memory:'): FindingStore {
    try {
      if (dir !== ':memory:') mkdirSync(dir, { recursive: true });
      const file = dir === ':memory:' ? ':memory:' : join(dir, FINDINGS_FILE);
      return new FindingStore(openStateDatabase(file, { pragmas: ['journal_mode = WAL', 'synchronous = NORMAL', 'busy_timeout = 5000'], migrations: MIGRATIONS }));
    } catch (e) {
      throw new CausewayError('CW_INVENTORY_FINDING_STORE', { dir: String(dir), reason: detailOf(e) ?? 'unknown error' }, { cause: e });
    }
  }

  /**
   * Reconcile a new match of `assets` with the stored findings, in one transaction: insert the new
   * ones (open), refresh those found again, fix those of these assets no longer found, expire
   * acceptances. Returns the history entries written, with their finding ids.
   */
  reconcile(assets: ReadonlySet<string>, matches: readonly RankedMatch[], now: number): Array<HistoryEntry & { finding: string }> {
    const written: Array<HistoryEntry & { finding: string }> = [];
    this.db.transaction(() => {
      const seen = new Set<string>();
      for (const m of matches) {
        const id = findingId(m.finding);
        seen.add(id);
        const row = this.db.prepare('SELECT state, owner, accepted_until FROM findings WHERE id = ?').get(id) as Row | undefined;
        const match = JSON.stringify(m.finding);
        const risk = JSON.stringify({ reasons: m.risk.reasons, exposure: m.exposure });
        if (!row) {
          this.db.prepare(`INSERT INTO findings (id, asset, advisory, cve, product_id, verdict, score, priority, state, match, risk, first_seen, last_seen, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)`).run(id, m.finding.assetId, m.finding.advisoryId, m.finding.cve ?? null, m.finding.productId, m.finding.verdict, m.risk.score, m.risk.priority, match, risk, now, now, now);
          written.push(this.#history(id, { at: now, action: 'found', from: null, to: 'open', comment: m.finding.reasons.join(' ') }));
          continue;
        }
        const next = rematch(this.#status(row), true, now);
        this.db.prepare('UPDATE findings SET verdict = ?, score = ?, priority = ?, match = ?, risk = ?, state = ?, last_seen = ?, updated_at = ? WHERE id = ?')
          .run(m.finding.verdict, m.risk.score, m.risk.priority, match, risk, next.status.state, now, now, id);
        if (next.entry) written.push(this.#history(id, next.entry));
      }
      const stored = this.db.prepare("SELECT id, asset, state, owner, accepted_until FROM findings WHERE state != 'fixed'").all() as Row[];
      for (const r of stored) {
        const id = r.id as string;
        const gone = assets.has(r.asset as string) && !seen.has(id) ? rematch(this.#status(r), false, now) : expire(this.#status(r), now);
        if (gone.entry) {
          this.#save(id, gone.status, now);
          written.push(this.#history(id, gone.entry));
        }
      }
    })();
    return written;
  }

  /** A person's action on a finding; returns the finding after it and the history entry (for the audit). */
  act(id: string, action: FindingAction, user: string, now: number): { finding: StoredFinding; entry: HistoryEntry } {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT * FROM findings WHERE id = ?').get(id) as Row | undefined;
      if (!row) throw new CausewayError('CW_INVENTORY_FINDING_NOT_FOUND', { id });
      const next = act(id, this.#status(row), action, user, now);
      this.#save(id, next.status, now);
      this.#history(id, next.entry);
      return { finding: this.get(id)!, entry: next.entry };
    })();
  }

  get(id: string): StoredFinding | undefined {
    const row = this.db.prepare('SELECT * FROM findings WHERE id = ?').get(id) as Row | undefined;
    return row ? findingOf(row) : undefined;
  }

  history(id: string): HistoryEntry[] {
    const rows = this.db.prepare('SELECT * FROM history WHERE finding = ? ORDER BY seq').all(id) as Row[];
    return rows.map((r) => ({
      at: r.at as number, action: r.action as HistoryEntry['action'], from: r.from_state as FindingState | null, to: r.to_state as FindingState,
      ...(r.user !== null ? { user: r.user as string } : {}), ...(r.comment !== null ? { comment: r.comment as string } : {}),
    }));
  }

  /** Findings ranked by score (highest first), then by id; with the total before paging. */
  list(q: FindingQuery): { total: number; items: StoredFinding[] } {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.states && q.states.length > 0) {
      where.push(`state IN (${q.states.map(() => '?').join(', ')})`);
      args.push(...q.states);
    }
    for (const [column, value] of [['priority', q.priority], ['asset', q.asset]] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      args.push(value);
    }
    const sql = `SELECT * FROM findings ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY score DESC, id`;
    const visible = (this.db.prepare(sql).all(...args) as Row[]).filter((r) => !q.assets || q.assets.has(r.asset as string));
    const offset = q.offset ?? 0;
    return { total: visible.length, items: visible.slice(offset, offset + q.limit).map(findingOf) };
  }

  /** Open findings by priority (optionally of some assets only), for the Overview and reports. */
  openByPriority(assets?: ReadonlySet<string>): Record<FindingPriority, number> {
    const counts: Record<FindingPriority, number> = { P1: 0, P2: 0, P3: 0, P4: 0 };
    const rows = this.db.prepare("SELECT asset, priority FROM findings WHERE state = 'open'").all() as Row[];
    for (const r of rows) if (!assets || assets.has(r.asset as string)) counts[r.priority as FindingPriority] += 1;
    return counts;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  #status(r: Row): FindingStatus {
    return { state: r.state as FindingState, owner: (r.owner as string | null) ?? undefined, acceptedUntil: (r.accepted_until as number | null) ?? undefined };
  }

  #save(id: string, s: FindingStatus, now: number): void {
    this.db.prepare('UPDATE findings SET state = ?, owner = ?, accepted_until = ?, updated_at = ? WHERE id = ?').run(s.state, s.owner ?? null, s.acceptedUntil ?? null, now, id);
  }

  #history(id: string, e: HistoryEntry): HistoryEntry & { finding: string } {
    this.db.prepare('INSERT INTO history (finding, at, user, action, from_state, to_state, comment) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, e.at, e.user ?? null, e.action, e.from, e.to, e.comment ?? null);
    return { ...e, finding: id };
  }
}
