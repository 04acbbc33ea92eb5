import { describe, expect, it } from 'vitest';
import { ArrivalMeter } from './arrivals.js';

const T0 = 1_700_000_000_000;

describe('arrival rates', () => {
  it('reads a device pushing one value every 5 s as 12 values/min, every ~5 s, not 0 values/s', () => {
    const m = new ArrivalMeter();
    m.begin(T0);
    for (let k = 1; k <= 24; k++) m.record(T0 + k * 5000, 1);
    const r = m.snapshot(T0 + 24 * 5000 + 3000);
    expect(r.valuesPerMinute).toBe(12);
    expect(r.valuesPerSecond).toBe(0.2);
    expect(r.typicalIntervalMs).toBe(5000);
    expect(r.lastAt).toBe(T0 + 120_000);
    expect(r.windowSeconds).toBe(60);
  });

  it('covers only the time since counting began right after start', () => {
    const m = new ArrivalMeter();
    m.begin(T0);
    m.record(T0 + 1000, 10);
    m.record(T0 + 2000, 10);
    const r = m.snapshot(T0 + 4000);
    expect(r.windowSeconds).toBe(4);
    expect(r.valuesPerSecond).toBe(5);
    expect(r.valuesInWindow).toBe(20);
  });

  it('right after connect, rates from the first arrival, not from the connect', () => {
    const m = new ArrivalMeter();
    m.begin(T0);
    // A meter pushing every 2 s whose first push came 4 s after the connect.
    for (const t of [4000, 6000, 8000, 10_000]) m.record(T0 + t, 1);
    expect(m.snapshot(T0 + 10_000).valuesPerMinute).toBe(30);
    expect(m.snapshot(T0 + 10_000).windowSeconds).toBe(10);
  });

  it('forgets values older than a minute, and has no interval before a second batch', () => {
    const m = new ArrivalMeter();
    m.begin(T0);
    m.record(T0 + 500, 100);
    expect(m.snapshot(T0 + 1000).typicalIntervalMs).toBeUndefined();
    const later = m.snapshot(T0 + 120_000);
    expect(later.valuesInWindow).toBe(0);
    expect(later.valuesPerMinute).toBe(0);
    expect(later.lastAt).toBe(T0 + 500);
  });

  it('takes the median gap, so one late batch does not change "every ~1 s"', () => {
    const m = new ArrivalMeter();
    m.begin(T0);
    const times = [1000, 2000, 3000, 9000, 10_000, 11_000];
    for (const t of times) m.record(T0 + t, 1);
    expect(m.snapshot(T0 + 11_000).typicalIntervalMs).toBe(1000);
  });
});
