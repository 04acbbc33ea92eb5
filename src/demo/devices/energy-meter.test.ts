import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isDue, startEnergyMeter, waitAfter } from './energy-meter.js';

const TOKEN = 'meter-token-0123456789';

function harness(answer: (call: number) => Response | Error) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const logs: Array<{ level: number; msg: string }> = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init! });
    const a = answer(calls.length);
    if (a instanceof Error) throw a;
    return a;
  });
  const logger = pino({ level: 'info' }, { write: (l: string) => void logs.push(JSON.parse(l)) });
  const start = () => startEnergyMeter({ hubUrl: 'http://127.0.0.1:9', token: TOKEN, seed: 7, epochMs: Date.now(), logger, intervalMs: 5000, fetch: fetch as typeof globalThis.fetch });
  return { calls, logs, start };
}

describe('the simulated energy meter', () => {
  beforeEach(() => void vi.useFakeTimers({ now: 1_800_000_000_000 }));
  afterEach(() => void vi.useRealTimers());

  it('posts {ts, values} with its bearer token: at once, then on the 5 s grid', async () => {
    const h = harness(() => Response.json({ accepted: 10, rejected: [] }));
    const meter = await h.start();
    await vi.advanceTimersByTimeAsync(10_100); // 1 s, 5 s, 10 s
    await meter.stop();
    expect(h.calls).toHaveLength(3);
    const { url, init } = h.calls[0]!;
    expect(url).toBe('http://127.0.0.1:9/ingest/energy-meter');
    expect(init.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' });
    const body = JSON.parse(String(init.body));
    expect(Object.keys(body.values).sort()).toEqual(['current_l1', 'current_l2', 'current_l3', 'energy', 'frequency', 'power', 'power_factor', 'voltage_l1', 'voltage_l2', 'voltage_l3']);
    expect(body.values.energy).toBeCloseTo(2_841_250, -2); // kWh, from a Wh counter
    expect(body.ts % 1000).toBe(0);
  });

  it('waits as long as Retry-After asks after a 429', async () => {
    const h = harness((n) => (n === 1 ? new Response('{}', { status: 429, headers: { 'retry-after': '12' } }) : Response.json({ accepted: 1, rejected: [] })));
    const meter = await h.start();
    await vi.advanceTimersByTimeAsync(12_100); // sends at 1 s (429), then waits
    expect(h.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000); // 13 s: the 12 s asked for are over
    expect(h.calls).toHaveLength(2);
    await meter.stop();
    expect(h.logs.filter((l) => l.level === 40).map((l) => l.msg)).toEqual(['Energy meter: the hub answered 429; waiting 12 s as it asks.']);
  });

  it('waits quietly for a hub that is still starting, then warns once when it goes away later', async () => {
    const h = harness((n) => (n <= 2 || (n >= 4 && n <= 6) ? new TypeError('fetch failed') : Response.json({ accepted: 1, rejected: [] })));
    const meter = await h.start();
    await vi.advanceTimersByTimeAsync(20_100); // fails at 1 and 2 s, delivers at 3 s; fails at 5, 10, 15 s; delivers at 20 s
    await meter.stop();
    expect(h.calls).toHaveLength(7);
    expect(h.logs.filter((l) => l.level === 40).map((l) => l.msg)).toEqual([
      'Energy meter: the hub at http://127.0.0.1:9 is unreachable (fetch failed); the meter keeps measuring and trying every 5 s.',
    ]);
    const said = h.logs.map((l) => l.msg);
    expect(said).toContain('Energy meter: the hub at http://127.0.0.1:9 does not answer yet; trying every second.');
    expect(said.filter((m) => m.startsWith('Energy meter: the hub takes readings'))).toEqual(['Energy meter: the hub takes readings.', 'Energy meter: the hub takes readings again.']);
  });
});

describe('isDue', () => {
  it.each([
    [10_000, undefined, false, true],
    [10_999, 10_000, false, false],
    [11_000, 10_000, false, true],
    [14_999, 10_000, true, false],
    [15_000, 14_999, true, true],
  ])('at %i after a send at %s (delivered: %s): %s', (now, last, delivered, due) => {
    expect(isDue(now, last, delivered, 5000)).toBe(due);
  });
});

describe('waitAfter', () => {
  it.each([
    [200, null, undefined],
    [400, '5', undefined],
    [429, '3', 3000],
    [503, null, 5000],
    [429, '0', 1000],
    [429, '3600', 60_000],
    [503, new Date(1_000_030_000).toUTCString(), 30_000],
    [429, 'soon', 5000],
  ])('%i with Retry-After %s waits %s ms', (status, header, ms) => {
    expect(waitAfter(status, header, 1_000_000_000)).toBe(ms);
  });
});
