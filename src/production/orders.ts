/**
 * Work orders (pure): the model, the status machine (released → running → completed, or
 * cancelled), validation of ERP records one by one with every problem named, and what a
 * record received again does to an order already known.
 */

export const ORDER_STATUSES = ['released', 'running', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type OrderSource = 'rest' | 'staging' | 'folder';

/** An order as the ERP hands it over, once validated. */
export interface OrderRecord {
  id: string;
  product: string;
  quantity: number;
  unit: string;
  line: string;
  /** Due date, epoch ms. */
  due?: number;
  description?: string;
  /** The ERP may cancel an order it released. */
  status: 'released' | 'cancelled';
}

/**
 * A start that waits for writes a second person must approve (the order stays released meanwhile),
 * or the last such start that did not go through and why.
 */
export type OrderDispatch =
  | { state: 'awaiting-approval'; writes: string[]; requestedBy: string; at: number }
  | { state: 'refused'; problem: string; at: number };

export interface WorkOrder extends Omit<OrderRecord, 'status'> {
  status: OrderStatus;
  /** Actual good and scrap units so far (from the line's counters while it runs). */
  good: number;
  scrap: number;
  source: OrderSource;
  receivedAt: number;
  updatedAt: number;
  startedAt?: number;
  completedAt?: number;
  cancelledAt?: number;
  /** Its start, while it waits for approved writes (or why the last one did not go through). */
  dispatch?: OrderDispatch;
}

/** What the validation knows of the plant. */
export interface OrderContext {
  lines: ReadonlySet<string>;
  /** Product id → its unit (the default unit of its orders). */
  products: ReadonlyMap<string, { unit?: string }>;
}

/** A record refused, with every reason. */
export interface RejectedRecord {
  /** Where it was: index in a request, row watermark, file and line. */
  ref: string;
  id?: string;
  problems: string[];
}

const ID = /^[A-Za-z0-9._:-]{1,64}$/;
const MAX_QUANTITY = 1e9;

function text(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function field(raw: Record<string, unknown>, ...names: string[]): unknown {
  for (const n of names) if (raw[n] !== undefined && raw[n] !== null && raw[n] !== '') return raw[n];
  return undefined;
}

function quantityOf(v: unknown, problems: string[]): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : NaN;
  if (v === undefined) problems.push('quantity is missing');
  else if (!Number.isFinite(n) || n <= 0 || n > MAX_QUANTITY) problems.push(`quantity "${String(v)}" is not a number above 0 and at most ${MAX_QUANTITY}`);
  return n;
}

function dueOf(v: unknown, problems: string[]): number | undefined {
  if (v === undefined) return undefined;
  if (v instanceof Date) return v.getTime();
  const t = typeof v === 'number' ? v : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v.trim()) ? Date.parse(v.trim()) : NaN;
  if (!Number.isFinite(t)) problems.push(`due date "${String(v)}" is not an ISO 8601 date such as 2026-11-24 or 2026-11-24T14:00:00Z`);
  return t;
}

/** Validate one ERP record; field names follow the REST body (`id`) with the CSV/SQL spellings (`order_id`, `due_date`) accepted too. */
export function validateOrder(raw: unknown, ctx: OrderContext): { ok: true; order: OrderRecord } | { ok: false; id?: string; problems: string[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, problems: ['the record is not an object with fields'] };
  const r = raw as Record<string, unknown>;
  const problems: string[] = [];
  const id = text(field(r, 'id', 'order_id', 'orderId'));
  if (id === undefined) problems.push('the order id is missing');
  else if (!ID.test(id)) problems.push(`order id "${id}" may hold only letters, digits, ".", "_", ":" and "-", at most 64`);
  const product = text(field(r, 'product', 'material'));
  if (product === undefined) problems.push('product is missing');
  else if (!ctx.products.has(product)) problems.push(`product "${product}" is not configured (known: ${[...ctx.products.keys()].join(', ') || 'none'})`);
  const line = text(field(r, 'line', 'line_id'));
  if (line === undefined) problems.push('line is missing');
  else if (!ctx.lines.has(line)) problems.push(`line "${line}" is not configured (known: ${[...ctx.lines].join(', ') || 'none'})`);
  const quantity = quantityOf(field(r, 'quantity', 'qty'), problems);
  const due = dueOf(field(r, 'due', 'due_date', 'dueDate'), problems);
  const unit = text(field(r, 'unit', 'uom')) ?? (product ? ctx.products.get(product)?.unit : undefined) ?? 'units';
  if (unit.length > 32) problems.push('unit is longer than 32 characters');
  const status = text(field(r, 'status')) ?? 'released';
  if (status !== 'released' && status !== 'cancelled') problems.push(`status "${status}" is not released or cancelled (the ERP may release or cancel an order)`);
  const description = text(field(r, 'description'));
  if (problems.length > 0) return { ok: false, ...(id !== undefined ? { id } : {}), problems };
  return { ok: true, order: { id: id!, product: product!, quantity, unit, line: line!, ...(due !== undefined ? { due } : {}), ...(description ? { description: description.slice(0, 500) } : {}), status: status as OrderRecord['status'] } };
}

