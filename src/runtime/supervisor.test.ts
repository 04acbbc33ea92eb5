import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import { CausewayError } from '../core/errors.js';
import type { Sample } from '../core/sample.js';
import type { Source } from '../sources/types.js';
import { backoffDelay, DEFAULT_BACKOFF, retryDelay } from './backoff.js';
import { SinkSupervisor, SourceSupervisor } from './supervisor.js';

const logger = pino({ level: 'silent' });
const refused = () => new CausewayError('CW_SOURCE_CONNECT_FAILED', { source: 'plc', target: '127.0.0.1:1502', reason: 'connection refused' });

/** A scripted source: connect outcomes in order, then succeed. */
function scriptedSource(failures: number, extra: Partial<Source> = {}): Source & { connects: number; closes: number } {
  const s = {
    connects: 0,
    closes: 0,
    async connect() {
      s.connects++;
      if (s.connects <= failures) throw refused();
    },
    async close() {
      s.closes++;
    },
    ...extra,
  };
  return s;
}

function supervise(source: Source, onBatch = async (_b: Sample[]) => {}, pollIntervalMs = 1000) {
  return new SourceSupervisor({ id: 'plc', kind: 'test', zone: 'ot', role: 'source', logger, source, pollIntervalMs, onBatch, random: () => 1 });
}

describe('backoff', () => {
  it.each([
    [1, 1, 1000], [2, 1, 2000], [3, 1, 4000], [7, 1, 60_000], [50, 1, 60_000], [1, 0, 500], [3, 0.5, 3000],
  ])('attempt %i with random %f waits %i ms', (attempt, r, ms) => {
    expect(backoffDelay(attempt, undefined, () => r)).toBe(ms);
  });
});

describe('backoff after a link that was up broke', () => {
  it.each([
    // attempt, ms since the break (undefined: peer never seen), random, delay
    [1, 0, 1, 1000], [2, 5000, 1, 2000], [6, 59_999, 1, 2000], [6, 59_999, 0, 1000],
    [6, 60_000, 1, 32_000], [6, undefined, 1, 32_000], [10, undefined, 1, 60_000],
  ])('attempt %i, %s ms after the break, random %f: waits %i ms', (attempt, since, r, ms) => {
    expect(retryDelay(attempt, since, DEFAULT_BACKOFF, () => r)).toBe(ms);
  });

  it('keeps the full backoff for a policy without a recent cap', () => {
    expect(retryDelay(6, 0, { initialMs: 1000, maxMs: 60_000, factor: 2, jitter: 0 }, () => 1)).toBe(32_000);
  });
});

