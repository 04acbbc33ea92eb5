/**
 * The alarms application: the engine over the plant's alarm definitions, its journal and states in
 * SQLite (restored at start, so an alarm active before a restart stays active and is not raised
 * twice), the operator's and engineer's actions, and listeners for the live WebSocket. The hub
 * hands it every accepted batch and runs its tick on a timer; it owns no timer itself.
 */
import { CausewayError } from '../core/errors.js';
import type { Sample } from '../core/sample.js';
import { renderMessage, type AlarmDef } from './definitions.js';
import { computeKpis, type AlarmKpis } from './kpis.js';
import { AlarmEngine, type AlarmChange, type AlarmEntry } from './engine.js';
import { stateOf, type AlarmStateName, type AlarmStatus } from './state-machine.js';
import { AlarmStore, type JournalEntry, type JournalQuery } from './store.js';

export type { AlarmDef } from './definitions.js';
export type { AlarmStateName } from './state-machine.js';
export type { JournalEntry, JournalQuery } from './store.js';
export type { AlarmKpis } from './kpis.js';
export { ALARMS_FILE } from './store.js';

/** The longest an operator may shelve an alarm. */
export const MAX_SHELVE_MS = 24 * 3_600_000;
const PRIORITY_RANK: Record<string, number> = { urgent: 0, high: 1, medium: 2, low: 3 };

/** An alarm as the API shows it. */
export interface AlarmView {
  id: string;
  name: string;
  path: string;
  asset: string;
  type: AlarmDef['type'];
  state: AlarmStateName;
  priority: AlarmDef['priority'];
  area?: string;
  message: string;
  active: boolean;
  suppressed: boolean;
  latching: boolean;
  value?: AlarmStatus['value'];
  setpoint?: number;
  from?: string;
  unit?: string;
  activeAt?: number;
  changedAt: number;
  acked?: AlarmStatus['acked'];
  shelved?: AlarmStatus['shelved'];
  outOfService?: AlarmStatus['outOfService'];
  rationalization: { cause?: string; consequence?: string; correctiveAction?: string; timeToRespondMs?: number; owner?: string };
}

export interface AlarmListQuery {
  /** Every defined alarm, not only those away from Normal. */
  all?: boolean;
  area?: string;
  priority?: string;
  states?: readonly AlarmStateName[];
  /** Attribute path or a prefix of it. */
  path?: string;
  sort?: 'priority' | 'time' | 'path';
}

export type AlarmListener = (entries: readonly JournalEntry[]) => void;

export interface AlarmsOptions {
  defs: readonly AlarmDef[];
  /** The data directory, or `:memory:`. */
  dir: string;
  /** Told when the journal cannot store (the alarms keep running in memory). */
  onStoreError?: (e: unknown) => void;
}

function under(path: string, prefix: string | undefined): boolean {
  return prefix === undefined || prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
}

export class Alarms {
  readonly #store: AlarmStore;
  readonly #engine: AlarmEngine;
  readonly #listeners = new Set<AlarmListener>();
  readonly #onStoreError: ((e: unknown) => void) | undefined;

  constructor(o: AlarmsOptions) {
    this.#onStoreError = o.onStoreError;
    this.#store = AlarmStore.open(o.dir);
    const restored = this.#store.statuses();
    this.#engine = new AlarmEngine(o.defs, (changes) => this.#record(changes), restored);
  }

  /** How many alarms are defined. */
  get size(): number {
    return this.#engine.size;
  }

