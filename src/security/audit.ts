/**
 * The audit log: append-only, hash-chained, and from its anchor on keyed. Each record's hash is
 * SHA-256 of the previous hash and the record (audit-chain.ts); each record from the anchor on also
 * carries an HMAC under the audit key (`<data dir>/audit.key`, not in the database) over the previous
 * MAC and its hash. The head is kept beside the chain, and the hub exports keyed checkpoints to a
 * file outside the database (audit-checkpoints.ts), so editing, deleting, cutting off the end or
 * recomputing the chain without the key all show in verify(). Appends are synchronous, in an
 * immediate transaction: when one fails the caller learns it at once and refuses what it was about to do.
 */
import { CausewayError, detailOf } from '../core/errors.js';
import { canonicalJson, ChainWalk, GENESIS, keyIdOf, recordHash, recordMac, type AuditEntry, type AuditOutcome, type AuditRecord } from './audit-chain.js';
import { appendCheckpoint, readCheckpoints, type Checkpoint } from './audit-checkpoints.js';
import { getSetting, setSetting, type Db } from './store.js';

export { canonicalJson, recordHash } from './audit-chain.js';
export type { AuditEntry, AuditOutcome, AuditRecord } from './audit-chain.js';

interface VerifyFacts {
  /** Records checked with the unkeyed hash chain only (written before the anchor). */
  legacy: number;
  /** The first record of the keyed chain. */
  keyedFrom?: number;
  /** The newest exported checkpoint the log was checked against. */
  checkpoint?: { seq: number; at: number; file: string };
  /** Things verify could not prove (no checkpoint file, …). */
  warnings: string[];
}

export type VerifyResult =
  | ({ ok: true; count: number; head?: { seq: number; hash: string } } & VerifyFacts)
  | ({ ok: false; count: number; seq: number; problem: string } & VerifyFacts);

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

const HEAD_KEY = 'audit.head';
const ANCHOR_KEY = 'audit.anchor';

interface Row { seq: number; ts: number; actor: string; address: string | null; action: string; target: string | null; outcome: string; detail: string | null; prev_hash: string; hash: string; mac: string | null }

function fromRow(row: Row): AuditRecord {
  return {
    seq: row.seq, ts: row.ts, actor: row.actor, action: row.action, outcome: row.outcome as AuditOutcome, prevHash: row.prev_hash, hash: row.hash,
    ...(row.address !== null ? { address: row.address } : {}),
    ...(row.target !== null ? { target: row.target } : {}),
    ...(row.detail !== null ? { detail: JSON.parse(row.detail) as Record<string, unknown> } : {}),
    ...(row.mac !== null && row.mac !== undefined ? { mac: row.mac } : {}),
  };
}

export interface AuditOptions {
  now: () => number;
  /** Called when the log stops recording (and with undefined when it records again): raise an alarm. */
  onHealthChange?: (failure: string | undefined) => void;
  /** The audit key; undefined when it could not be read (verify then says so). */
  key?: Buffer;
  /** Where the key lives, for messages; `keyFound` says whether the file is there. */
  keyFile: string;
  keyFound: boolean;
  /** The folder of the exported checkpoints. */
  checkpointDir: string;
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

