/**
 * Dispatch: starting an order on a line writes its order number, product, target quantity and the
 * product's speed to the line's PLC — through a write gate, the only road down to a machine, on
 * the `orders` flow. `WriteGate` here is the least the production application needs; the hub hands
 * in the security module's gate (src/runtime/security.ts orderGate: permission, orders conduit,
 * limits, approval, rate limit, audit, read-back). `conduitGate` is the fallback where no gate is
 * handed in (tests, tools): it checks the target (a writable attribute bound to a source tag), the
 * conduit that must allow `orders` from the hub's zone into the PLC's zone and the attribute's
 * limits, then writes through the source — no identity, approval or audit, so it refuses a zone
 * whose conduits require approval: only the real gate can hold a write for a second person.
 */
import { CausewayError } from '../core/errors.js';
import type { Value } from '../core/sample.js';
import { downApproval, findConduit, type ConduitRule } from '../core/zones.js';
import type { WorkOrder } from './orders.js';

export interface WriteRequester {
  id: string;
  name: string;
}

export interface OrderWrite {
  path: string;
  value: Value;
  requester: WriteRequester;
  flow: 'orders';
  /** Why, for the audit log: "start work order WO-1001". */
  reason: string;
}

/** A write that was carried out, or is waiting for a second person's approval. */
export interface WriteOutcome {
  state: 'done' | 'pending';
  writeId?: string;
}

/** Where a write that waited for approval is now. */
export type WriteProgress = 'pending' | 'approved' | 'done' | 'failed' | 'denied' | 'expired' | 'cancelled' | 'unknown';

/**
 * The write gate as production needs it; refusals and failures are thrown as catalogue errors.
 * A gate that can hold writes for approval also says where they are, cancels them, and tells
 * when one is settled, so an order waiting for its writes starts once they are done.
 */
export interface WriteGate {
  submit(w: OrderWrite): Promise<WriteOutcome>;
  progress?(writeId: string): WriteProgress;
  cancel?(writeId: string, reason: string): void;
  onSettled?(listener: (writeId: string) => void): void;
}

/** Which attribute of a line (paths relative to the line) receives which part of the order. */
export interface DispatchTargets {
  order?: string;
  product?: string;
  quantity?: string;
  speed?: string;
}

/** The writes that start `order` on a line at `linePath`; `speed` is the product's setpoint, when it has one. */
export function dispatchWrites(order: WorkOrder, linePath: string, targets: DispatchTargets | undefined, speed: number | undefined): Array<{ path: string; value: Value }> {
  const parts: Array<[string | undefined, Value | undefined]> = [
    [targets?.order, order.id], [targets?.product, order.product], [targets?.quantity, order.quantity], [targets?.speed, speed],
  ];
  return parts.filter((p): p is [string, Value] => p[0] !== undefined && p[1] !== undefined).map(([rel, value]) => ({ path: `${linePath}/${rel}`, value }));
}

/** What the stand-in gate needs of the running plant. */
export interface GatePlant {
  attribute(path: string): { writable: boolean; boundTo?: string; valueType: string; min?: number; max?: number; calc?: string } | undefined;
  /** The zone of a running source that can write, or undefined. */
  sourceZone(id: string): string | undefined;
  write(sourceId: string, tagId: string, value: Value): Promise<void>;
}

/** The target's problem for an order write, or its source and tag. */
function target(plant: GatePlant, w: OrderWrite): { sourceId: string; tagId: string; zone: string } | string {
  const a = plant.attribute(w.path);
  if (!a) return 'there is no attribute at this path';
  if (a.calc !== undefined || !a.boundTo) return 'the attribute is not bound to a PLC tag';
  if (!a.writable) return 'the attribute is not writable (writable: true in its template)';
  if (typeof w.value !== a.valueType) return `the value is a ${typeof w.value}, the attribute takes a ${a.valueType}`;
  if (typeof w.value === 'number' && ((a.min !== undefined && w.value < a.min) || (a.max !== undefined && w.value > a.max))) return `${w.value} is outside ${a.min ?? '-∞'}…${a.max ?? '∞'}`;
  const slash = a.boundTo.indexOf('/');
  const sourceId = a.boundTo.slice(0, slash);
  const zone = plant.sourceZone(sourceId);
  if (zone === undefined) return `its source ${sourceId} is not running or cannot write`;
  return { sourceId, tagId: a.boundTo.slice(slash + 1), zone };
}

/** The stand-in write gate: target, `orders` conduit and limits checked, then the source writes. */
export function conduitGate(plant: GatePlant, conduits: readonly ConduitRule[], hubZone: string, orderOf: (w: OrderWrite) => string = (w) => w.reason): WriteGate {
  return {
    async submit(w) {
      const refuse = (problem: string) => new CausewayError('CW_PRODUCTION_DISPATCH_REFUSED', { order: orderOf(w), path: w.path, problem });
      const t = target(plant, w);
      if (typeof t === 'string') throw refuse(t);
      if (t.zone !== hubZone && !findConduit(conduits, hubZone, t.zone, 'orders')) throw refuse(`no conduit allows orders from zone ${hubZone} to zone ${t.zone}`);
      if (downApproval(conduits, hubZone, t.zone)) throw refuse(`writes into zone ${t.zone} need a second person's approval, which only the hub's write gate can hold`);
      await plant.write(t.sourceId, t.tagId, w.value);
      return { state: 'done' };
    },
  };
}