describe('source supervisor', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('retries a failing connect with growing delays and reports each step', async () => {
    const src = scriptedSource(3);
    const sup = supervise(src);
    sup.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(sup.status()).toMatchObject({ state: 'backoff', attempts: 1, nextRetryAt: 1_001_000, lastError: { code: 'CW_SOURCE_CONNECT_FAILED' } });
    expect(sup.status().lastError?.message).toBe('Cannot reach plc at 127.0.0.1:1502: connection refused.');
    await vi.advanceTimersByTimeAsync(1000);
    expect(sup.status()).toMatchObject({ state: 'backoff', attempts: 2, nextRetryAt: 1_003_000 });
    await vi.advanceTimersByTimeAsync(2000);
    expect(sup.status()).toMatchObject({ state: 'backoff', attempts: 3, nextRetryAt: 1_007_000 });
    await vi.advanceTimersByTimeAsync(3999);
    expect(src.connects).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(src.connects).toBe(4);
    const st = sup.status();
    expect(st).toMatchObject({ state: 'connected', attempts: 0, lastSuccessAt: 1_007_000 });
    expect(st.nextRetryAt).toBeUndefined();
    await sup.stop();
    expect(sup.status().state).toBe('stopped');
  });

  it('polls on a fixed grid and counts overruns instead of queueing cycles', async () => {
    let polls = 0;
    let slow = false;
    const batches: number[] = [];
    const src = scriptedSource(0, {
      async poll() {
        polls++;
        if (slow) await new Promise((r) => setTimeout(r, 2500));
        return [{ path: 'plc/x', value: polls, ts: Date.now(), quality: 'good' as const }];
      },
    });
    const sup = supervise(src, async (b) => void batches.push(b[0]!.value as number));
    sup.start();
    await vi.advanceTimersByTimeAsync(2500);
    expect(polls).toBe(3); // t=0, 1000, 2000
    slow = true;
    await vi.advanceTimersByTimeAsync(3000); // poll at 3000 takes until 5500: cycles 4000 and 5000 are skipped
    expect(sup.status().overruns).toBe(2);
    expect(batches).toEqual([1, 2, 3, 4]);
    await sup.stop();
  });

  it('polls each poll group on its own grid, and a failing group reconnects the source', async () => {
    const calls: string[] = [];
    let failFast = false;
    const src = scriptedSource(0, {
      pollGroups: () => [{ id: 'fast', intervalMs: 100 }, { id: 'slow', intervalMs: 1000 }],
      async poll(group?: string) {
        calls.push(group!);
        if (failFast && group === 'fast') throw new CausewayError('CW_SOURCE_READ_FAILED', { source: 'plc', reason: 'timeout' });
        return [];
      },
    });
    const sup = supervise(src);
    sup.start();
    await vi.advanceTimersByTimeAsync(950);
    expect(calls.filter((g) => g === 'fast')).toHaveLength(10);
    expect(calls.filter((g) => g === 'slow')).toHaveLength(1);
    failFast = true;
    await vi.advanceTimersByTimeAsync(100);
    expect(sup.status()).toMatchObject({ state: 'backoff', lastError: { code: 'CW_SOURCE_READ_FAILED' } });
    expect(src.closes).toBe(1);
    await sup.stop();
  });

  it('reconnects a push source that reports a lost link, and subscribes again', async () => {
    const subscribers: Array<(b: Sample[]) => void> = [];
    const src = scriptedSource(0, { subscribe: (cb) => void subscribers.push(cb) });
    const got: Sample[][] = [];
    const sup = supervise(src, async (b) => void got.push(b));
    sup.start();
    await vi.advanceTimersByTimeAsync(0);
    subscribers[0]!([{ path: 'plc/a', value: 1, ts: 1, quality: 'good' }]);
    expect(sup.status()).toMatchObject({ state: 'connected', batches: 1 });
    sup.reportError(new CausewayError('CW_SOURCE_READ_FAILED', { source: 'plc', reason: 'socket closed' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(sup.status()).toMatchObject({ state: 'backoff', lastError: { code: 'CW_SOURCE_READ_FAILED' } });
    expect(src.closes).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(src.connects).toBe(2);
    expect(subscribers).toHaveLength(2);
    expect(got).toHaveLength(1);
    await sup.stop();
  });

  it('stops promptly during a long backoff and closes the source', async () => {
    const src = scriptedSource(100);
    const sup = supervise(src);
    sup.start();
    await vi.advanceTimersByTimeAsync(200_000);
    expect(sup.status().state).toBe('backoff');
    const closesBefore = src.closes;
    await sup.stop();
    expect(sup.status().state).toBe('stopped');
    expect(src.closes).toBeGreaterThan(closesBefore);
    const connects = src.connects;
    await vi.advanceTimersByTimeAsync(600_000);
    expect(src.connects).toBe(connects);
  });

  it('keeps a sink connected when the destination refuses one batch, but reconnects when the link fails', async () => {
    let connects = 0;
    let next: unknown;
    const sink = {
      async connect() { connects++; },
      async send() { if (next) throw next; },
      async close() {},
    };
    const sup = new SinkSupervisor({ id: 'erp', kind: 'webhook', zone: 'it', role: 'sink', logger, sink, random: () => 1 });
    sup.start();
    await vi.advanceTimersByTimeAsync(0);
    next = new CausewayError('CW_SINK_SEND_FAILED', { sink: 'erp', reason: 'HTTP 400' });
    Object.defineProperty(next, 'retryable', { value: false });
    await expect(sup.send([])).rejects.toBe(next);
    await vi.advanceTimersByTimeAsync(0);
    expect(sup.status().state).toBe('connected');
    next = new CausewayError('CW_SINK_SEND_FAILED', { sink: 'erp', reason: 'connection reset' });
    await expect(sup.send([])).rejects.toBe(next);
    await vi.advanceTimersByTimeAsync(0);
    expect(sup.status().state).toBe('backoff');
    next = undefined;
    await vi.advanceTimersByTimeAsync(1000);
    expect(connects).toBe(2);
    await sup.stop();
  });

  it('retries every 2 s at most for a minute after a link that was up breaks, then backs off in full', async () => {
    let up = true;
    const subscribers: Array<(b: Sample[]) => void> = [];
    const src = scriptedSource(0, {
      subscribe: (cb) => void subscribers.push(cb),
      async connect() {
        src.connects++;
        if (!up) throw refused();
      },
    });
    const sup = supervise(src);
    sup.start();
    await vi.advanceTimersByTimeAsync(0);
    up = false;
    sup.reportError(new CausewayError('CW_SOURCE_READ_FAILED', { source: 'plc', reason: 'socket closed' }));
    await vi.advanceTimersByTimeAsync(0);
    const brokeAt = Date.now();
    const delays: number[] = [];
    while (Date.now() - brokeAt < 70_000) {
      const st = sup.status();
      delays.push(st.nextRetryAt! - st.lastError!.at);
      await vi.advanceTimersByTimeAsync(st.nextRetryAt! - Date.now());
    }
    const within = delays.slice(0, delays.findIndex((d) => d > 2000));
    expect(within.length).toBeGreaterThan(25);
    expect(within.every((d) => d <= 2000)).toBe(true);
    // Past the minute the usual exponential backoff resumes from where the attempts are.
    expect(delays.at(-1)).toBe(60_000);
    await sup.stop();
  });

  it('backs off in full after a break when the refusal will not change by itself', async () => {
    const peer = { refusal: undefined as unknown };
    const src = scriptedSource(0, {
      subscribe: () => undefined,
      async connect() {
        src.connects++;
        if (peer.refusal) throw peer.refusal;
      },
    });
    const sup = supervise(src);
    sup.start();
    await vi.advanceTimersByTimeAsync(0);
    peer.refusal = new CausewayError('CW_SOURCE_AUTH_FAILED', { source: 'plc', target: 'opc.tcp://plc:4840', user: 'hub', status: 'BadUserAccessDenied' });
    sup.reportError(new CausewayError('CW_SOURCE_READ_FAILED', { source: 'plc', reason: 'socket closed' }));
    await vi.advanceTimersByTimeAsync(2000);
    const st = sup.status();
    expect(st.lastError?.code).toBe('CW_SOURCE_AUTH_FAILED');
    expect(st.nextRetryAt! - st.lastError!.at).toBe(60_000);
    await sup.stop();
  });

  it('retries at once on reconnectNow() during a backoff', async () => {
    const src = scriptedSource(7);
    const sup = supervise(src);
    sup.start();
    await vi.advanceTimersByTimeAsync(100_000);
    expect(sup.status()).toMatchObject({ state: 'backoff', attempts: 7 });
    expect(sup.status().nextRetryAt! - Date.now()).toBe(23_000);
    sup.reconnectNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(src.connects).toBe(8);
    expect(sup.status()).toMatchObject({ state: 'connected', attempts: 0 });
    await sup.stop();
  });

  it('closes and reopens a connected poll source on reconnectNow(), without a backoff or an error', async () => {
    let polls = 0;
    const src = scriptedSource(0, { poll: async () => (polls++, []) });
    const sup = supervise(src);
    const ups: number[] = [];
    sup.onConnected(() => ups.push(Date.now()));
    sup.start();
    await vi.advanceTimersByTimeAsync(1500);
    expect(polls).toBe(2);
    sup.reconnectNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(src.closes).toBe(1);
    expect(src.connects).toBe(2);
    expect(ups).toHaveLength(2);
    expect(sup.status()).toMatchObject({ state: 'connected', attempts: 0 });
    expect(sup.status().lastError).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1000);
    expect(polls).toBe(4);
    await sup.stop();
  });

  it('does nothing on reconnectNow() once stopped', async () => {
    const src = scriptedSource(0, { subscribe: () => undefined });
    const sup = supervise(src);
    sup.start();
    await vi.advanceTimersByTimeAsync(0);
    await sup.stop();
    sup.reconnectNow();
    await vi.advanceTimersByTimeAsync(5000);
    expect(src.connects).toBe(1);
    expect(sup.status().state).toBe('stopped');
  });

  it('retries before the backoff ends when the source says what it waited for has changed', async () => {
    let release: (() => void) | undefined;
    const src = scriptedSource(1, {
      subscribe: () => undefined,
      retryWhen: (signal: AbortSignal) => new Promise<void>((resolve) => {
        release = resolve;
        signal.addEventListener('abort', () => resolve(), { once: true });
      }),
    });
    const sup = new SourceSupervisor({ id: 'plc', kind: 'test', zone: 'ot', role: 'source', logger, source: src, pollIntervalMs: 1000, onBatch: async () => {}, policy: { initialMs: 600_000, maxMs: 600_000, factor: 2, jitter: 0 } });
    sup.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(sup.status()).toMatchObject({ state: 'backoff', nextRetryAt: 1_600_000 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(src.connects).toBe(1);
    release!();
    await vi.advanceTimersByTimeAsync(0);
    expect(src.connects).toBe(2);
    expect(sup.status().state).toBe('connected');
    await sup.stop();
  });

  it('keeps retrying often after a hint that the peer is back, in case it is still starting', async () => {
    const releases: Array<() => void> = [];
    const src = scriptedSource(100, {
      subscribe: () => undefined,
      retryWhen: (signal: AbortSignal) => new Promise<void>((resolve) => {
        releases.push(resolve);
        signal.addEventListener('abort', () => resolve(), { once: true });
      }),
    });
    const sup = supervise(src);
    sup.start();
    await vi.advanceTimersByTimeAsync(300_000);
    const before = sup.status();
    expect(before.nextRetryAt! - before.lastError!.at).toBe(60_000);
    const connects = src.connects;
    releases.at(-1)!();
    await vi.advanceTimersByTimeAsync(0);
    expect(src.connects).toBe(connects + 1);
    const after = sup.status();
    expect(after.nextRetryAt! - after.lastError!.at).toBeLessThanOrEqual(2000);
    await sup.stop();
  });
});