  #insert(entry: AuditEntry, prevMacOverride?: string): AuditRecord {
    const last = this.#db.prepare('SELECT seq, hash, mac FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string; mac: string | null } | undefined;
    const prevHash = last?.hash ?? GENESIS;
    const base = { ...entry, seq: (last?.seq ?? 0) + 1, ts: this.#opts.now() };
    const hash = recordHash(prevHash, base);
    const anchor = this.anchorSeq();
    let mac: string | undefined;
    if (anchor !== undefined && base.seq >= anchor) {
      if (!this.#opts.key) throw new CausewayError('CW_AUDIT_KEY', { file: this.#opts.keyFile, reason: 'it is missing or unreadable, and the log is keyed' });
      mac = recordMac(this.#opts.key, prevMacOverride ?? (last && last.seq >= anchor ? last.mac ?? GENESIS : GENESIS), hash);
    }
    this.#db
      .prepare('INSERT INTO audit (seq, ts, actor, address, action, target, outcome, detail, prev_hash, hash, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(base.seq, base.ts, entry.actor, entry.address ?? null, entry.action, entry.target ?? null, entry.outcome, entry.detail ? canonicalJson(entry.detail) : null, prevHash, hash, mac ?? null);
    setSetting(this.#db, HEAD_KEY, `${base.seq}:${hash}`);
    return { ...base, prevHash, hash, ...(mac ? { mac } : {}) };
  }

  /** The first record of the keyed chain, once anchored. */
  anchorSeq(): number | undefined {
    const v = getSetting(this.#db, ANCHOR_KEY);
    return v === undefined ? undefined : Number(v);
  }

  /**
   * Start the keyed chain (once): an empty log is keyed from record 1; a log with records gets an
   * `audit.anchor` record that names the unkeyed chain's head and whether it verified, and is the
   * first keyed record. Records before it stay readable and are verified with the old hash chain.
   */
  anchor(): void {
    const key = this.#opts.key;
    if (!key || this.anchorSeq() !== undefined) return;
    const legacy = this.#walk(undefined, new Map());
    this.#db.transaction(() => {
      if (this.anchorSeq() !== undefined) return;
      const last = this.#db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
      setSetting(this.#db, ANCHOR_KEY, String((last?.seq ?? 0) + 1));
      if (!last) return;
      const previousChain = legacy.problem ? `broken at record ${legacy.problem.seq}: ${legacy.problem.problem}` : 'intact';
      this.#insert({ actor: 'system', action: 'audit.anchor', outcome: 'success', detail: { previousRecords: last.seq, previousHead: last.hash, previousChain, keyId: keyIdOf(key), algorithm: 'HMAC-SHA256' } }, GENESIS);
    }).immediate();
  }

  /** The newest record's sequence number and MAC. */
  head(): { seq: number; mac?: string } | undefined {
    const r = this.#db.prepare('SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; mac: string | null } | undefined;
    return r ? { seq: r.seq, ...(r.mac ? { mac: r.mac } : {}) } : undefined;
  }

  /** Export the anchor line (when `withAnchor`) and a checkpoint of the head unless `since` already names it; returns the seq exported. */
  exportCheckpoint(since: number | undefined, withAnchor: boolean): number | undefined {
    const key = this.#opts.key;
    const anchor = this.anchorSeq();
    if (!key || anchor === undefined) return since;
    const at = this.#opts.now();
    const keyId = keyIdOf(key);
    if (withAnchor) {
      const first = this.#db.prepare('SELECT mac FROM audit WHERE seq = ?').get(anchor) as { mac: string | null } | undefined;
      const before = this.#db.prepare('SELECT hash FROM audit WHERE seq = ?').get(anchor - 1) as { hash: string } | undefined;
      appendCheckpoint(this.#opts.checkpointDir, key, { v: 1, kind: 'anchor', seq: anchor, ...(first?.mac ? { mac: first.mac } : {}), legacyHead: before?.hash ?? GENESIS, at, keyId });
    }
    const head = this.head();
    if (!head?.mac || head.seq === since) return since;
    appendCheckpoint(this.#opts.checkpointDir, key, { v: 1, kind: 'checkpoint', seq: head.seq, mac: head.mac, at, keyId });
    return head.seq;
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

  #walk(anchor: number | undefined, expectMac: Map<number, string>): { walk: ChainWalk; problem?: { seq: number; problem: string } } {
    const walk = new ChainWalk(this.#opts.key, anchor, expectMac);
    for (const row of this.#db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<Row>) {
      const problem = walk.next(fromRow(row));
      if (problem) return { walk, problem };
    }
    return { walk };
  }

  /**
   * Walk the whole chain: the unkeyed hash chain before the anchor, hash and MAC from it on, and the
   * exported checkpoints (each must still name a record with the same MAC); report the first problem.
   */
  verify(): VerifyResult {
    const anchor = this.anchorSeq();
    const { key, keyFile, keyFound, checkpointDir } = this.#opts;
    const exported = readCheckpoints(checkpointDir, key);
    const lines = exported.lines.filter((l) => key && l.keyId === keyIdOf(key));
    const newest = lines.filter((l) => l.kind === 'checkpoint').reduce<Checkpoint | undefined>((a, l) => (!a || l.seq > a.seq ? l : a), undefined);
    const warnings: string[] = [];
    if (anchor !== undefined && !newest) warnings.push(`no exported checkpoint in ${exported.file}: records cut from the end could only be found by the head the database keeps`);
    const facts = (legacy: number): VerifyFacts => ({
      legacy, ...(anchor !== undefined ? { keyedFrom: anchor } : {}), ...(newest ? { checkpoint: { seq: newest.seq, at: newest.at, file: exported.file } } : {}), warnings,
    });
    const fail = (count: number, legacy: number, seq: number, problem: string): VerifyResult => ({ ok: false, count, seq, problem, ...facts(legacy) });
    if (exported.bad) return fail(0, 0, 0, `line ${exported.bad.line} of the exported checkpoints ${exported.file}: ${exported.bad.problem}`);
    if (anchor !== undefined && !key) return fail(0, 0, anchor, `the audit key ${keyFile} is missing or unreadable, so records from ${anchor} on cannot be verified; restore it from the backup of the data directory`);
    if (anchor === undefined && keyFound) return fail(0, 0, 1, `the data directory holds an audit key (${keyFile}), but the log has no keyed chain: its anchor was removed from the database`);
    const anchorLine = lines.find((l) => l.kind === 'anchor');
    if (anchorLine && anchorLine.seq !== anchor) return fail(0, 0, Math.min(anchorLine.seq, anchor ?? anchorLine.seq), `the keyed chain starts at record ${anchor ?? '(none)'}, but the exported anchor says ${anchorLine.seq} (the anchor was moved)`);
    const expectMac = new Map(lines.filter((l) => l.mac !== undefined).map((l) => [l.seq, l.mac!]));
    const { walk, problem } = this.#walk(anchor, expectMac);
    if (problem) return fail(walk.count, walk.legacy, problem.seq, problem.problem);
    const count = walk.count;
    if (newest && newest.seq > count) {
      return fail(count, walk.legacy, count + 1, `records ${count + 1} to ${newest.seq} were cut from the end: the checkpoint exported at ${new Date(newest.at).toISOString()} names record ${newest.seq}`);
    }
    const head = getSetting(this.#db, HEAD_KEY);
    const [headSeq, headHash] = head ? [Number(head.split(':')[0]), head.split(':')[1]] : [0, GENESIS];
    if (headSeq > count) return fail(count, walk.legacy, count + 1, `the log ends at record ${count}, but ${headSeq} records were written (records at the end were deleted)`);
    if (headSeq !== count || headHash !== walk.headHash) return fail(count, walk.legacy, headSeq, 'the recorded head of the chain does not match its last record (records were added or replaced outside the hub)');
    return { ok: true, count, ...(count > 0 ? { head: { seq: count, hash: walk.headHash } } : {}), ...facts(walk.legacy) };
  }
}
