import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CausewayError } from '../core/errors.js';
import type { Sample } from '../core/sample.js';
import { SqliteSpool } from '../state/spool.js';
import { Forwarder, type ForwarderOptions } from './forwarder.js';

const batch = (from: number, n: number): Sample[] => Array.from({ length: n }, (_, i) => ({ path: 'a/b', value: from + i, ts: from + i, quality: 'good' }));
const values = (samples: readonly Sample[]) => samples.map((s) => s.value);
const down = () => new CausewayError('CW_SINK_SEND_FAILED', { sink: 'x', reason: 'the sink is backoff' });

/** A sink that fails while `up` is false, and records what it took. */
function fakeSink() {
  const sink = { up: false, taken: [] as number[], calls: 0, refuse: undefined as number | undefined };
  const send = async (b: readonly Sample[]) => {
    sink.calls++;
    if (sink.refuse !== undefined && b.some((s) => s.value === sink.refuse)) throw new CausewayError('CW_SINK_REJECTED', { sink: 'x', status: 400, answer: 'bad batch' });
    if (!sink.up) throw down();
    sink.taken.push(...(values(b) as number[]));
  };
  return { sink, send };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

describe('store and forward', () => {
  const dirs: string[] = [];
  const open: Array<{ close(): unknown }> = [];
  afterEach(async () => {
    for (const o of open.splice(0).reverse()) await o.close();
    dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
  });
  const spoolFile = () => {
    const d = mkdtempSync(join(tmpdir(), 'cw-spool-'));
    dirs.push(d);
    return join(d, 'buffer.sqlite');
  };
  const forwarder = (spool: SqliteSpool, o: Partial<ForwarderOptions> & Pick<ForwarderOptions, 'send'>) => {
    const f = new Forwarder({ name: 'sink:x', spool, delay: async () => new Promise((r) => setTimeout(r, 2)), ...o });
    open.push(f);
    return f;
  };

  it('keeps every sample while the sink is down and delivers them in order when it returns', async () => {
    const spool = SqliteSpool.open(':memory:');
    const { sink, send } = fakeSink();
    const f = forwarder(spool, { send });
    f.start();
    for (let i = 0; i < 20; i++) f.enqueue(batch(i * 10, 10));
    await until(() => sink.calls > 3);
    expect(f.stats()).toMatchObject({ buffered: 200, batches: 20, delivered: 0 });
    sink.up = true;
    await until(() => sink.taken.length === 200);
    expect(sink.taken).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(f.stats()).toMatchObject({ buffered: 0, batches: 0, delivered: 200 });
    expect(f.stats().retries).toBeGreaterThan(0);
    open.push(spool);
  });

  it('hands over when the delivered samples arrived at the hub, across a restart, for their age', async () => {
    const file = spoolFile();
    const first = SqliteSpool.open(file);
    const down1 = fakeSink();
    const f1 = new Forwarder({ name: 'sink:x', spool: first, send: down1.send, delay: () => new Promise((r) => setTimeout(r, 1)) });
    f1.start();
    f1.enqueue(batch(0, 5), 1, [{ at: 1000, samples: 2 }, { at: 1010, samples: 3 }]);
    f1.enqueue(batch(5, 5), 2, [{ at: 1020, samples: 5 }]);
    f1.enqueue(batch(10, 1), 3);
    await f1.close();
    first.close();
    const second = SqliteSpool.open(file);
    open.push(second);
    const up = fakeSink();
    up.sink.up = true;
    const delivered: Array<{ samples: number; arrivals: unknown }> = [];
    const f2 = forwarder(second, { send: up.send, onDelivered: (samples, arrivals) => delivered.push({ samples, arrivals }) });
    f2.start();
    await until(() => up.sink.taken.length === 11);
    expect(delivered).toEqual([{ samples: 11, arrivals: [{ at: 1000, samples: 2 }, { at: 1010, samples: 3 }, { at: 1020, samples: 5 }] }]);
  });

  it('sends what a stopped hub left in the buffer at the next start', async () => {
    const file = spoolFile();
    const first = SqliteSpool.open(file);
    const down1 = fakeSink();
    const f1 = new Forwarder({ name: 'sink:x', spool: first, send: down1.send, delay: () => new Promise((r) => setTimeout(r, 1)) });
    f1.start();
    f1.enqueue(batch(0, 5));
    f1.enqueue(batch(5, 5));
    expect(await f1.flush(30)).toBe(false);
    await f1.close();
    first.close();

    const second = SqliteSpool.open(file);
    open.push(second);
    expect(second.size('sink:x')).toEqual({ batches: 2, samples: 10 });
    const { sink, send } = fakeSink();
    sink.up = true;
    const f2 = forwarder(second, { send });
    f2.start();
    expect(await f2.flush(2000)).toBe(true);
    expect(sink.taken).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('drops the oldest samples past its limit, counting them', async () => {
    const spool = SqliteSpool.open(':memory:');
    open.push(spool);
    const drops: Array<[number, string]> = [];
    const { sink, send } = fakeSink();
    const f = forwarder(spool, { send, maxBufferedSamples: 25, onDrop: (n, reason) => drops.push([n, reason]) });
    for (let i = 0; i < 4; i++) f.enqueue(batch(i * 10, 10));
    expect(drops).toEqual([[10, 'buffer_full'], [10, 'buffer_full']]);
    expect(f.stats()).toMatchObject({ buffered: 20, maxBuffered: 25 });
    sink.up = true;
    f.start();
    expect(await f.flush(2000)).toBe(true);
    expect(sink.taken).toEqual(Array.from({ length: 20 }, (_, i) => 20 + i));
  });

  it('drops a batch the sink refuses for good and goes on with the next', async () => {
    const spool = SqliteSpool.open(':memory:');
    open.push(spool);
    const drops: Array<[number, string]> = [];
    const { sink, send } = fakeSink();
    sink.up = true;
    sink.refuse = 3;
    const f = forwarder(spool, { send, maxSendSamples: 5, onDrop: (n, reason) => drops.push([n, reason]) });
    f.enqueue(batch(0, 5));
    f.enqueue(batch(5, 5));
    f.start();
    expect(await f.flush(2000)).toBe(true);
    expect(drops).toEqual([[5, 'consumer_error']]);
    expect(sink.taken).toEqual([5, 6, 7, 8, 9]);
  });

  it('joins small buffered batches into larger sends when catching up', async () => {
    const spool = SqliteSpool.open(':memory:');
    open.push(spool);
    const sizes: number[] = [];
    const f = forwarder(spool, { send: async (b) => void sizes.push(b.length), maxSendSamples: 100 });
    for (let i = 0; i < 30; i++) f.enqueue(batch(i * 10, 10));
    f.start();
    expect(await f.flush(2000)).toBe(true);
    expect(sizes).toEqual([100, 100, 100]);
  });

  it('retries at once, from the first backoff step, when resumed during a long retry delay', async () => {
    const spool = SqliteSpool.open(':memory:');
    const { sink, send } = fakeSink();
    const naps: number[] = [];
    const f = forwarder(spool, {
      send, backoff: { initialMs: 3_600_000, maxMs: 3_600_000 },
      delay: (ms, signal) => {
        naps.push(ms);
        return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      },
    });
    f.start();
    f.enqueue(batch(0, 5));
    await until(() => naps.length === 1);
    sink.up = true;
    f.resume();
    await until(() => sink.taken.length === 5);
    expect(naps).toEqual([3_600_000]);
    expect(f.stats()).toMatchObject({ buffered: 0, delivered: 5, retries: 1 });
  });
});
