import { describe, expect, it } from 'vitest';
import type { AlarmEvent } from '../../alarms/notify/event.js';
import { emailText } from '../../alarms/notify/email.js';
import { alarmMsgId, mqttAlarmMessages } from './alarms.js';

const ev = (id: string, state: AlarmEvent['state'], atMs: number, event: AlarmEvent['event'] = 'activate'): AlarmEvent => ({
  type: 'alarm', id, path: id.slice(0, id.lastIndexOf('/')), name: 'hi', event, state, from: 'NORMAL', priority: 'high', message: `${id} high`, at: new Date(atMs).toISOString(), atMs,
});

describe('alarm events on MQTT', () => {
  it('sends every event on the stream and only the last state of each alarm retained, clearing those back to Normal', () => {
    const m = mqttAlarmMessages([ev('a/x/hi', 'UNACK_ACTIVE', 1), ev('b/y/hi', 'UNACK_ACTIVE', 2), ev('a/x/hi', 'NORMAL', 3, 'clear')], 'uns/_alarms');
    expect(m.events.map((e) => [e.topic, (JSON.parse(e.payload) as AlarmEvent).state])).toEqual([['uns/_alarms/events', 'UNACK_ACTIVE'], ['uns/_alarms/events', 'UNACK_ACTIVE'], ['uns/_alarms/events', 'NORMAL']]);
    expect(m.active.map((a) => [a.topic, a.payload === '' ? '' : (JSON.parse(a.payload) as AlarmEvent).state])).toEqual([['uns/_alarms/active/b/y/hi', 'UNACK_ACTIVE'], ['uns/_alarms/active/a/x/hi', '']]);
  });

  it('gives each transition its own JetStream message id, the same when sent again', () => {
    expect(alarmMsgId(ev('a/x/hi', 'UNACK_ACTIVE', 5))).toBe('alarm:a/x/hi:5:activate:UNACK_ACTIVE');
    expect(alarmMsgId(ev('a/x/hi', 'NORMAL', 5, 'clear'))).not.toBe(alarmMsgId(ev('a/x/hi', 'UNACK_ACTIVE', 5)));
  });
});

describe('alarm e-mail text', () => {
  it('keeps the subject on one line whatever the message holds', () => {
    const e = { ...ev('a/x/hi', 'UNACK_ACTIVE', 0), message: 'line one\r\nBcc: someone@else.test' };
    expect(emailText(e, {}).subject).toBe('[HIGH] line one Bcc: someone@else.test');
  });

  it('says how long an escalated alarm has waited', () => {
    const e = { ...ev('a/x/hi', 'UNACK_ACTIVE', 0), rationalization: { correctiveAction: 'Open the valve.', timeToRespondMs: 7_200_000 } };
    const t = emailText(e, { escalation: { afterMs: 7_200_000 }, consoleUrl: 'https://hub.plant.test/' });
    expect(t.subject).toBe('[ESCALATION HIGH] a/x/hi high');
    expect(t.text).toContain('active and unacknowledged for 2 h, past its time to respond');
    expect(t.text).toContain('Corrective action: Open the valve.');
    expect(t.text).toContain('Acknowledge in the console: https://hub.plant.test/alarms');
  });
});
