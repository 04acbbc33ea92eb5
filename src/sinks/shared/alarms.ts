/** Alarm events through a sink (its `alarms:` opt-in): what each kind publishes where. docs/alarms.md, "Publication". */
import type { AlarmEvent } from '../../alarms/notify/event.js';

export type { AlarmEvent } from '../../alarms/notify/event.js';

/** Where a sink publishes alarm events: the `prefix` of its `alarms:` block, if any. */
export interface AlarmRoute {
  prefix?: string;
}

/** The last event of each alarm in a batch, in the order of those last events. */
export function lastPerAlarm(events: readonly AlarmEvent[]): AlarmEvent[] {
  const last = new Map<string, AlarmEvent>();
  for (const e of events) {
    last.delete(e.id);
    last.set(e.id, e);
  }
  return [...last.values()];
}

/**
 * MQTT: every event on `<base>/events` (not retained), then each alarm's state retained on
 * `<base>/active/<alarm id>`; an alarm back to NORMAL clears its retained message (empty payload),
 * so a subscriber to `<base>/active/#` gets exactly the alarms away from Normal.
 */
export function mqttAlarmMessages(events: readonly AlarmEvent[], base: string): { events: Array<{ topic: string; payload: string }>; active: Array<{ topic: string; payload: string }> } {
  return {
    events: events.map((e) => ({ topic: `${base}/events`, payload: JSON.stringify(e) })),
    active: lastPerAlarm(events).map((e) => ({ topic: `${base}/active/${e.id}`, payload: e.state === 'NORMAL' ? '' : JSON.stringify(e) })),
  };
}

/** The JetStream message id of an event: the same when a batch is sent again, so the stream keeps it once. */
export function alarmMsgId(e: AlarmEvent): string {
  return `alarm:${e.id}:${e.atMs}:${e.event}:${e.state}`;
}