  /** The paths alarms read. */
  paths(): string[] {
    return [...this.#engine.paths()];
  }

  /** Current values known at start (no transitions). */
  seed(samples: readonly Sample[]): void {
    this.#engine.seed(samples);
  }

  /** Evaluate an accepted batch. */
  evaluate(batch: readonly Sample[]): void {
    this.#engine.evaluate(batch);
  }

  /** Complete delays and end expired shelving, as of hub time `now`. */
  tick(now: number): void {
    this.#engine.tick(now);
  }

  /** Be told of every transition as it is journaled; returns the unsubscribe. Listeners must only queue. */
  subscribe(listener: AlarmListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** One alarm, or CW_ALARM_NOT_FOUND. */
  get(id: string): AlarmView {
    const view = this.find(id);
    if (!view) throw new CausewayError('CW_ALARM_NOT_FOUND', { id });
    return view;
  }

  /** One alarm, or undefined. */
  find(id: string): AlarmView | undefined {
    const e = this.#engine.entry(id);
    return e ? viewOf(e) : undefined;
  }

  /** Alarms away from Normal (or all), filtered and sorted: by priority (urgent first, then newest), time (newest first) or path. */
  list(q: AlarmListQuery = {}): AlarmView[] {
    const out: AlarmView[] = [];
    for (const e of this.#engine.entries()) {
      const state = stateOf(e.status);
      if (!q.all && state === 'NORMAL') continue;
      if (q.states && !q.states.includes(state)) continue;
      if (q.area !== undefined && e.def.area !== q.area) continue;
      if (q.priority !== undefined && e.def.priority !== q.priority) continue;
      if (!under(e.def.path, q.path)) continue;
      out.push(viewOf(e));
    }
    const sort = q.sort ?? 'priority';
    return out.sort((a, b) => (sort === 'path' ? a.id.localeCompare(b.id) : sort === 'time' ? b.changedAt - a.changedAt : PRIORITY_RANK[a.priority]! - PRIORITY_RANK[b.priority]! || b.changedAt - a.changedAt));
  }

  /** Acknowledge (a latched alarm: reset). Nothing changes for an alarm with nothing to acknowledge. */
  ack(id: string, user: string, at: number, comment?: string): AlarmView {
    this.#engine.act(id, { kind: 'ack', at, user, ...(comment ? { comment } : {}) });
    return this.get(id);
  }

  /** Shelve for `durationMs` (at most MAX_SHELVE_MS) with a reason; shelving a shelved alarm sets its new end. */
  shelve(id: string, user: string, at: number, reason: string, durationMs: number): AlarmView {
    if (durationMs > MAX_SHELVE_MS) throw new CausewayError('CW_ALARM_SHELVE_TOO_LONG', { max: `${MAX_SHELVE_MS / 3_600_000} h` });
    this.#engine.act(id, { kind: 'shelve', at, user, reason, until: at + durationMs });
    return this.get(id);
  }

  unshelve(id: string, user: string, at: number, comment?: string): AlarmView {
    this.#engine.act(id, { kind: 'unshelve', at, user, ...(comment ? { comment } : {}) });
    return this.get(id);
  }

  outOfService(id: string, user: string, at: number, reason: string): AlarmView {
    this.#engine.act(id, { kind: 'out-of-service', at, user, reason });
    return this.get(id);
  }

  inService(id: string, user: string, at: number, comment?: string): AlarmView {
    this.#engine.act(id, { kind: 'in-service', at, user, ...(comment ? { comment } : {}) });
    return this.get(id);
  }

  /** Journal entries, newest first. */
  journal(q: JournalQuery): JournalEntry[] {
    return this.#store.journal(q);
  }

  /** Alarm-management KPIs of [from, to) over the journal entries `keep` accepts (the caller's zones, an area). */
  kpis(from: number, to: number, keep: (e: JournalEntry) => boolean = () => true): AlarmKpis {
    return computeKpis(this.#store.kpiEntries(from, to).filter(keep), from, to);
  }

  close(): void {
    this.#store.close();
  }

  #record(changes: AlarmChange[]): void {
    const entries = changes.map(({ entry: { def }, transition: t }): JournalEntry => ({
      seq: 0, id: def.id, path: def.path, name: def.name, ...(def.area ? { area: def.area } : {}), priority: def.priority,
      event: t.event, from: t.from, to: t.to, at: t.at,
      ...(t.value !== undefined ? { value: t.value } : {}), ...(t.user ? { user: t.user } : {}), ...(t.comment ? { comment: t.comment } : {}),
      ...(t.event === 'activate' ? { message: renderMessage(def, t.value) } : {}),
    }));
    const statuses = new Map(changes.map(({ entry }) => [entry.def.id, entry.status]));
    try {
      this.#store.record(entries.map(({ seq: _s, ...e }) => e), statuses);
    } catch (e) {
      this.#onStoreError?.(e);
    }
    for (const listener of this.#listeners) {
      try {
        listener(entries);
      } catch {
        this.#listeners.delete(listener);
      }
    }
  }
}

function viewOf({ def, status }: AlarmEntry): AlarmView {
  const r = { cause: def.cause, consequence: def.consequence, correctiveAction: def.correctiveAction, timeToRespondMs: def.timeToRespondMs, owner: def.owner };
  return {
    id: def.id, name: def.name, path: def.path, asset: def.asset, type: def.type, state: stateOf(status), priority: def.priority,
    ...(def.area ? { area: def.area } : {}), message: renderMessage(def, status.value),
    active: status.active, suppressed: status.suppressed, latching: def.latching,
    ...(status.value !== undefined ? { value: status.value } : {}), ...(def.setpoint !== undefined ? { setpoint: def.setpoint } : {}),
    ...(def.from ? { from: def.from } : {}), ...(def.unit ? { unit: def.unit } : {}),
    ...(status.activeAt !== undefined ? { activeAt: status.activeAt } : {}), changedAt: status.changedAt,
    ...(status.acked ? { acked: status.acked } : {}), ...(status.shelved ? { shelved: status.shelved } : {}), ...(status.outOfService ? { outOfService: status.outOfService } : {}),
    rationalization: Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)),
  };
}
