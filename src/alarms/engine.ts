/**
 * The alarm engine: evaluates every alarm on every sample of the paths it reads, in batch order
 * with source timestamps, and runs the ISA-18.2 state machine. Pure apart from the callback it
 * reports transitions to: no clock (the caller passes times) and no timers (the caller runs
 * `tick(now)` to complete delays no further sample completes and to end expired shelving).
 */
import { BUILTINS, DEFAULT_LIMITS, type ExprFunction, type ExprValue } from '../core/expression/index.js';
import { evaluateNode } from '../core/expression/interpreter.js';
import { CausewayError } from '../core/errors.js';
import type { Sample, Value } from '../core/sample.js';
import { DelayedCondition, rawCondition, type ConditionSpec } from './condition.js';
import type { AlarmDef, Expression } from './definitions.js';
import { RateSeries } from './rate.js';
import { apply, normalStatus, refusal, stateOf, type AlarmEvent, type AlarmStatus, type Transition } from './state-machine.js';

/** One alarm's definition and running state. */
export interface AlarmEntry {
  def: AlarmDef;
  status: AlarmStatus;
  delay: DelayedCondition;
  /** What the hot path reads, in small objects of one shape: reading them through the definitions was ten times slower. */
  hot: { condition: ConditionSpec; path: string; from: string | undefined; suppressed: boolean };
  /** rate-of-change: the samples the rate is taken from. */
  series?: RateSeries;
}

/** A transition with the alarm it belongs to and the status after it. */
export interface AlarmChange {
  entry: AlarmEntry;
  transition: Transition;
}

type Role = 'subject' | 'other' | 'suppression';

/** suppressedWhen reads current values only; attr() takes the reference as written (the config check refused the rest). */
const ATTR: Record<string, ExprFunction> = { attr: { minArgs: 1, maxArgs: 1, call: () => null } };

export class AlarmEngine {
  readonly #entries = new Map<string, AlarmEntry>();
  /** Path → the alarms that read it, and how. */
  readonly #readers = new Map<string, Array<{ entry: AlarmEntry; role: Role }>>();
  /** The newest sample of every path an alarm reads. */
  readonly #values = new Map<string, Sample>();
  readonly #report: (changes: AlarmChange[]) => void;
  /** Alarms with a pending delay or a shelving that ends: what tick() looks at. */
  readonly #timed = new Set<AlarmEntry>();

  /** `restored`: statuses kept from before a restart, by alarm id; `report` hears every transition of a batch or action at once. */
  constructor(defs: readonly AlarmDef[], report: (changes: AlarmChange[]) => void, restored: ReadonlyMap<string, AlarmStatus> = new Map()) {
    this.#report = report;
    for (const def of defs) {
      const status = restored.get(def.id) ?? normalStatus();
      const hot = { condition: JSON.parse(JSON.stringify(def.condition)) as ConditionSpec, path: def.path, from: def.from, suppressed: def.suppression !== undefined };
      const entry: AlarmEntry = { def, status, delay: new DelayedCondition(def.onDelayMs, def.offDelayMs, status.active), hot };
      if (def.condition.kind === 'rate') entry.series = new RateSeries(def.condition.windowMs);
      this.#entries.set(def.id, entry);
      this.#read(def.path, entry, 'subject');
      if (def.from) this.#read(def.from, entry, 'other');
      for (const p of new Set(def.expression?.inputs.values())) if (p !== undefined && p !== def.path) this.#read(p, entry, 'other');
      for (const p of def.suppression?.inputs.values() ?? []) if (p !== undefined && p !== def.path) this.#read(p, entry, 'suppression');
      if (status.shelved) this.#timed.add(entry);
    }
  }

  #read(path: string, entry: AlarmEntry, role: Role): void {
    const list = this.#readers.get(path);
    if (list) list.push({ entry, role });
    else this.#readers.set(path, [{ entry, role }]);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The paths alarms read (for seeding current values at start). */
  paths(): IterableIterator<string> {
    return this.#readers.keys();
  }

