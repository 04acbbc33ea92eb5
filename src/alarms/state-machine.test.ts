import { describe, expect, it } from 'vitest';
import { apply, normalStatus, stateOf, type AlarmEvent, type AlarmStatus } from './state-machine.js';

const on = (at: number, value = 1): AlarmEvent => ({ kind: 'condition', active: true, at, value });
const off = (at: number, value = 0): AlarmEvent => ({ kind: 'condition', active: false, at, value });
const ack = (at: number): AlarmEvent => ({ kind: 'ack', at, user: 'op', comment: 'seen' });

/** Run events from Normal; each step as `event from→to @at`, or `-` when nothing changed. */
function run(events: AlarmEvent[], latching = false): { steps: string[]; status: AlarmStatus } {
  let status = normalStatus();
  const steps: string[] = [];
  for (const e of events) {
    const r = apply(status, e, latching);
    status = r.status;
    steps.push(r.transition ? `${r.transition.event} ${r.transition.from}→${r.transition.to} @${r.transition.at}` : '-');
  }
  return { steps, status };
}

describe('ISA-18.2 state machine', () => {
  it('goes Normal → Unack-Active → Acked-Active → Normal, recording times, values and the user', () => {
    let s = normalStatus();
    const a = apply(s, on(1000, 95), false);
    expect(a.transition).toEqual({ event: 'activate', from: 'NORMAL', to: 'UNACK_ACTIVE', at: 1000, value: 95 });
    s = a.status;
    const b = apply(s, { kind: 'ack', at: 2000, user: 'token:op', comment: 'checking the valve' }, false);
    expect(b.transition).toEqual({ event: 'ack', from: 'UNACK_ACTIVE', to: 'ACKED_ACTIVE', at: 2000, user: 'token:op', comment: 'checking the valve' });
    expect(b.status.acked).toEqual({ by: 'token:op', at: 2000, comment: 'checking the valve' });
    const c = apply(b.status, off(3000, 80), false);
    expect(c.transition).toEqual({ event: 'clear', from: 'ACKED_ACTIVE', to: 'NORMAL', at: 3000, value: 80 });
    expect(c.status).toMatchObject({ base: 'NORMAL', active: false, activeAt: 1000, changedAt: 3000 });
  });

  it('returns to normal unacknowledged, then Normal on acknowledge, or Unack-Active again when it comes back', () => {
    expect(run([on(1), off(2), ack(3)]).steps).toEqual(['activate NORMAL→UNACK_ACTIVE @1', 'clear UNACK_ACTIVE→RTN_UNACK @2', 'ack RTN_UNACK→NORMAL @3']);
    expect(run([on(1), off(2), on(3)]).steps).toEqual(['activate NORMAL→UNACK_ACTIVE @1', 'clear UNACK_ACTIVE→RTN_UNACK @2', 'activate RTN_UNACK→UNACK_ACTIVE @3']);
  });

  it('ignores a repeated condition and an acknowledge of nothing', () => {
    expect(run([ack(1), on(2), on(3), ack(4), ack(5)]).steps).toEqual(['-', 'activate NORMAL→UNACK_ACTIVE @2', '-', 'ack UNACK_ACTIVE→ACKED_ACTIVE @4', '-']);
  });

  it('latches: a cleared condition holds the alarm until it is acknowledged (reset)', () => {
    expect(run([on(1), off(2), ack(3)], true).steps).toEqual(['activate NORMAL→UNACK_ACTIVE @1', 'clear UNACK_ACTIVE→LATCHED @2', 'ack LATCHED→NORMAL @3']);
    expect(run([on(1), ack(2), off(3), on(4)], true).steps).toEqual(['activate NORMAL→UNACK_ACTIVE @1', 'ack UNACK_ACTIVE→ACKED_ACTIVE @2', 'clear ACKED_ACTIVE→LATCHED @3', 'activate LATCHED→UNACK_ACTIVE @4']);
  });

  it('shelves an alarm off the list; unshelving with the condition standing raises it again', () => {
    const r = run([on(1), { kind: 'shelve', at: 2, user: 'op', reason: 'sensor being replaced', until: 100 }, off(3), on(4), { kind: 'unshelve', at: 5, user: 'op' }]);
    expect(r.steps).toEqual(['activate NORMAL→UNACK_ACTIVE @1', 'shelve UNACK_ACTIVE→SHELVED @2', 'clear SHELVED→SHELVED @3', 'activate SHELVED→SHELVED @4', 'unshelve SHELVED→UNACK_ACTIVE @5']);
    // Expiry (no user) is its own event; a cleared condition comes back Normal.
    expect(run([on(1), { kind: 'shelve', at: 2, user: 'op', reason: 'r', until: 10 }, off(3), { kind: 'unshelve', at: 10 }]).steps.at(-1)).toBe('shelve-expired SHELVED→NORMAL @10');
  });

  it('suppresses by design while the condition holds, and raises a standing alarm when suppression ends', () => {
    const r = run([{ kind: 'suppression', suppressed: true, at: 1 }, on(2), { kind: 'suppression', suppressed: false, at: 3 }]);
    expect(r.steps).toEqual(['suppress NORMAL→SUPPRESSED @1', 'activate SUPPRESSED→SUPPRESSED @2', 'unsuppress SUPPRESSED→UNACK_ACTIVE @3']);
    expect(run([on(1), { kind: 'suppression', suppressed: true, at: 2 }, off(3), { kind: 'suppression', suppressed: false, at: 4 }]).steps.at(-1)).toBe('unsuppress SUPPRESSED→NORMAL @4');
  });

  it('takes an alarm out of service over shelving; it cannot be shelved or acknowledged there', () => {
    let s = run([on(1), { kind: 'shelve', at: 2, user: 'op', reason: 'r', until: 100 }]).status;
    const oos = apply(s, { kind: 'out-of-service', at: 3, user: 'eng', reason: 'transmitter removed for calibration' }, false);
    expect(oos.transition).toEqual({ event: 'out-of-service', from: 'SHELVED', to: 'OUT_OF_SERVICE', at: 3, user: 'eng', comment: 'transmitter removed for calibration' });
    expect(oos.status.shelved).toBeUndefined();
    s = oos.status;
    expect(apply(s, { kind: 'shelve', at: 4, user: 'op', reason: 'r', until: 9 }, false).transition).toBeUndefined();
    expect(apply(s, ack(4), false).transition).toBeUndefined();
    const back = apply(s, { kind: 'in-service', at: 5, user: 'eng' }, false);
    expect(back.transition).toMatchObject({ event: 'in-service', from: 'OUT_OF_SERVICE', to: 'UNACK_ACTIVE' });
    expect(stateOf(back.status)).toBe('UNACK_ACTIVE');
  });
});
