/** Production confirmations (pure): what goes back to the ERP when an order completes, or at intervals while it runs. */
import type { OrderStatus, WorkOrder } from './orders.js';

export interface OeeFigures {
  availability: number | null;
  performance: number | null;
  quality: number | null;
  oee: number | null;
}

/** One confirmation of one order. Times are ISO 8601 (UTC). */
export interface Confirmation {
  /** `<order id>-<sequence>`: the idempotency key; the same on every retry of the same confirmation. */
  key: string;
  orderId: string;
  /** 1, 2, … per order: interim confirmations count up, the final one is last. */
  sequence: number;
  /** True when the order is completed or cancelled: no confirmation of it follows. */
  final: boolean;
  status: OrderStatus;
  line: string;
  product: string;
  unit: string;
  /** The quantity ordered. */
  quantity: number;
  /** Units made so far, good and scrap. */
  good: number;
  scrap: number;
  startedAt?: string;
  /** The end of the production confirmed (now for an interim confirmation). */
  endedAt: string;
  createdAt: string;
  oee?: OeeFigures;
}

/** The idempotency key of an order's n-th confirmation. */
export function confirmationKey(orderId: string, sequence: number): string {
  return `${orderId}-${sequence}`;
}

const iso = (t: number) => new Date(t).toISOString();

/** The confirmation of `order` as it stands at `now`. */
export function confirmationOf(order: WorkOrder, sequence: number, now: number, oee?: OeeFigures): Confirmation {
  const final = order.status === 'completed' || order.status === 'cancelled';
  const end = order.completedAt ?? order.cancelledAt ?? now;
  return {
    key: confirmationKey(order.id, sequence), orderId: order.id, sequence, final, status: order.status,
    line: order.line, product: order.product, unit: order.unit, quantity: order.quantity, good: order.good, scrap: order.scrap,
    ...(order.startedAt !== undefined ? { startedAt: iso(order.startedAt) } : {}),
    endedAt: iso(end), createdAt: iso(now),
    ...(oee ? { oee } : {}),
  };
}
