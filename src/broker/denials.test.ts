import { afterEach, describe, expect, it, vi } from 'vitest';
import { DenialThrottle, type BrokerDenial, type DenialReport } from './denials.js';

const pub = (username: string | undefined, topic: string): BrokerDenial => ({ action: 'publish', username, clientId: `c-${username ?? 'anon'}`, topic });

afterEach(() => vi.useRealTimers());

describe('DenialThrottle', () => {
  it('counts every denial, reports the first per user and action at once and the rest of the window as one summary', () => {
    vi.useFakeTimers({ now: 0 });
    const reports: DenialReport[] = [];
    const t = new DenialThrottle({ windowMs: 60_000, now: Date.now, report: (r) => reports.push(r) });
    for (let i = 0; i < 1000; i++) t.deny(pub('uns-reader', `uns/x${i}`));
    t.deny({ action: 'subscribe', username: 'uns-reader', clientId: 'c', topic: '#' });
    t.deny(pub('other', 'a'));
    expect(t.counts()).toEqual({ publish: 1001, subscribe: 1 });
    expect(reports.map((r) => [r.action, r.username, r.topic, r.suppressed])).toEqual([
      ['publish', 'uns-reader', 'uns/x0', 0],
      ['subscribe', 'uns-reader', '#', 0],
      ['publish', 'other', 'a', 0],
    ]);
    vi.advanceTimersByTime(60_000);
    expect(reports.slice(3).map((r) => [r.username, r.topic, r.suppressed])).toEqual([['uns-reader', 'uns/x999', 999]]);
    // A new window: the next denial is reported at once again.
    t.deny(pub('uns-reader', 'uns/again'));
    expect(reports.at(-1)).toMatchObject({ topic: 'uns/again', suppressed: 0 });
    expect(reports).toHaveLength(5);
  });

  it('reports what is held back on flush, and survives a reporter that throws', () => {
    vi.useFakeTimers({ now: 0 });
    const reports: DenialReport[] = [];
    let fail = true;
    const t = new DenialThrottle({ now: Date.now, report: (r) => { if (fail) throw new Error('disk full'); reports.push(r); } });
    t.deny(pub(undefined, 'a'));
    fail = false;
    t.deny(pub(undefined, 'b'));
    t.deny(pub(undefined, 'c'));
    t.flush();
    expect(reports.map((r) => [r.username, r.topic, r.suppressed])).toEqual([[undefined, 'c', 2]]);
    expect(t.counts().publish).toBe(3);
  });
});
