/**
 * Alarm conditions, pure: whether a sample puts an alarm's condition in alarm (limits and
 * deviations with their deadband, discrete states, quality), and the on- and off-delays, timed by
 * the samples' source timestamps. A delay that no further sample completes is completed by
 * `due(now)`, which the runtime's timer calls.
 */
import type { Quality, QualityReason, Value } from '../core/sample.js';

/** What decides one alarm's condition. */
export type ConditionSpec =
  | { kind: 'limit'; side: 'high' | 'low'; setpoint: number; deadband: number }
  | { kind: 'deviation'; limit: number; direction: 'both' | 'above' | 'below'; deadband: number }
  | { kind: 'discrete'; equals?: Value; notEquals?: Value }
  | { kind: 'quality'; quality: 'bad' | 'stale' | 'not-good' }
  /** The rate (in the attribute's unit per `perMs`) beyond limit; see RateSeries for how it is taken. */
  | { kind: 'rate'; limit: number; perMs: number; direction: 'both' | 'rising' | 'falling'; deadband: number; windowMs: number }
  /** A free condition: the expression's result, evaluated by the engine over current values. */
  | { kind: 'expression' };

export interface Observation {
  value: Value;
  quality: Quality;
  reason?: QualityReason | undefined;
  /** deviation: the value of the attribute compared with (undefined while unknown or bad). */
  other?: number | undefined;
  /** rate-of-change: the rate in the attribute's unit per `perMs` (undefined while it cannot be taken). */
  rate?: number | undefined;
  /** condition: the expression's result (undefined while an input is unknown or bad). */
  result?: boolean | undefined;
}

/**
 * The raw condition for one observation, given whether it was in alarm (for the deadband), or
 * undefined when the observation cannot say (a bad value for a limit, an unknown other value).
 */
export function rawCondition(spec: ConditionSpec, o: Observation, wasActive: boolean): boolean | undefined {
  if (spec.kind === 'quality') {
    if (spec.quality === 'bad') return o.quality === 'bad';
    if (spec.quality === 'stale') return o.reason === 'stale';
    return o.quality !== 'good';
  }
  if (spec.kind === 'expression') return o.result;
  if (spec.kind === 'rate') {
    if (o.rate === undefined) return undefined;
    const by = spec.direction === 'rising' ? o.rate : spec.direction === 'falling' ? -o.rate : Math.abs(o.rate);
    return wasActive ? by > spec.limit - spec.deadband : by > spec.limit;
  }
  // A bad value says nothing about the process; the quality alarm reports it.
  if (o.quality === 'bad') return undefined;
  if (spec.kind === 'discrete') return spec.equals !== undefined ? o.value === spec.equals : o.value !== spec.notEquals;
  if (typeof o.value !== 'number') return undefined;
  if (spec.kind === 'limit') {
    const v = o.value;
    if (spec.side === 'high') return wasActive ? v > spec.setpoint - spec.deadband : v > spec.setpoint;
    return wasActive ? v < spec.setpoint + spec.deadband : v < spec.setpoint;
  }
  if (o.other === undefined) return undefined;
  const d = o.value - o.other;
  const by = spec.direction === 'above' ? d : spec.direction === 'below' ? -d : Math.abs(d);
  return wasActive ? by > spec.limit - spec.deadband : by > spec.limit;
}

/** A change of the delayed condition: at the source time it took effect. */
export interface ConditionChange {
  active: boolean;
  at: number;
  value: Value;
}

/** The on- and off-delays of one alarm, with its raw condition (for the deadband). */
export class DelayedCondition {
  readonly onDelayMs: number;
  readonly offDelayMs: number;
  /** The raw condition (deadband applied, delays not). */
  raw = false;
  /** The condition after the delays. */
  active = false;
  /** A change waiting for its delay: the target, since when, and the latest value. */
  pending: { active: boolean; since: number; value: Value } | undefined;
  /** Source time of the newest observation taken; older ones are ignored. */
  lastTs = -Infinity;

  constructor(onDelayMs: number, offDelayMs: number, active = false) {
    this.onDelayMs = onDelayMs;
    this.offDelayMs = offDelayMs;
    this.active = active;
    this.raw = active;
  }

  /** When the pending change takes effect, or undefined. */
  get dueAt(): number | undefined {
    return this.pending ? this.pending.since + (this.pending.active ? this.onDelayMs : this.offDelayMs) : undefined;
  }

  /** Take the raw condition of a sample at source time `ts`; returns the changes it completes (0 to 2). */
  observe(raw: boolean, ts: number, value: Value): ConditionChange[] {
    if (ts < this.lastTs) return [];
    this.lastTs = ts;
    this.raw = raw;
    const out = this.due(ts);
    if (raw === this.active) {
      this.pending = undefined;
      return out;
    }
    if (this.pending?.active === raw) {
      this.pending.value = value;
      return out;
    }
    if ((raw ? this.onDelayMs : this.offDelayMs) === 0) {
      this.active = raw;
      out.push({ active: raw, at: ts, value });
    } else {
      this.pending = { active: raw, since: ts, value };
    }
    return out;
  }

  /** Complete a pending change whose delay has passed by `now`: it took effect when the delay ended. */
  due(now: number): ConditionChange[] {
    const at = this.dueAt;
    if (at === undefined || now < at) return [];
    const { active, value } = this.pending!;
    this.pending = undefined;
    this.active = active;
    return [{ active, at, value }];
  }
}
