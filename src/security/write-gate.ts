/**
 * The write gate: the only road down to a machine (ARCHITECTURE §1, §5). A write request passes
 * permission → target → conduit → limits → approval (when the conduit requires it, a second person
 * confirms within the approval time) → rate limit → audit → source.write() → read-back, and every
 * request, decision and outcome is in the audit log. A refusal names the step that refused it.
 */
import { CausewayError, detailOf, isCausewayError } from '../core/errors.js';
import { TokenBucket } from '../core/rate-limit.js';
import type { Value } from '../core/sample.js';
import type { ConduitRule } from '../core/zones.js';
import type { AuditEntry, AuditLog } from './audit.js';
import type { PendingWrites, Person, WriteRecord, WriteState } from './pending-writes.js';
import type { Subject } from './rbac.js';
import { sameValue, toRawValue, type RawTransform } from './raw-value.js';
import { checkApprover, checkConduit, checkLimits, checkPermission, resolveTarget, stepOf, type DownFlow, type ResolvedTarget, type WriteAttribute, type WriteSource } from './write-steps.js';

/** What the gate needs of the running plant; the runtime implements it over the namespace and sources. */
export interface WritePlant {
  attribute(path: string): WriteAttribute | undefined;
  source(id: string): (WriteSource & { state: string; write(tagId: string, value: Value): Promise<void> }) | undefined;
  /** The upward transforms of an attribute's values, to undo for the raw value. */
  transforms(path: string): RawTransform[];
  live(path: string): { value: Value; ts: number } | undefined;
}

export interface WritePolicy {
  /** How long a request waits for its approval. */
  approvalMs: number;
  /** Writes per minute one account may make to one attribute (also the burst). */
  perMinute: number;
  /** How long to wait for the value to come back from the device; 0 skips the read-back. */
  verifyMs: number;
  /** Write requests per minute one account may send, to any attribute (also the burst). */
  requestsPerMinute: number;
}

export interface Requester extends Person {
  subject: Subject;
  address?: string;
}

export interface WriteGateOptions {
  pending: PendingWrites;
  audit: AuditLog;
  plant: WritePlant;
  conduits: readonly ConduitRule[];
  hubZone: string;
  policy: WritePolicy;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** False when the account behind a requester is disabled or removed: its pending writes are cancelled. */
  active?: (userId: string) => boolean;
}

/** Told of every request that reached a final state (done, failed, denied, expired, cancelled). */
export type WriteSettled = (w: WriteRecord) => void;

const POLL_MS = 50;
const person = (p: Person): Person => ({ id: p.id, name: p.name });
const reasonOf = (e: unknown) => (detailOf(e) ?? 'unknown error').replace(/\.$/, '');

