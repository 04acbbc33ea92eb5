/**
 * The audit chain's arithmetic, pure: each record's hash is SHA-256 of the previous hash and the
 * record's canonical JSON (the unkeyed chain, kept for records written before the keyed chain was
 * anchored), and from the anchor on each record also carries a MAC, HMAC-SHA256 under the audit
 * key of the previous MAC and the record's hash. The key is not in the database, so whoever can
 * only rewrite the database cannot make MACs that verify.
 */
import { createHash, createHmac } from 'node:crypto';

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
  /** The keyed MAC; absent on records written before the keyed chain's anchor. */
  mac?: string;
}

export const GENESIS = '0'.repeat(64);

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
export function recordHash(prevHash: string, r: Omit<AuditRecord, 'prevHash' | 'hash' | 'mac'>): string {
  const body = { seq: r.seq, ts: r.ts, actor: r.actor, address: r.address ?? null, action: r.action, target: r.target ?? null, outcome: r.outcome, detail: r.detail ?? null };
  return createHash('sha256').update(prevHash).update(canonicalJson(body)).digest('hex');
}

/** The MAC of a record: the previous MAC (GENESIS at the anchor) and the record's hash, under the key. */
export function recordMac(key: Buffer, prevMac: string, hash: string): string {
  return createHmac('sha256', key).update(`audit-record\n${prevMac}\n${hash}`).digest('hex');
}

/** A MAC of any JSON value under the key (checkpoint lines). */
export function valueMac(key: Buffer, value: unknown): string {
  return createHmac('sha256', key).update(`audit-checkpoint\n${canonicalJson(value)}`).digest('hex');
}

/** A short public name of a key, to tell "another key" from "a changed record". */
export function keyIdOf(key: Buffer): string {
  return createHmac('sha256', key).update('audit-key-id').digest('hex').slice(0, 16);
}

export interface ChainProblem {
  seq: number;
  problem: string;
}

/** Walks records in order and names the first that does not hold; `anchor` is where MACs begin. */
export class ChainWalk {
  readonly #key: Buffer | undefined;
  readonly #anchor: number | undefined;
  readonly #expectMac: Map<number, string>;
  #prevHash = GENESIS;
  #prevMac = GENESIS;
  #expected = 1;
  count = 0;
  legacy = 0;

  /** `expectMac`: seq → MAC the exported checkpoints name. */
  constructor(key: Buffer | undefined, anchor: number | undefined, expectMac: Map<number, string>) {
    this.#key = key;
    this.#anchor = anchor;
    this.#expectMac = expectMac;
  }

  get headHash(): string {
    return this.#prevHash;
  }

  /** The next record; a problem ends the walk. */
  next(r: AuditRecord): ChainProblem | undefined {
    const seq = this.#expected;
    if (r.seq !== seq) return { seq, problem: `record ${seq}${r.seq > seq + 1 ? ` to ${r.seq - 1}` : ''} is missing (deleted)` };
    if (r.prevHash !== this.#prevHash) return { seq, problem: 'its link to the previous record does not match (a record before it was changed or replaced)' };
    if (recordHash(this.#prevHash, r) !== r.hash) return { seq, problem: 'its content does not match its hash (the record was edited)' };
    const keyed = this.#anchor !== undefined && seq >= this.#anchor;
    if (!keyed && r.mac !== undefined) return { seq, problem: 'it carries a MAC but lies before the anchor of the keyed chain (the anchor was moved)' };
    if (keyed) {
      if (r.mac === undefined) return { seq, problem: 'it has no MAC although the keyed chain starts at record ' + this.#anchor + ' (it was written or rewritten without the audit key)' };
      if (this.#key && recordMac(this.#key, this.#prevMac, r.hash) !== r.mac) return { seq, problem: 'its MAC does not match (the record was edited, or the chain rewritten, without the audit key)' };
      this.#prevMac = r.mac;
    } else {
      this.legacy++;
    }
    const exported = this.#expectMac.get(seq);
    if (exported !== undefined && exported !== r.mac) return { seq, problem: 'it differs from the exported checkpoint that names it (the log was rewritten)' };
    this.#prevHash = r.hash;
    this.#expected++;
    this.count++;
    return undefined;
  }
}
