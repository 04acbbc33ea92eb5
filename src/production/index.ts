/**
 * The production application: work orders from the ERP, dispatch to the line, tracking, OEE and
 * confirmations back. The runtime builds it with the hub's historian, a publish hook into the
 * pipeline, a write gate and the confirmation targets, and calls its periodic tasks on its own
 * schedule (inputs' poll(), tick(), deliver()): nothing here sets a timer.
 */
import { CausewayError } from '../core/errors.js';
import type { Sample } from '../core/sample.js';
import type { Historian } from '../historian/types.js';
import { confirmationOf, type OeeFigures } from './confirmation.js';
import { dispatchWrites, type WriteGate, type WriteRequester } from './dispatch.js';
import { parseStopId, type StopEvent } from './downtime.js';
import { FolderInput, type ReceiveSummary } from './inputs/folder.js';
import { StagingDb } from './inputs/staging.js';
import { receive, transition, validateOrders, type OrderSource, type OrderStatus, type WorkOrder } from './orders.js';
import { Outbox, type ConfirmationTarget, type Delivery, type DeliveryState } from './outbox.js';
import type { LineSettings, ProductionSettings } from './settings.js';
import { shiftAt } from './shifts.js';
import type { ProductionStore, Rejection } from './store.js';
import { lineCounts, lineOee, lineStops, type OeePeriod, type PeriodKind, type TrackerContext } from './tracker.js';

export type { OeePeriod, PeriodKind, StopEvent, Delivery, DeliveryState, WorkOrder, OrderStatus, ReceiveSummary };

export interface ProductionDeps {
  store: ProductionStore;
  historian: Historian;
  /** Hand hub-made samples (OEE, the running order) to the pipeline. */
  publish(batch: Sample[]): Promise<void>;
  gate?: WriteGate;
  /** Confirmation targets by id; `staging` targets are made here from the staging connection. */
  targets: readonly ConfirmationTarget[];
  now: () => number;
}

const OEE_FIGURES = ['availability', 'performance', 'quality', 'oee'] as const;

export class Production {
  readonly settings: ProductionSettings;
  readonly staging: StagingDb | undefined;
  readonly folder: FolderInput | undefined;
  readonly outbox: Outbox;
  readonly #d: ProductionDeps;
  readonly #lines: Map<string, LineSettings>;
  readonly #lastConfirm = new Map<string, number>();
  /** How the periodic tasks went (the hub's runtime runs them): ERP inputs, tracking, confirmations. */
  readonly taskStatus = new Map<string, { name: string; lastRunAt?: number; lastSuccessAt?: number; lastError?: string }>();

  constructor(settings: ProductionSettings, deps: ProductionDeps) {
    this.settings = settings;
    this.#d = deps;
    this.#lines = new Map(settings.lines.map((l) => [l.id, l]));
    this.staging = settings.staging ? new StagingDb(settings.staging) : undefined;
    this.folder = settings.folder ? new FolderInput(settings.folder, (records) => this.receive('folder', records), deps.now) : undefined;
    this.outbox = new Outbox(deps.store, deps.targets);
  }

  get #ctx(): TrackerContext {
    const s = this.#d.store;
    return { settings: this.settings, historian: this.#d.historian, ordersRunIn: (l, f, t) => s.ordersRunIn(l, f, t), assignedReasons: (l, f, t) => s.assignedReasons(l, f, t) };
  }

