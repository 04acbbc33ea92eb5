/**
 * The confirmation outbox: each confirmation is stored once per target in the same transaction
 * that changed the order, then delivered by deliverDue() — called by the runtime on its schedule —
 * until the target accepts it. A retryable failure waits 5 s, 10 s, 20 s, … up to 15 min; a refusal
 * stays `failed` until retried by hand. Every target receives the idempotency key, so a delivery
 * repeated after a lost answer is recognised on the other side: exactly once per confirmation.
 */
import { isCausewayError } from '../core/errors.js';
import type { Confirmation } from './confirmation.js';
import type { ProductionStore } from './store.js';

export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** A confirmation target: webhook, staging table or B2MML file. Throws CW_ERP_CONFIRM_FAILED (retry) or CW_ERP_CONFIRM_REJECTED (not). */
export interface ConfirmationTarget {
  id: string;
  kind: 'webhook' | 'staging' | 'folder';
  send(c: Confirmation): Promise<void>;
  close?(): Promise<void>;
}

/** One confirmation at one target, as the API shows it. */
export interface Delivery {
  key: string;
  target: string;
  orderId: string;
  state: DeliveryState;
  attempts: number;
  createdAt: number;
  nextAttemptAt?: number;
  deliveredAt?: number;
  lastError?: string;
  confirmation: Confirmation;
}

export const RETRY_BASE_MS = 5000;
export const RETRY_MAX_MS = 15 * 60_000;

/** The pause before attempt n + 1 after n failed attempts. */
export function retryDelay(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

type Row = Record<string, unknown>;

function deliveryOf(r: Row): Delivery {
  const state = r.state as DeliveryState;
  return {
    key: r.key as string, target: r.target as string, orderId: r.order_id as string, state, attempts: r.attempts as number, createdAt: r.created_at as number,
    ...(state === 'pending' ? { nextAttemptAt: r.next_at as number } : {}),
    ...(r.delivered_at !== null ? { deliveredAt: r.delivered_at as number } : {}),
    ...(r.last_error !== null ? { lastError: r.last_error as string } : {}),
    confirmation: JSON.parse(r.payload as string) as Confirmation,
  };
}

export class Outbox {
  readonly #store: ProductionStore;
  readonly #targets: ReadonlyMap<string, ConfirmationTarget>;
  #running = false;

  constructor(store: ProductionStore, targets: readonly ConfirmationTarget[]) {
    this.#store = store;
    this.#targets = new Map(targets.map((t) => [t.id, t]));
  }

  /** Queue a confirmation for every target (call inside the transaction that changed the order). */
  enqueue(c: Confirmation, now: number): void {
    const insert = this.#store.db.prepare(`INSERT INTO outbox (key, target, order_id, payload, state, next_at, created_at) VALUES (?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT(key, target) DO NOTHING`);
    for (const id of this.#targets.keys()) insert.run(c.key, id, c.orderId, JSON.stringify(c), now, now);
  }

  /** Deliveries, newest first, optionally of one order or state. */
  list(q: { orderId?: string; state?: DeliveryState; limit?: number } = {}): Delivery[] {
    const rows = this.#store.db.prepare(`SELECT * FROM outbox WHERE (@order IS NULL OR order_id = @order) AND (@state IS NULL OR state = @state) ORDER BY created_at DESC, key DESC, target LIMIT @limit`)
      .all({ order: q.orderId ?? null, state: q.state ?? null, limit: q.limit ?? 200 }) as Row[];
    return rows.map(deliveryOf);
  }

  /** Make a failed (or pending) confirmation due now again; false when there is none with that key. */
  retry(key: string, now: number): boolean {
    return this.#store.db.prepare(`UPDATE outbox SET state = 'pending', next_at = ? WHERE key = ? AND state != 'delivered'`).run(now, key).changes > 0;
  }

  /** Send every confirmation that is due, one after the other; returns how many were delivered. */
  async deliverDue(now: number): Promise<number> {
    if (this.#running) return 0;
    this.#running = true;
    try {
      const due = this.#store.db.prepare(`SELECT * FROM outbox WHERE state = 'pending' AND next_at <= ? ORDER BY created_at, key LIMIT 100`).all(now) as Row[];
      let delivered = 0;
      for (const row of due) if (await this.#deliver(deliveryOf(row), now)) delivered++;
      return delivered;
    } finally {
      this.#running = false;
    }
  }

  async #deliver(d: Delivery, now: number): Promise<boolean> {
    const target = this.#targets.get(d.target);
    const update = this.#store.db.prepare('UPDATE outbox SET state = @state, attempts = @attempts, next_at = @next, last_error = @error, delivered_at = @at WHERE key = @key AND target = @target');
    const attempts = d.attempts + 1;
    try {
      if (!target) throw new Error(`target ${d.target} is no longer configured`);
      await target.send(d.confirmation);
      update.run({ state: 'delivered', attempts, next: now, error: null, at: now, key: d.key, target: d.target });
      return true;
    } catch (e) {
      const refused = !target || isCausewayError(e, 'CW_ERP_CONFIRM_REJECTED');
      const error = e instanceof Error ? e.message : String(e);
      update.run({ state: refused ? 'failed' : 'pending', attempts, next: now + retryDelay(attempts), error, at: null, key: d.key, target: d.target });
      return false;
    }
  }

  async close(): Promise<void> {
    for (const t of this.#targets.values()) await t.close?.();
  }
}
