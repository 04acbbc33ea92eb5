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
  #settling: Promise<void> = Promise.resolve();
  /** How the periodic tasks went (the hub's runtime runs them): ERP inputs, tracking, confirmations. */
  readonly taskStatus = new Map<string, { name: string; lastRunAt?: number; lastSuccessAt?: number; lastError?: string }>();

  constructor(settings: ProductionSettings, deps: ProductionDeps) {
    this.settings = settings;
    this.#d = deps;
    this.#lines = new Map(settings.lines.map((l) => [l.id, l]));
    this.staging = settings.staging ? new StagingDb(settings.staging) : undefined;
    this.folder = settings.folder ? new FolderInput(settings.folder, (records) => this.receive('folder', records), deps.now) : undefined;
    this.outbox = new Outbox(deps.store, deps.targets);
    // An approved (or denied) write may be the last one an order waits for.
    deps.gate?.onSettled?.(() => void this.settleDispatches().catch(() => undefined));
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

  /**
   * Take ERP records: each validated, good ones kept (created, updated, cancelled or unchanged), bad
   * ones rejected with reasons. `may` limits a caller to lines in its zones: a record for another
   * line, or for an order id known on another line, is rejected without saying which.
   */
  receive(source: OrderSource, records: ReadonlyArray<{ ref: string; raw: unknown }>, may: (line: string) => boolean = () => true): ReceiveSummary {
    const now = this.#d.now();
    const ctx = { lines: new Set(this.#lines.keys()), products: this.settings.products };
    const { accepted, rejected } = validateOrders(records, ctx);
    const out: ReceiveSummary = { accepted: [], rejected: [...rejected] };
    const dropped: WorkOrder[] = [];
    this.#d.store.tx(() => {
      for (const { ref, ...r } of accepted) {
        const existing = this.#d.store.order(r.id);
        if (!may(r.line) || (existing && !may(existing.line))) {
          out.rejected.push({ ref, id: r.id, problems: [`order ${r.id} on line ${r.line} is outside the zones your account may change`] });
          continue;
        }
        const got = receive(existing, r, source, now);
        if ('problem' in got) {
          out.rejected.push({ ref, id: r.id, problems: [got.problem] });
          continue;
        }
        let order = got.order;
        // A start that waits for approval carries the order as it was: a change withdraws it.
        if (existing?.dispatch?.state === 'awaiting-approval' && (got.change === 'updated' || got.change === 'cancelled')) {
          dropped.push(existing);
          order = { ...order, dispatch: { state: 'refused', problem: `the ERP ${got.change === 'updated' ? 'changed' : 'cancelled'} the order while its start waited for approval`, at: now } };
        }
        if (got.change !== 'unchanged') this.#d.store.save(order);
        out.accepted.push({ id: r.id, change: got.change });
      }
      this.#d.store.reject(source, out.rejected, now);
    });
    for (const o of dropped) this.#dropDispatch(o, `the ERP changed work order ${o.id}`);
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

  /**
   * Start an order: dispatch it to the line's PLC through the write gate, then mark it running.
   * Where the gate holds writes for a second person's approval, the order stays released with
   * `dispatch.state: awaiting-approval` and starts by itself once every write is done.
   */
  async start(id: string, requester: WriteRequester): Promise<WorkOrder> {
    await this.settleDispatches();
    const o = this.order(id);
    const line = this.line(o.line);
    if (o.dispatch?.state === 'awaiting-approval') throw new CausewayError('CW_PRODUCTION_ORDER_STATE', { problem: `work order ${id} already waits for the approval of its writes (${o.dispatch.writes.join(', ')}); it starts once they are approved` });
    this.#checkLineFree(o);
    const next = this.#transition(o, 'start');
    const writes = dispatchWrites(o, line.path, line.dispatch, this.settings.products.get(o.product)?.speed);
    const waiting: string[] = [];
    for (const w of writes) {
      if (!this.#d.gate) throw new CausewayError('CW_PRODUCTION_DISPATCH_FAILED', { order: id, line: o.line, reason: 'the hub has no write gate for orders' });
      const outcome = await this.#d.gate.submit({ ...w, requester, flow: 'orders', reason: `start work order ${id}` }).catch((e: unknown) => {
        for (const writeId of waiting) this.#d.gate?.cancel?.(writeId, `work order ${id} could not be dispatched`);
        throw e;
      });
      // A gate that cannot say when a held write is done cannot start the order later: stop at the first.
      if (outcome.state === 'pending' && !this.#d.gate.progress) throw new CausewayError('CW_PRODUCTION_DISPATCH_FAILED', { order: id, line: o.line, reason: `the write to ${w.path} waits for a second person's approval${outcome.writeId ? ` (write ${outcome.writeId})` : ''}; start the order again once it is approved` });
      if (outcome.state === 'pending') waiting.push(outcome.writeId ?? '');
    }
    if (waiting.length > 0) {
      const held: WorkOrder = { ...o, dispatch: { state: 'awaiting-approval', writes: waiting, requestedBy: requester.name, at: this.#d.now() }, updatedAt: this.#d.now() };
      this.#d.store.save(held);
      return held;
    }
    return this.#run(line, next);
  }

  #checkLineFree(o: WorkOrder): void {
    const busy = this.#d.store.orders({ line: o.line, status: 'running', limit: 1 })[0]
      ?? this.#d.store.awaitingDispatch().find((x) => x.line === o.line && x.id !== o.id);
    if (busy && busy.id !== o.id) throw new CausewayError('CW_PRODUCTION_LINE_BUSY', { line: o.line, order: busy.id });
  }

  async #run(line: LineSettings, next: WorkOrder): Promise<WorkOrder> {
    const { dispatch: _d, ...running } = next;
    this.#d.store.save(running);
    await this.#publishOrder(line, running);
    return running;
  }

  /**
   * Orders waiting for approved writes: start those whose writes are all done; give up (order
   * stays released, the reason in `dispatch`) on those with a write denied, expired, cancelled or
   * failed, cancelling the rest of their writes. Runs on the gate's word and on every tick.
   */
  settleDispatches(): Promise<void> {
    this.#settling = this.#settling.then(() => this.#settle(), () => this.#settle());
    return this.#settling;
  }

  async #settle(): Promise<void> {
    const gate = this.#d.gate;
    if (!gate?.progress) return;
    for (const o of this.#d.store.awaitingDispatch()) {
      if (o.dispatch?.state !== 'awaiting-approval') continue;
      const states = o.dispatch.writes.map((w) => [w, gate.progress!(w)] as const);
      const bad = states.find(([, st]) => st !== 'pending' && st !== 'approved' && st !== 'done');
      if (bad) {
        for (const [w, st] of states) if (st === 'pending') gate.cancel?.(w, `another write of work order ${o.id} was ${bad[1]}`);
        this.#d.store.save({ ...o, dispatch: { state: 'refused', problem: `write ${bad[0]} was ${bad[1]}; the order stays released`, at: this.#d.now() }, updatedAt: this.#d.now() });
      } else if (states.every(([, st]) => st === 'done')) {
        const next = this.#transition(o, 'start');
        await this.#run(this.line(o.line), next);
      }
    }
  }

  /** Withdraw the writes an order's start still waits for (it was cancelled or changed). */
  #dropDispatch(o: WorkOrder, why: string): void {
    if (o.dispatch?.state !== 'awaiting-approval') return;
    for (const w of o.dispatch.writes) this.#d.gate?.cancel?.(w, why);
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
    const { dispatch: _d, ...next } = this.#transition(o, action);
    this.#dropDispatch(o, `work order ${id} was cancelled`);
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
   * OEE of one line (or all, or those listed) per shift, day, order or the whole range. `pace` is
   * called between periods: the caller's way to yield to other work and to stop a computation that runs too long.
   */
  async oee(q: { line?: string; lines?: readonly string[]; from: number; to: number; by: PeriodKind }, pace?: () => Promise<void>): Promise<OeePeriod[]> {
    const lines = q.line ? [this.line(q.line)] : this.lines().filter((l) => q.lines === undefined || q.lines.includes(l.id));
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
    await this.settleDispatches();
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