  lines(): LineSettings[] {
    return [...this.#lines.values()];
  }

  line(id: string): LineSettings {
    const l = this.#lines.get(id);
    if (!l) throw new CausewayError('CW_PRODUCTION_LINE_UNKNOWN', { line: id, known: [...this.#lines.keys()].join(', ') });
    return l;
  }

  /** Take ERP records: each validated, good ones kept (created, updated, cancelled or unchanged), bad ones rejected with reasons. */
  receive(source: OrderSource, records: ReadonlyArray<{ ref: string; raw: unknown }>): ReceiveSummary {
    const now = this.#d.now();
    const ctx = { lines: new Set(this.#lines.keys()), products: this.settings.products };
    const { accepted, rejected } = validateOrders(records, ctx);
    const out: ReceiveSummary = { accepted: [], rejected: [...rejected] };
    this.#d.store.tx(() => {
      for (const { ref, ...r } of accepted) {
        const got = receive(this.#d.store.order(r.id), r, source, now);
        if ('problem' in got) {
          out.rejected.push({ ref, id: r.id, problems: [got.problem] });
          continue;
        }
        if (got.change !== 'unchanged') this.#d.store.save(got.order);
        out.accepted.push({ id: r.id, change: got.change });
      }
      this.#d.store.reject(source, out.rejected, now);
    });
    return out;
  }

  /** Read new rows of the staging table once each (the watermark advances after they are kept). */
  async pollStaging(): Promise<ReceiveSummary> {
    if (!this.staging) return { accepted: [], rejected: [] };
    const name = `staging:${this.staging.settings.table}`;
    const rows = await this.staging.readAfter(this.#d.store.cursor(name));
    if (rows.length === 0) return { accepted: [], rejected: [] };
    const summary = this.receive('staging', rows.map((r) => ({ ref: `${this.staging!.settings.table} row ${this.staging!.settings.sequenceColumn ?? 'seq'}=${r.cursor}`, raw: r.raw })));
    this.#d.store.setCursor(name, rows[rows.length - 1]!.cursor);
    return summary;
  }

  order(id: string): WorkOrder {
    const o = this.#d.store.order(id);
    if (!o) throw new CausewayError('CW_PRODUCTION_ORDER_NOT_FOUND', { id });
    return o;
  }

  /** Records the ERP sent that were rejected, newest first. */
  rejections(limit = 100): Rejection[] {
    return this.#d.store.rejections(limit);
  }

  orders(q: { line?: string; status?: OrderStatus; limit?: number } = {}): WorkOrder[] {
    return this.#d.store.orders(q);
  }

  /** Start an order: dispatch it to the line's PLC through the write gate, then mark it running. */
  async start(id: string, requester: WriteRequester): Promise<WorkOrder> {
    const o = this.order(id);
    const line = this.line(o.line);
    const busy = this.#d.store.orders({ line: o.line, status: 'running', limit: 1 })[0];
    if (busy && busy.id !== id) throw new CausewayError('CW_PRODUCTION_LINE_BUSY', { line: o.line, order: busy.id });
    const next = this.#transition(o, 'start');
    const writes = dispatchWrites(o, line.path, line.dispatch, this.settings.products.get(o.product)?.speed);
    for (const w of writes) {
      if (!this.#d.gate) throw new CausewayError('CW_PRODUCTION_DISPATCH_FAILED', { order: id, line: o.line, reason: 'the hub has no write gate for orders' });
      const outcome = await this.#d.gate.submit({ ...w, requester, flow: 'orders', reason: `start work order ${id}` });
      // A conduit that requires approval holds the write: the order starts once it is approved and started again.
      if (outcome.state === 'pending') throw new CausewayError('CW_PRODUCTION_DISPATCH_FAILED', { order: id, line: o.line, reason: `the write to ${w.path} waits for a second person's approval${outcome.writeId ? ` (write ${outcome.writeId})` : ''}; start the order again once it is approved` });
    }
    this.#d.store.save(next);
    await this.#publishOrder(line, next);
    return next;
  }

  /** Complete a running order: its actual good and scrap from the line's counters, and its final confirmation queued. */
  async complete(id: string): Promise<WorkOrder> {
    return this.#finish(id, 'complete');
  }

  /** Cancel a released or running order (a running one is confirmed with what it made). */
  async cancel(id: string): Promise<WorkOrder> {
    return this.#finish(id, 'cancel');
  }

  async #finish(id: string, action: 'complete' | 'cancel'): Promise<WorkOrder> {
    const o = this.order(id);
    const wasRunning = o.status === 'running';
    const next = this.#transition(o, action);
    const done = wasRunning ? { ...next, ...(await lineCounts(this.#ctx, this.line(o.line), o.startedAt!, this.#d.now())) } : next;
    const oee = wasRunning ? await this.#orderOee(done) : undefined;
    this.#d.store.tx(() => {
      this.#d.store.save(done);
      if (wasRunning) this.outbox.enqueue(confirmationOf(done, this.#d.store.nextConfirmation(id), this.#d.now(), oee), this.#d.now());
    });
    if (wasRunning) await this.#publishOrder(this.line(o.line), undefined);
    return done;
  }

  #transition(o: WorkOrder, action: 'start' | 'complete' | 'cancel'): WorkOrder {
    const next = transition(o, action, this.#d.now());
    if (typeof next === 'string') throw new CausewayError('CW_PRODUCTION_ORDER_STATE', { problem: next });
    return next;
  }

  async #orderOee(o: WorkOrder): Promise<OeeFigures | undefined> {
    const [r] = await lineOee(this.#ctx, this.line(o.line), 'range', o.startedAt!, o.completedAt ?? o.cancelledAt ?? this.#d.now());
    return r ? { availability: r.availability, performance: r.performance, quality: r.quality, oee: r.oee } : undefined;
  }

  /**
   * OEE of one line (or all) per shift, day, order or the whole range. `pace` is called between
   * periods: the caller's way to yield to other work and to stop a computation that runs too long.
   */
  async oee(q: { line?: string; from: number; to: number; by: PeriodKind }, pace?: () => Promise<void>): Promise<OeePeriod[]> {
    const lines = q.line ? [this.line(q.line)] : this.lines();
    const out: OeePeriod[] = [];
    // Appended one by one: spreading a long list into push() overflows the stack.
    for (const l of lines) for (const p of await lineOee(this.#ctx, l, q.by, q.from, q.to, pace)) out.push(p);
    return out;
  }

  async stops(line: string, from: number, to: number): Promise<StopEvent[]> {
    return lineStops(this.#ctx, this.line(line), from, to);
  }

  /** Give a stop its reason afterwards (it overrides the PLC's). */
  assignReason(stopId: string, code: number, by: string, note?: string): { line: string; origin: number; code: number } {
    const id = parseStopId(stopId);
    if (!id || !this.#lines.has(id.lineId)) throw new CausewayError('CW_PRODUCTION_STOP_NOT_FOUND', { id: stopId });
    if (!this.settings.reasons.has(code)) throw new CausewayError('CW_PRODUCTION_REASON_UNKNOWN', { code, known: [...this.settings.reasons.keys()].join(', ') || 'none configured' });
    this.#d.store.assignReason({ line: id.lineId, origin: id.origin, code, by, at: this.#d.now(), ...(note ? { note } : {}) });
    return { line: id.lineId, origin: id.origin, code };
  }

  deliveries(q: { orderId?: string; state?: DeliveryState; limit?: number } = {}): Delivery[] {
    return this.outbox.list(q);
  }

  /** Periodic work: running orders' actuals, interim confirmations, and each line's OEE of the current shift published. */
  async tick(): Promise<void> {
    const now = this.#d.now();
    const batch: Sample[] = [];
    for (const line of this.lines()) {
      for (const o of this.#d.store.orders({ line: line.id, status: 'running', limit: 5 })) await this.#refresh(line, o, now);
      const shift = shiftAt(this.settings.calendar, now);
      const from = shift ? shift.start : now - 8 * 3_600_000;
      const [r] = await lineOee(this.#ctx, line, 'range', from, now);
      for (const k of OEE_FIGURES) if (r && r[k] !== null) batch.push({ path: `${line.path}/oee/${k}`, value: r[k]!, ts: now, quality: 'good' });
    }
    if (batch.length > 0) await this.#d.publish(batch);
  }

  async #refresh(line: LineSettings, o: WorkOrder, now: number): Promise<void> {
    const updated = { ...o, ...(await lineCounts(this.#ctx, line, o.startedAt!, now)), updatedAt: now };
    const every = this.settings.confirmIntervalMs;
    const last = this.#lastConfirm.get(o.id) ?? o.startedAt!;
    this.#d.store.tx(() => {
      this.#d.store.save(updated);
      if (every !== undefined && now - last >= every) {
        this.outbox.enqueue(confirmationOf(updated, this.#d.store.nextConfirmation(o.id), now), now);
        this.#lastConfirm.set(o.id, now);
      }
    });
  }

  /** Deliver the confirmations that are due. */
  deliver(): Promise<number> {
    return this.outbox.deliverDue(this.#d.now());
  }

  /** The running order of a line as hub samples: `<line>/order/{id,product,quantity}` ('' and 0 when none). */
  async #publishOrder(line: LineSettings, o: WorkOrder | undefined): Promise<void> {
    const ts = this.#d.now();
    const s = (name: string, value: string | number): Sample => ({ path: `${line.path}/order/${name}`, value, ts, quality: 'good' });
    await this.#d.publish([s('id', o?.id ?? ''), s('product', o?.product ?? ''), s('quantity', o?.quantity ?? 0)]);
  }

  async close(): Promise<void> {
    await this.outbox.close();
    await this.staging?.close();
  }
}