/** Validate many records: good ones kept, bad ones rejected one by one with their reasons. */
export function validateOrders(records: ReadonlyArray<{ ref: string; raw: unknown }>, ctx: OrderContext): { accepted: Array<OrderRecord & { ref: string }>; rejected: RejectedRecord[] } {
  const accepted: Array<OrderRecord & { ref: string }> = [];
  const rejected: RejectedRecord[] = [];
  const seen = new Set<string>();
  for (const { ref, raw } of records) {
    const v = validateOrder(raw, ctx);
    if (!v.ok) rejected.push({ ref, ...(v.id !== undefined ? { id: v.id } : {}), problems: v.problems });
    else if (seen.has(v.order.id)) rejected.push({ ref, id: v.order.id, problems: [`order ${v.order.id} appears twice in the same delivery`] });
    else {
      seen.add(v.order.id);
      accepted.push({ ...v.order, ref });
    }
  }
  return { accepted, rejected };
}

function sameContent(o: WorkOrder, r: OrderRecord): boolean {
  return o.product === r.product && o.quantity === r.quantity && o.unit === r.unit && o.line === r.line && o.due === r.due && (o.description ?? undefined) === (r.description ?? undefined);
}

/**
 * What a record received for an order does: a new order is released; a released one takes the
 * changes (or is cancelled); one already started or finished keeps itself, and a changed record
 * for it is a problem. `unchanged` for a repeat of what is known.
 */
export function receive(existing: WorkOrder | undefined, r: OrderRecord, source: OrderSource, now: number): { order: WorkOrder; change: 'created' | 'updated' | 'cancelled' | 'unchanged' } | { problem: string } {
  const { status, ...fields } = r;
  if (!existing) {
    if (status === 'cancelled') return { problem: `order ${r.id} is cancelled but was never released to this hub` };
    return { order: { ...fields, status: 'released', good: 0, scrap: 0, source, receivedAt: now, updatedAt: now }, change: 'created' };
  }
  if (existing.status === 'cancelled' && status === 'cancelled') return { order: existing, change: 'unchanged' };
  if (existing.status !== 'released') {
    if (sameContent(existing, r) && status === 'released') return { order: existing, change: 'unchanged' };
    return { problem: `order ${r.id} is already ${existing.status} on line ${existing.line}; changes to it are not taken` };
  }
  if (status === 'cancelled') return { order: { ...existing, status: 'cancelled', cancelledAt: now, updatedAt: now }, change: 'cancelled' };
  if (sameContent(existing, r)) return { order: existing, change: 'unchanged' };
  const { due: _due, description: _d, ...base } = existing;
  return { order: { ...base, ...fields, updatedAt: now }, change: 'updated' };
}

const NEXT: Readonly<Record<'start' | 'complete' | 'cancel', { from: readonly OrderStatus[]; to: OrderStatus }>> = {
  start: { from: ['released'], to: 'running' },
  complete: { from: ['running'], to: 'completed' },
  cancel: { from: ['released', 'running'], to: 'cancelled' },
};

/** The order after `action`, or the sentence saying why it cannot be done. */
export function transition(o: WorkOrder, action: 'start' | 'complete' | 'cancel', now: number): WorkOrder | string {
  const step = NEXT[action];
  if (!step.from.includes(o.status)) return `work order ${o.id} is ${o.status}; only a ${step.from.join(' or ')} order can be ${action === 'start' ? 'started' : action === 'complete' ? 'completed' : 'cancelled'}`;
  const at = action === 'start' ? { startedAt: now } : action === 'complete' ? { completedAt: now } : { cancelledAt: now };
  return { ...o, ...at, status: step.to, updatedAt: now };
}