  /** Current values known before the first sample (the historian's last values): no transitions. */
  seed(samples: readonly Sample[]): void {
    for (const s of samples) if (this.#readers.has(s.path)) this.#values.set(s.path, s);
  }

  entry(id: string): AlarmEntry | undefined {
    return this.#entries.get(id);
  }

  entries(): IterableIterator<AlarmEntry> {
    return this.#entries.values();
  }

  /** Evaluate the alarms that read the batch's paths, sample by sample. Costs one map lookup per sample of an unwatched path. */
  evaluate(batch: readonly Sample[]): void {
    let changes: AlarmChange[] | undefined;
    for (const s of batch) {
      const readers = this.#readers.get(s.path);
      if (readers === undefined) continue;
      const prev = this.#values.get(s.path);
      if (prev !== undefined && s.ts < prev.ts) continue;
      this.#values.set(s.path, s);
      for (let i = 0; i < readers.length; i++) {
        const { entry, role } = readers[i]!;
        if (entry.hot.suppressed) changes = this.#suppression(entry, s.ts, changes);
        if (role !== 'suppression') changes = this.#condition(entry, s, changes);
      }
    }
    if (changes) this.#report(changes);
  }

  /** Complete delays that have passed and end shelving that has expired, as of hub time `now`. */
  tick(now: number): void {
    let changes: AlarmChange[] | undefined;
    for (const entry of [...this.#timed]) {
      for (const c of entry.delay.due(now)) changes = this.#apply(entry, { kind: 'condition', active: c.active, at: c.at, value: c.value }, changes);
      const until = entry.status.shelved?.until;
      if (until !== undefined && now >= until) changes = this.#apply(entry, { kind: 'unshelve', at: until }, changes);
      if (entry.delay.pending === undefined && !entry.status.shelved) this.#timed.delete(entry);
    }
    if (changes) this.#report(changes);
  }

  /** An operator's or engineer's action on one alarm; the transition, or undefined when nothing changed. Throws CW_ALARM_NOT_FOUND / CW_ALARM_STATE. */
  act(id: string, event: Exclude<AlarmEvent, { kind: 'condition' | 'suppression' }>): Transition | undefined {
    const entry = this.#entries.get(id);
    if (!entry) throw new CausewayError('CW_ALARM_NOT_FOUND', { id });
    const why = refusal(entry.status, event.kind);
    if (why) throw new CausewayError('CW_ALARM_STATE', { id, action: event.kind, problem: why });
    const changes = this.#apply(entry, event, undefined);
    if (event.kind === 'shelve') this.#timed.add(entry);
    if (changes) this.#report(changes);
    return changes?.[0]?.transition;
  }

  #apply(entry: AlarmEntry, event: AlarmEvent, changes: AlarmChange[] | undefined): AlarmChange[] | undefined {
    const { status, transition } = apply(entry.status, event, entry.def.latching);
    entry.status = status;
    if (!transition) return changes;
    (changes ??= []).push({ entry, transition });
    return changes;
  }

  /** `s`: the newest sample of one of the paths the alarm reads. */
  #condition(entry: AlarmEntry, s: Sample, changes: AlarmChange[] | undefined): AlarmChange[] | undefined {
    const { hot, delay } = entry;
    const ts = s.ts;
    const own = s.path === hot.path ? s : this.#values.get(hot.path);
    const kind = hot.condition.kind;
    if (!own && kind !== 'expression') return changes;
    let other: number | undefined;
    if (hot.from !== undefined) {
      const o = this.#values.get(hot.from);
      other = o && o.quality !== 'bad' && typeof o.value === 'number' ? o.value : undefined;
    }
    let rate: number | undefined;
    let result: boolean | undefined;
    // The value shown with the alarm: the attribute's; for a rate of change, the rate.
    let value: Value | undefined = own?.value;
    if (kind === 'rate') {
      if (s !== own) return changes;
      const perMs = (hot.condition as { perMs: number }).perMs;
      const r = entry.series!.observe(s.ts, s.value, s.quality);
      rate = r === undefined ? undefined : r * perMs;
      value = rate === undefined ? entry.status.value : Number(rate.toPrecision(6));
    } else if (kind === 'expression') {
      result = this.#evaluateExpression(entry.def.expression!, true);
      value ??= result;
    }
    // A condition alarm may be judged before its attribute has a value (its expression says all).
    const raw = rawCondition(hot.condition, { value: own?.value ?? false, quality: own?.quality ?? 'good', reason: own?.qualityReason, other, rate, result }, delay.raw);
    if (raw === undefined || value === undefined) return changes;
    // The common case: nothing changes and nothing waits.
    if (raw === delay.active && delay.pending === undefined && ts >= delay.lastTs) {
      delay.lastTs = ts;
      delay.raw = raw;
    } else {
      for (const c of delay.observe(raw, ts, value)) changes = this.#apply(entry, { kind: 'condition', active: c.active, at: c.at, value: c.value }, changes);
      if (delay.pending) this.#timed.add(entry);
    }
    // The value shown with the alarm follows the samples while it is active.
    if (entry.status.active && entry.status.value !== value) entry.status = { ...entry.status, value };
    return changes;
  }

  #suppression(entry: AlarmEntry, ts: number, changes: AlarmChange[] | undefined): AlarmChange[] | undefined {
    const sup = entry.def.suppression;
    if (!sup) return changes;
    const suppressed = this.#evaluateExpression(sup, false);
    if (suppressed === undefined) return changes;
    return this.#apply(entry, { kind: 'suppression', suppressed, at: ts }, changes);
  }

  /**
   * An expression (suppressedWhen, a condition alarm's `when`) over current values: true when it
   * is true; undefined while an input is unknown (or, with `badIsUnknown`, bad) or it fails.
   */
  #evaluateExpression(sup: Expression, badIsUnknown: boolean): boolean | undefined {
    let unknown = false;
    const value = (ref: ExprValue | undefined): Value | null => {
      const p = typeof ref === 'string' ? sup.inputs.get(ref) : undefined;
      const s = p === undefined ? undefined : this.#values.get(p);
      if (!s || (badIsUnknown && s.quality === 'bad')) unknown = true;
      return s?.value ?? null;
    };
    try {
      const result = evaluateNode(sup.program.ast, (name) => value(name) ?? undefined, {
        functions: { ...BUILTINS, attr: { ...ATTR.attr!, call: (a) => value(a[0]) } },
        maxSteps: DEFAULT_LIMITS.maxSteps, maxStringLength: DEFAULT_LIMITS.maxStringLength,
      });
      return unknown ? undefined : result === true;
    } catch {
      return undefined;
    }
  }
}

/** The state an alarm shows, for lists. */
export { stateOf };