export class WriteGate {
  readonly #o: WriteGateOptions;
  readonly #buckets = new Map<string, TokenBucket>();
  readonly #requestBuckets = new Map<string, TokenBucket>();
  readonly #settled = new Set<WriteSettled>();
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(o: WriteGateOptions) {
    this.#o = o;
    this.#sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /**
   * Request a write: done at once, or pending when the conduit requires approval. Throws the refusal.
   * `flow` is commands (an operator's write, the default) or orders (a work order's setpoints).
   */
  async request(who: Requester, req: { path: string; value: unknown; reason?: string; flow?: DownFlow }): Promise<WriteRecord> {
    const { plant } = this.#o;
    const tooMany = this.#requestRate(who);
    if (tooMany) return this.#refused(who, 'write.request', req.path, tooMany, { value: req.value });
    const attribute = plant.attribute(req.path);
    const zone = attribute?.boundTo ? plant.source(attribute.boundTo.split('/')[0]!)?.zone : undefined;
    const refuse = (err: CausewayError) => this.#refused(who, 'write.request', req.path, err, { value: req.value });
    const denied = checkPermission(who.subject, req.path, zone);
    if (denied) return refuse(denied);
    const target = resolveTarget(req.path, attribute, (id) => plant.source(id));
    if (target instanceof CausewayError) return refuse(target);
    const flow = req.flow ?? 'commands';
    const conduit = checkConduit(this.#o.conduits, this.#o.hubZone, target, flow);
    if (conduit instanceof CausewayError) return refuse(conduit);
    const outside = checkLimits(target.attribute, req.value);
    if (outside) return refuse(outside);

    const now = this.#o.now();
    const state: WriteState = conduit.approval ? 'pending' : 'approved';
    const w = this.#o.pending.add({ path: req.path, zone: target.zone, value: req.value as Value, ...(req.reason ? { reason: req.reason } : {}), requester: person(who), requestedAt: now, expiresAt: now + this.#o.policy.approvalMs, state });
    const recorded = this.#record({ actor: who.name, ...(who.address ? { address: who.address } : {}), action: 'write.request', target: req.path, outcome: conduit.approval ? 'pending' : 'success', detail: { writeId: w.id, value: req.value, flow, approvalRequired: conduit.approval, ...(req.reason ? { reason: req.reason } : {}) } });
    if (!recorded) return this.#fail(w, this.#auditError(req.path), who);
    if (conduit.approval) return w;
    return this.#execute(w, target, who);
  }

  /** Be told when a request reaches a final state; returns the unsubscribe. */
  onSettled(listener: WriteSettled): () => void {
    this.#settled.add(listener);
    return () => void this.#settled.delete(listener);
  }

  /**
   * Cancel a pending request on the hub's own account (its order was cancelled, its requester
   * disabled): audited as write.cancel by `actor`; false when it was no longer pending.
   */
  cancel(id: string, reason: string, actor = 'system'): boolean {
    const w = this.#o.pending.get(id);
    if (!w || !this.#o.pending.cancel(id, this.#o.now(), { reason, by: actor })) return false;
    this.#record({ actor, action: 'write.cancel', target: w.path, outcome: 'success', detail: { writeId: id, requester: w.requester.name, value: w.value, reason } });
    this.#notify(id);
    return true;
  }

  /** Expire requests whose time is up and cancel those of disabled or removed requesters, now. */
  sweep(): void {
    this.#expire();
  }

  /** Approve a pending write as a second person and carry it out. */
  async approve(who: Requester, id: string): Promise<WriteRecord> {
    const w = this.#pendingOf(who, id, 'write.approve');
    const refusal = checkApprover(who, w);
    if (refusal) return this.#refused(who, 'write.approve', w.path, refusal, { writeId: id });
    const target = resolveTarget(w.path, this.#o.plant.attribute(w.path), (sid) => this.#o.plant.source(sid));
    if (target instanceof CausewayError) return this.#refused(who, 'write.approve', w.path, target, { writeId: id });
    if (!this.#o.pending.claim(id, 'approved', person(who), this.#o.now())) return this.#notPending(who, id, 'write.approve');
    if (!this.#record({ actor: who.name, ...(who.address ? { address: who.address } : {}), action: 'write.approve', target: w.path, outcome: 'success', detail: { writeId: id, requester: w.requester.name, value: w.value } })) {
      this.#o.pending.release(id);
      throw this.#auditError(w.path);
    }
    return this.#execute({ ...w, state: 'approved', approver: person(who) }, target, who);
  }

  /** Deny a pending write (an approver), or withdraw it (its requester). */
  deny(who: Requester, id: string, reason?: string): WriteRecord {
    const w = this.#pendingOf(who, id, 'write.deny');
    if (who.id !== w.requester.id) {
      const refusal = checkApprover(who, w);
      if (refusal) return this.#refused(who, 'write.deny', w.path, refusal, { writeId: id });
    }
    if (!this.#o.pending.claim(id, 'denied', person(who), this.#o.now())) return this.#notPending(who, id, 'write.deny');
    if (!this.#record({ actor: who.name, ...(who.address ? { address: who.address } : {}), action: 'write.deny', target: w.path, outcome: 'success', detail: { writeId: id, requester: w.requester.name, value: w.value, ...(reason ? { reason } : {}) } })) {
      this.#o.pending.release(id);
      throw this.#auditError(w.path);
    }
    this.#o.pending.finish(id, 'denied', { ...(reason ? { reason } : {}), by: who.name });
    this.#notify(id);
    return this.#o.pending.get(id)!;
  }

  /** Write requests, newest first (expired ones marked so first). */
  list(q: { state?: WriteState; limit: number }): WriteRecord[] {
    this.#expire();
    return this.#o.pending.list(q);
  }

  get(id: string): WriteRecord | undefined {
    this.#expire();
    return this.#o.pending.get(id);
  }

  #pendingOf(who: Requester, id: string, action: string): WriteRecord {
    this.#expire();
    const w = this.#o.pending.get(id);
    if (!w) throw new CausewayError('CW_WRITE_NOT_FOUND', { id });
    if (w.state !== 'pending') return this.#notPending(who, id, action);
    return w;
  }

  #notPending(who: Requester, id: string, action: string): never {
    const w = this.#o.pending.get(id)!;
    const err = w.state === 'cancelled' && w.outcome?.reason === 'requester disabled'
      ? new CausewayError('CW_WRITE_REQUESTER_DISABLED', { step: 'approval', id })
      : new CausewayError('CW_WRITE_NOT_PENDING', { step: 'approval', id, state: w.state });
    return this.#refused(who, action, w.path, err, { writeId: id });
  }

  /** Expire requests whose time is up, and cancel those whose requester's account is disabled or gone. */
  #expire(): void {
    for (const w of this.#o.pending.expire(this.#o.now())) {
      this.#record({ actor: 'system', action: 'write.expire', target: w.path, outcome: 'failure', detail: { writeId: w.id, requester: w.requester.name, value: w.value } });
      this.#notify(w.id);
    }
    const active = this.#o.active;
    if (!active) return;
    for (const w of this.#o.pending.pending()) if (!active(w.requester.id)) this.cancel(w.id, 'requester disabled');
  }

  #notify(id: string): void {
    const w = this.#o.pending.get(id);
    if (!w) return;
    for (const listener of this.#settled) {
      try {
        listener(w);
      } catch {
        // A listener's failure is its own; the write's outcome stands.
      }
    }
  }

  /** Write requests per account and minute, refused or not, so an account cannot probe or flood the gate. */
  #requestRate(who: Requester): CausewayError | undefined {
    const perMinute = this.#o.policy.requestsPerMinute;
    const now = this.#o.now();
    let bucket = this.#requestBuckets.get(who.id);
    if (!bucket) this.#requestBuckets.set(who.id, (bucket = new TokenBucket(perMinute / 60, perMinute, now)));
    const taken = bucket.take(now);
    if (taken.ok) return undefined;
    const seconds = Number.isFinite(taken.retryAfterMs) ? Math.max(1, Math.ceil(taken.retryAfterMs / 1000)) : 60;
    return new CausewayError('CW_WRITE_TOO_MANY_REQUESTS', { step: 'rate', perMinute, seconds }, { retryAfterSeconds: seconds });
  }

  async #execute(w: WriteRecord, t: ResolvedTarget, who: Requester): Promise<WriteRecord> {
    const limited = this.#rateLimit(w);
    if (limited) return this.#fail(w, limited, who);
    const source = this.#o.plant.source(t.sourceId);
    if (!source || source.state !== 'connected') {
      return this.#fail(w, new CausewayError('CW_WRITE_SOURCE_FAILED', { step: 'source', path: w.path, reason: `source ${t.sourceId} is ${source?.state ?? 'gone'}, not connected` }), who);
    }
    const raw = toRawValue(w.value, this.#o.plant.transforms(w.path));
    if ('problem' in raw) return this.#fail(w, new CausewayError('CW_WRITE_OUT_OF_LIMITS', { step: 'limits', path: w.path, problem: raw.problem }), who);
    const oldValue = this.#o.plant.live(w.path)?.value ?? null;
    const people = { requester: w.requester.name, ...(w.approver ? { approver: w.approver.name } : {}) };
    if (!this.#record({ actor: who.name, ...(who.address ? { address: who.address } : {}), action: 'write.dispatch', target: w.path, outcome: 'pending', detail: { writeId: w.id, oldValue, newValue: w.value, raw: raw.value, source: t.sourceId, tag: t.tagId, ...people } })) {
      return this.#fail(w, this.#auditError(w.path), who);
    }
    const at = this.#o.now();
    try {
      await source.write(t.tagId, raw.value);
    } catch (e) {
      return this.#fail(w, new CausewayError('CW_WRITE_SOURCE_FAILED', { step: 'source', path: w.path, reason: reasonOf(e) }, { cause: e }), who, { oldValue, sourceError: isCausewayError(e) ? e.code : undefined });
    }
    const read = await this.#readBack(w.path, w.value, at);
    if (!read.ok) return this.#fail(w, new CausewayError('CW_WRITE_NOT_VERIFIED', { step: 'verify', path: w.path, written: JSON.stringify(w.value), read: read.seen }), who, { oldValue });
    const outcome = { oldValue, newValue: w.value, verified: this.#o.policy.verifyMs > 0, ...people };
    this.#o.pending.finish(w.id, 'done', outcome);
    this.#record({ actor: who.name, ...(who.address ? { address: who.address } : {}), action: 'write.execute', target: w.path, outcome: 'success', detail: { writeId: w.id, ...outcome } });
    this.#notify(w.id);
    return this.#o.pending.get(w.id)!;
  }

  #rateLimit(w: WriteRecord): CausewayError | undefined {
    const key = `${w.requester.id}\u0000${w.path}`;
    const now = this.#o.now();
    let bucket = this.#buckets.get(key);
    if (!bucket) this.#buckets.set(key, (bucket = new TokenBucket(this.#o.policy.perMinute / 60, this.#o.policy.perMinute, now)));
    const taken = bucket.take(now);
    if (taken.ok) return undefined;
    const seconds = Number.isFinite(taken.retryAfterMs) ? Math.ceil(taken.retryAfterMs / 1000) : 60;
    return new CausewayError('CW_WRITE_RATE_LIMITED', { step: 'rate', path: w.path, seconds }, { retryAfterSeconds: seconds });
  }

  /** Wait for the value to come back from the device through the live namespace. */
  async #readBack(path: string, value: Value, since: number): Promise<{ ok: true } | { ok: false; seen: string }> {
    if (this.#o.policy.verifyMs <= 0) return { ok: true };
    const deadline = this.#o.now() + this.#o.policy.verifyMs;
    for (;;) {
      const live = this.#o.plant.live(path);
      const fresh = live !== undefined && live.ts >= since;
      if (live && sameValue(live.value, value) && (fresh || this.#o.now() >= deadline)) return { ok: true };
      if (this.#o.now() >= deadline) return { ok: false, seen: live && fresh ? JSON.stringify(live.value) : 'no new value' };
      await this.#sleep(POLL_MS);
    }
  }

  #fail(w: WriteRecord, err: CausewayError, who: Requester, extra: Record<string, unknown> = {}): never {
    const step = stepOf(err) ?? '';
    this.#o.pending.finish(w.id, 'failed', { step, code: err.code, ...extra });
    this.#record({ actor: who.name, ...(who.address ? { address: who.address } : {}), action: 'write.execute', target: w.path, outcome: 'failure', detail: { writeId: w.id, step, code: err.code, value: w.value, requester: w.requester.name, ...(w.approver ? { approver: w.approver.name } : {}), ...extra } });
    this.#notify(w.id);
    throw err;
  }

  #refused(who: Requester, action: string, path: string, err: CausewayError, detail: Record<string, unknown>): never {
    this.#record({ actor: who.name, ...(who.address ? { address: who.address } : {}), action, target: path, outcome: 'refused', detail: { step: stepOf(err) ?? '', code: err.code, ...detail } });
    throw err;
  }

  /** Append to the audit log; false when it cannot record (the log raises its alarm itself). */
  #record(entry: AuditEntry): boolean {
    try {
      this.#o.audit.append(entry);
      return true;
    } catch {
      return false;
    }
  }

  #auditError(path: string): CausewayError {
    return new CausewayError('CW_WRITE_AUDIT_UNAVAILABLE', { step: 'audit', path });
  }
}
