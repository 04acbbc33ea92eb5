import type { Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { CausewayError } from '../core/errors.js';
import type { Sample } from '../core/sample.js';
import type { CountersSnapshot } from './counters.js';
import { rulesFor } from './normalize.js';
import { Pipeline, type PipelineConsumer } from './pipeline.js';

const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

const RULES = rulesFor('plc', [
  { id: 'speed', scale: 0.1, deadband: { absolute: 1, maxInterval: '1m' } },
  { id: 'temp', clamp: { min: 0, max: 100 } },
  { id: 'state', type: 'string' },
]);

/** The namespace mapping stand-in: speed is bound to an asset attribute, the rest stays raw. */
const map = (batch: readonly Sample[]): Sample[] => batch.map((s) => (s.path === 'plc/speed' ? { ...s, path: 'acme/line1/filler/speed' } : s));

function s(tag: string, value: unknown, ts = T0, quality = 'good'): Sample {
  return { path: `plc/${tag}`, value, ts, quality } as Sample;
}

/** A consumer that records what it got; when `gated`, each batch waits for release(). */
function consumer(name: string, extra: Partial<PipelineConsumer> & { gated?: boolean } = {}) {
  const got: Sample[][] = [];
  const gates: Array<() => void> = [];
  const c: PipelineConsumer = {
    name,
    handle: async (batch) => {
      if (extra.gated) await new Promise<void>((resolve) => gates.push(resolve));
      got.push([...batch]);
    },
    ...extra,
  };
  return { c, got, paths: () => got.flat().map((x) => x.path), releaseAll: () => gates.splice(0).forEach((open) => open()) };
}

function fakeLogger() {
  const warnings: Array<{ obj: Record<string, unknown>; msg: string }> = [];
  const logger = { warn: (obj: Record<string, unknown>, msg: string) => warnings.push({ obj, msg }), error: () => {}, info: () => {}, debug: () => {} };
  return { logger: logger as unknown as Logger, warnings };
}

/** The invariants a user reads off /metrics once the queues are drained. */
function expectCountersAddUp(snap: CountersSnapshot): void {
  expect(snap.received.total).toBe(snap.passed + snap.filtered + snap.rejected.total);
  for (const c of Object.values(snap.consumers)) expect(c.offered).toBe(c.delivered + c.dropped.total);
}

describe('Pipeline', () => {
  it('feeds a fast consumer everything while a slow one pushes back, and the counters add up', async () => {
    const fast = consumer('historian');
    const slow = consumer('uns', { gated: true, capacity: 1, maxWaiting: 1, accepts: (p) => p.startsWith('acme/') });
    const pipeline = new Pipeline({ rules: RULES, map, consumers: [fast.c, slow.c], now: () => T0 });

    const first = await pipeline.ingest('plc', [s('speed', 100), s('temp', 150), s('nope', 1), s('state', 'RUN')]);
    expect(first).toMatchObject({ received: 4, passed: 3, filtered: 0, rejected: 1, consumers: { historian: 'accepted', uns: 'accepted' } });

    // The slow consumer is still busy with the first batch: the second ingest waits for it.
    let secondDone = false;
    const second = pipeline.ingest('plc', [s('speed', 150, T0 + 1), s('speed', 151, T0 + 2)]).then((r) => ((secondDone = true), r));
    await settle();
    expect(secondDone).toBe(false);
    expect(fast.got).toHaveLength(2);

    // A third batch while one is already waiting: dropped for the slow consumer, stored by the fast one.
    const third = await pipeline.ingest('plc', [s('speed', 300, T0 + 3), s('temp', Number.NaN, T0 + 3)]);
    expect(third.consumers).toEqual({ historian: 'accepted', uns: 'dropped' });

    slow.releaseAll();
    await settle();
    slow.releaseAll();
    expect((await second).consumers).toEqual({ historian: 'accepted', uns: 'accepted' });
    await pipeline.drain();

    expect(fast.got.flat().map((x) => [x.path, x.value, x.quality])).toEqual([
      ['acme/line1/filler/speed', 10, 'good'], ['plc/temp', 100, 'uncertain'], ['plc/state', 'RUN', 'good'],
      ['acme/line1/filler/speed', 15, 'good'],
      ['acme/line1/filler/speed', 30, 'good'],
    ]);
    expect(slow.paths()).toEqual(['acme/line1/filler/speed', 'acme/line1/filler/speed']);

    const snap = pipeline.counters.snapshot();
    expect(snap).toMatchObject({
      received: { total: 8, bySource: { plc: 8 } }, passed: 5, filtered: 1,
      rejected: { total: 2, byReason: { unknown_tag: 1, not_finite: 1 } },
      consumers: {
        historian: { offered: 5, delivered: 5, dropped: { total: 0 } },
        uns: { offered: 3, delivered: 2, dropped: { total: 1, byReason: { queue_full: 1 } } },
      },
    });
    expectCountersAddUp(snap);
  });

  it('stores a steady value again after the heartbeat interval', async () => {
    const h = consumer('historian');
    let now = T0;
    const pipeline = new Pipeline({ rules: RULES, consumers: [h.c], now: () => now });
    for (const ts of [T0, T0 + 10_000, T0 + 59_999, T0 + 60_000, T0 + 70_000]) {
      now = ts;
      await pipeline.ingest('plc', [s('speed', 500, ts)]);
    }
    await pipeline.drain();
    expect(h.got.flat().map((x) => x.ts - T0)).toEqual([0, 60_000]);
    expect(pipeline.counters.snapshot().filtered).toBe(3);
  });

  it('warns about a rejected tag at most once a minute, counts every one, and keeps the last', async () => {
    const { logger, warnings } = fakeLogger();
    let now = T0;
    const pipeline = new Pipeline({ rules: RULES, consumers: [consumer('historian').c], now: () => now, logger });
    await pipeline.ingest('plc', [s('temp', 'hot'), s('temp', 'hot'), s('ghost', 1)]);
    now += 30_000;
    await pipeline.ingest('plc', [s('temp', 'warm', now)]);
    expect(warnings.map((w) => w.obj.reason)).toEqual(['type_mismatch', 'unknown_tag']);
    expect(warnings[0]!.msg).toBe('A value of plc/temp was not stored: its value "hot" cannot be read as a number.');
    expect(warnings[0]!.obj).toMatchObject({ code: 'CW_PIPELINE_SAMPLE_REJECTED', path: 'plc/temp', suppressed: 0 });
    expect(warnings[1]!.obj.hint).toMatch(/Add the tag/);

    now += 30_000;
    await pipeline.ingest('plc', [s('temp', 'cold', now)]);
    expect(warnings).toHaveLength(3);
    expect(warnings[2]!.obj).toMatchObject({ reason: 'type_mismatch', suppressed: 2 });
    expect(pipeline.counters.snapshot().rejected.byReason).toEqual({ type_mismatch: 4, unknown_tag: 1 });
    expect(pipeline.lastRejected().type_mismatch).toMatchObject({ sample: { value: 'cold' }, at: now });
    expect(pipeline.lastRejected().unknown_tag?.sample.path).toBe('plc/ghost');
  });

  it('accepts tags of a source added later and rejects them after it is removed', async () => {
    const h = consumer('historian');
    const pipeline = new Pipeline({ consumers: [h.c], now: () => T0 });
    expect((await pipeline.ingest('mixer', [{ path: 'mixer/rpm', value: 1, ts: T0, quality: 'good' }])).rejected).toBe(1);
    pipeline.addRules('mixer', rulesFor('mixer', [{ id: 'rpm', deadband: { absolute: 5 } }]));
    expect((await pipeline.ingest('mixer', [{ path: 'mixer/rpm', value: 1, ts: T0, quality: 'good' }])).passed).toBe(1);
    // A sample claiming another source's path is not taken from this one.
    expect((await pipeline.ingest('plc', [{ path: 'mixer/rpm', value: 1, ts: T0, quality: 'good' }])).rejected).toBe(1);
    pipeline.removeRules('mixer');
    expect((await pipeline.ingest('mixer', [{ path: 'mixer/rpm', value: 9, ts: T0, quality: 'good' }])).rejected).toBe(1);
    expect(pipeline.counters.snapshot().rejected.byReason).toEqual({ unknown_tag: 3 });
  });

  it('accepts unlisted tags of a source with dynamic tags, but only under its own id', async () => {
    const h = consumer('historian');
    const pipeline = new Pipeline({ rules: RULES, consumers: [h.c], now: () => T0, dynamicSources: ['spb'] });
    const r = await pipeline.ingest('spb', [
      { path: 'spb/plant/node1/pressure', value: 7.1, ts: T0, quality: 'good' },
      { path: 'plc/speed', value: 1, ts: T0, quality: 'good' },
    ]);
    expect(r).toMatchObject({ passed: 1, rejected: 1 });
    expect((await pipeline.ingest('plc', [s('unlisted', 1)])).rejected).toBe(1);
    await pipeline.drain();
    expect(h.paths()).toEqual(['spb/plant/node1/pressure']);
  });

  it('rejects a batch whose namespace mapping fails, without losing count', async () => {
    const h = consumer('historian');
    const pipeline = new Pipeline({ rules: RULES, consumers: [h.c], now: () => T0, map: () => { throw new Error('binding table corrupt'); } });
    const result = await pipeline.ingest('plc', [s('state', 'RUN'), s('temp', 5)]);
    expect(result).toMatchObject({ passed: 0, rejected: 2, consumers: {} });
    expect(h.got).toEqual([]);
    expect(pipeline.lastRejected().mapping_failed?.problem).toMatch(/binding table corrupt/);
    expectCountersAddUp(pipeline.counters.snapshot());
  });

  it('retries a consumer that fails for a while, and drops (and reports) a batch it refuses', async () => {
    const { logger, warnings } = fakeLogger();
    let outage = 2;
    const got: string[] = [];
    const flaky: PipelineConsumer = {
      name: 'uns',
      handle: async (batch) => {
        if (batch.some((x) => x.value === 'POISON')) throw new Error('payload too large');
        if (outage-- > 0) throw new CausewayError('CW_SINK_SEND_FAILED', { sink: 'uns', reason: 'broker unreachable' });
        got.push(...batch.map((x) => String(x.value)));
      },
    };
    const waits: number[] = [];
    const pipeline = new Pipeline({ rules: RULES, consumers: [flaky], now: () => T0, logger, delay: async (ms) => void waits.push(ms) });
    await pipeline.ingest('plc', [s('state', 'A', T0)]);
    await pipeline.ingest('plc', [s('state', 'POISON', T0 + 1)]);
    await pipeline.ingest('plc', [s('state', 'B', T0 + 2)]);
    await pipeline.drain();
    expect(got).toEqual(['A', 'B']);
    expect(waits).toEqual([100, 200]);
    expect(pipeline.counters.snapshot().consumers.uns).toEqual({ offered: 3, delivered: 2, dropped: { total: 1, byReason: { consumer_error: 1 } } });
    expect(warnings.map((w) => w.msg)).toEqual([
      'uns did not take a batch of 1 samples (attempt 1): Sending to uns failed: broker unreachable; retrying in 100 ms while new batches wait.',
      'A batch of 1 samples for uns was dropped: payload too large.',
    ]);
  });

  it('drops with reason closed what arrives after close', async () => {
    const h = consumer('historian');
    const pipeline = new Pipeline({ rules: RULES, consumers: [h.c], now: () => T0 });
    await pipeline.ingest('plc', [s('state', 'A')]);
    await pipeline.drain();
    await pipeline.close();
    expect((await pipeline.ingest('plc', [s('state', 'B', T0 + 1)])).consumers).toEqual({ historian: 'dropped' });
    const snap = pipeline.counters.snapshot();
    expect(snap.consumers.historian).toEqual({ offered: 2, delivered: 1, dropped: { total: 1, byReason: { closed: 1 } } });
    expect(pipeline.queues()).toEqual([expect.objectContaining({ name: 'historian', depth: 0, capacity: 100, waiting: 0 })]);
  });

  it('refuses two consumers with the same name', () => {
    expect(() => new Pipeline({ consumers: [consumer('a').c, consumer('a').c] })).toThrow(/two consumers/);
  });
});
