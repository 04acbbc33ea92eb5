/**
 * The ISA-18.2 alarm state machine, pure: a status and an event in, the next status and the
 * transition (if anything changed) out. No clock, no I/O: every event carries its own time.
 *
 * The alarm's own states (`base`): NORMAL; UNACK_ACTIVE (new, not acknowledged); ACKED_ACTIVE;
 * RTN_UNACK (returned to normal, not acknowledged); LATCHED (a latching alarm whose condition
 * cleared: stays until acknowledged, which resets it). Three ways to take an alarm off the
 * operator's list sit above them: OUT_OF_SERVICE (an engineer), SHELVED (an operator, until a
 * time), SUPPRESSED (by design, while a condition holds). While any of them holds, the alarm is
 * not annunciated and its base is NORMAL; when the last one ends, an active condition raises it
 * again as UNACK_ACTIVE.
 */
import type { Value } from '../core/sample.js';

export type AlarmBase = 'NORMAL' | 'UNACK_ACTIVE' | 'ACKED_ACTIVE' | 'RTN_UNACK' | 'LATCHED';
export type AlarmStateName = AlarmBase | 'SHELVED' | 'SUPPRESSED' | 'OUT_OF_SERVICE';
export const ALARM_STATES: readonly AlarmStateName[] = ['NORMAL', 'UNACK_ACTIVE', 'ACKED_ACTIVE', 'RTN_UNACK', 'LATCHED', 'SHELVED', 'SUPPRESSED', 'OUT_OF_SERVICE'];

export interface AlarmStatus {
  base: AlarmBase;
  /** The condition, after on- and off-delays. */
  active: boolean;
  /** Suppressed by design (suppressedWhen is true). */
  suppressed: boolean;
  shelved?: { by: string; reason: string; at: number; until: number };
  outOfService?: { by: string; reason: string; at: number };
  /** The value of the last sample that changed the condition. */
  value?: Value;
  /** When the condition last became active. */
  activeAt?: number;
  acked?: { by: string; at: number; comment?: string };
  /** Time of the last transition. */
  changedAt: number;
}

export type AlarmEvent =
  | { kind: 'condition'; active: boolean; at: number; value?: Value }
  | { kind: 'suppression'; suppressed: boolean; at: number }
  | { kind: 'ack'; at: number; user: string; comment?: string }
  | { kind: 'shelve'; at: number; user: string; reason: string; until: number }
  | { kind: 'unshelve'; at: number; user?: string; comment?: string }
  | { kind: 'out-of-service'; at: number; user: string; reason: string }
  | { kind: 'in-service'; at: number; user: string; comment?: string };

export type TransitionEvent = 'activate' | 'clear' | 'ack' | 'shelve' | 'unshelve' | 'shelve-expired' | 'suppress' | 'unsuppress' | 'out-of-service' | 'in-service';

export interface Transition {
  event: TransitionEvent;
  from: AlarmStateName;
  to: AlarmStateName;
  /** Source time of the sample that caused it, or the time of the action. */
  at: number;
  value?: Value;
  user?: string;
  comment?: string;
}

/** A status that was never in alarm. */
export function normalStatus(at = 0): AlarmStatus {
  return { base: 'NORMAL', active: false, suppressed: false, changedAt: at };
}

/** The state an operator sees: out of service, shelved, suppressed, else the alarm's own. */
export function stateOf(s: AlarmStatus): AlarmStateName {
  if (s.outOfService) return 'OUT_OF_SERVICE';
  if (s.shelved) return 'SHELVED';
  if (s.suppressed) return 'SUPPRESSED';
  return s.base;
}

function annunciating(s: AlarmStatus): boolean {
  return !s.outOfService && !s.shelved && !s.suppressed;
}

/** The base an alarm takes when it is annunciated again: a standing condition is a new alarm. */
function reannounced(s: AlarmStatus): AlarmBase {
  return annunciating(s) && s.active ? 'UNACK_ACTIVE' : 'NORMAL';
}

