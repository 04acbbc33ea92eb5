/**
 * The alarm event: one journaled transition as it leaves the hub (MQTT, NATS, webhooks, e-mail).
 * JSON, documented in docs/alarms.md ("Publication"); times in ISO 8601 UTC and epoch ms.
 */
import type { Value } from '../../core/sample.js';
import type { AlarmStateName, AlarmView, JournalEntry } from '../index.js';

export interface AlarmEvent {
  type: 'alarm';
  /** `<attribute path>/<alarm name>`. */
  id: string;
  path: string;
  name: string;
  /** What happened: activate, clear, ack, shelve, unshelve, shelve-expired, suppress, unsuppress, out-of-service, in-service. */
  event: JournalEntry['event'];
  /** The state after the transition, and before it. */
  state: AlarmStateName;
  from: AlarmStateName;
  priority: string;
  area?: string;
  message: string;
  value?: Value;
  setpoint?: number;
  unit?: string;
  /** When the transition happened (the sample's source time, or the time of the action). */
  at: string;
  atMs: number;
  /** When the condition last became active. */
  activeAt?: string;
  /** The operator or engineer who acted, and their comment or reason. */
  user?: string;
  comment?: string;
  rationalization?: AlarmView['rationalization'];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The event of one transition; `view` (the alarm now) adds what the journal entry does not carry. */
export function alarmEvent(e: JournalEntry, view: AlarmView | undefined): AlarmEvent {
  const rationalization = view && Object.keys(view.rationalization).length > 0 ? view.rationalization : undefined;
  return {
    type: 'alarm', id: e.id, path: e.path, name: e.name, event: e.event, state: e.to, from: e.from, priority: e.priority,
    ...(e.area ? { area: e.area } : {}),
    message: e.message ?? view?.message ?? e.id,
    ...(e.value !== undefined ? { value: e.value } : {}),
    ...(view?.setpoint !== undefined ? { setpoint: view.setpoint } : {}),
    ...(view?.unit ? { unit: view.unit } : {}),
    at: iso(e.at), atMs: e.at,
    ...(view?.activeAt !== undefined && view.active ? { activeAt: iso(view.activeAt) } : {}),
    ...(e.user ? { user: e.user } : {}), ...(e.comment ? { comment: e.comment } : {}),
    ...(rationalization ? { rationalization } : {}),
  };
}

/** True when the transition raises the alarm to the operator (a new alarm, or one annunciated again). */
export function raises(e: Pick<AlarmEvent, 'state' | 'from'>): boolean {
  return e.state === 'UNACK_ACTIVE' && e.from !== 'UNACK_ACTIVE';
}