/** The base after the condition changes, for an annunciated alarm. */
function onCondition(base: AlarmBase, active: boolean, latching: boolean): AlarmBase {
  if (active) return base === 'ACKED_ACTIVE' || base === 'UNACK_ACTIVE' ? base : 'UNACK_ACTIVE';
  switch (base) {
    case 'UNACK_ACTIVE': return latching ? 'LATCHED' : 'RTN_UNACK';
    case 'ACKED_ACTIVE': return latching ? 'LATCHED' : 'NORMAL';
    default: return base;
  }
}

function onAck(base: AlarmBase): AlarmBase {
  switch (base) {
    case 'UNACK_ACTIVE': return 'ACKED_ACTIVE';
    case 'RTN_UNACK':
    case 'LATCHED': return 'NORMAL';
    default: return base;
  }
}

/** Why an operator action cannot be taken now, or undefined when it can. */
export function refusal(s: AlarmStatus, kind: AlarmEvent['kind']): string | undefined {
  if ((kind === 'shelve' || kind === 'ack') && s.outOfService) return 'it is out of service';
  return undefined;
}

/**
 * Apply one event. Returns the next status and the transition, or no transition when nothing an
 * operator or the journal would see changed (acknowledging an acknowledged alarm, a repeated
 * condition). Operator actions that are not allowed now (see refusal) change nothing.
 */
export function apply(s: AlarmStatus, e: AlarmEvent, latching: boolean): { status: AlarmStatus; transition?: Transition } {
  if (refusal(s, e.kind)) return { status: s };
  const from = stateOf(s);
  const next: AlarmStatus = { ...s };
  let event: TransitionEvent;
  let extra: Pick<Transition, 'value' | 'user' | 'comment'> = {};
  switch (e.kind) {
    case 'condition':
      if (e.value !== undefined) next.value = e.value;
      if (e.active === s.active) return { status: next };
      next.active = e.active;
      if (e.active) next.activeAt = e.at;
      if (annunciating(s)) next.base = onCondition(s.base, e.active, latching);
      if (next.base === 'UNACK_ACTIVE' && s.base !== 'UNACK_ACTIVE') delete next.acked;
      event = e.active ? 'activate' : 'clear';
      extra = e.value !== undefined ? { value: e.value } : {};
      break;
    case 'suppression':
      if (e.suppressed === s.suppressed) return { status: s };
      next.suppressed = e.suppressed;
      next.base = e.suppressed ? 'NORMAL' : reannounced(next);
      event = e.suppressed ? 'suppress' : 'unsuppress';
      break;
    case 'ack':
      if (!annunciating(s) || onAck(s.base) === s.base) return { status: s };
      next.base = onAck(s.base);
      next.acked = { by: e.user, at: e.at, ...(e.comment ? { comment: e.comment } : {}) };
      event = 'ack';
      extra = { user: e.user, ...(e.comment ? { comment: e.comment } : {}) };
      break;
    case 'shelve':
      next.shelved = { by: e.user, reason: e.reason, at: e.at, until: e.until };
      next.base = 'NORMAL';
      event = 'shelve';
      extra = { user: e.user, comment: e.reason };
      break;
    case 'unshelve':
      if (!s.shelved) return { status: s };
      delete next.shelved;
      next.base = reannounced(next);
      event = e.user === undefined ? 'shelve-expired' : 'unshelve';
      extra = { ...(e.user ? { user: e.user } : {}), ...(e.comment ? { comment: e.comment } : {}) };
      break;
    case 'out-of-service':
      if (s.outOfService) return { status: s };
      next.outOfService = { by: e.user, reason: e.reason, at: e.at };
      delete next.shelved;
      next.base = 'NORMAL';
      event = 'out-of-service';
      extra = { user: e.user, comment: e.reason };
      break;
    case 'in-service':
      if (!s.outOfService) return { status: s };
      delete next.outOfService;
      next.base = reannounced(next);
      event = 'in-service';
      extra = { user: e.user, ...(e.comment ? { comment: e.comment } : {}) };
      break;
  }
  next.changedAt = e.at;
  return { status: next, transition: { event, from, to: stateOf(next), at: e.at, ...extra } };
}
