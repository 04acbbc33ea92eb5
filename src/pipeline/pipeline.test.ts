import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { CausewayError } from '../core/errors.js';
import type { Sample } from '../core/sample.js';
import type { CountersSnapshot } from './counters.js';
import { rulesFor } from './normalize.js';
import { Pipeline, type PipelineConsumer, type PipelineOptions } from './pipeline.js';
import { IngestLog } from '../state/ingest-log/index.js';

const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !cond(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(cond()).toBe(true);
}

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

const opened: Array<{ pipeline: Pipeline; log: IngestLog; dir: string }> = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.pipeline.close();
    await o.log.close();
    rmSync(o.dir, { recursive: true, force: true });
  }
});

/** A started pipeline over a real ingest log in a temporary folder. */
async function make(o: Omit<PipelineOptions, 'log'>, logOpts: { maxBytes?: number; dir?: string } = {}): Promise<Pipeline> {
  const dir = logOpts.dir ?? mkdtempSync(join(tmpdir(), 'cw-pipeline-'));
  const log = await IngestLog.open(dir, { maxBytes: logOpts.maxBytes ?? 64 * 1024 * 1024, fsync: false });
  const pipeline = new Pipeline({ ...o, log });
  pipeline.start();
  opened.push({ pipeline, log, dir });
  return pipeline;
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
  it('answers once a batch is in the log; a slow consumer lags on disk, a fast one keeps up, and the counters add up', async () => {
    const fast = consumer('historian');
    const slow = consumer('uns', { gated: true, accepts: (p) => p.startsWith('acme/') });
    const pipeline = await make({ rules: RULES, map, consumers: [fast.c, slow.c], now: () => T0 });

    const first = await pipeline.ingest('plc', [s('speed', 100), s('temp', 150), s('nope', 1), s('state', 'RUN')]);
    expect(first).toMatchObject({ received: 4, passed: 3, filtered: 0, rejected: 1, seq: 1 });
    // The slow consumer holds its first batch: later ingests are accepted all the same (the log keeps them).
    const second = await pipeline.ingest('plc', [s('speed', 150, T0 + 1), s('speed', 151, T0 + 2)]);
    const third = await pipeline.ingest('plc', [s('speed', 300, T0 + 3), s('temp', Number.NaN, T0 + 3)]);
    expect([second.seq, third.seq]).toEqual([2, 3]);
    await until(() => fast.got.flat().length === 5);
    expect(slow.got).toHaveLength(0);

    slow.releaseAll();
    await until(() => slow.got.length === 1);
    slow.releaseAll();
    await until(() => slow.paths().length === 3);
    expect(await pipeline.drain(5000)).toBe(true);

    expect(fast.got.flat().map((x) => [x.path, x.value, x.quality])).toEqual([
      ['acme/line1/filler/speed', 10, 'good'], ['plc/temp', 100, 'uncertain'], ['plc/state', 'RUN', 'good'],
      ['acme/line1/filler/speed', 15, 'good'],
      ['acme/line1/filler/speed', 30, 'good'],
    ]);
    // Every sample meant for the slow consumer arrives, in order: nothing is dropped for being slow.
    expect(slow.got.flat().map((x) => x.value)).toEqual([10, 15, 30]);

    const snap = pipeline.counters.snapshot();
    expect(snap).toMatchObject({
      received: { total: 8, bySource: { plc: 8 } }, passed: 5, filtered: 1,
      rejected: { total: 2, byReason: { unknown_tag: 1, not_finite: 1 } },
      consumers: {
        historian: { offered: 5, delivered: 5, dropped: { total: 0 } },
        uns: { offered: 3, delivered: 3, dropped: { total: 0 } },
      },
    });
    expectCountersAddUp(snap);
    expect(pipeline.readers().map((r) => [r.name, r.cursor, r.durable])).toEqual([['historian', 3, 3], ['uns', 3, 3]]);
  });

  it('stores a steady value again after the heartbeat interval', async () => {
    const h = consumer('historian');
    let now = T0;
    const pipeline = await make({ rules: RULES, consumers: [h.c], now: () => now });
    for (const ts of [T0, T0 + 10_000, T0 + 59_999, T0 + 60_000, T0 + 70_000]) {
      now = ts;
      await pipeline.ingest('plc', [s('speed', 500, ts)]);
    }
    await pipeline.drain(5000);
    expect(h.got.flat().map((x) => x.ts - T0)).toEqual([0, 60_000]);
    expect(pipeline.counters.snapshot().filtered).toBe(3);
  });

  it('warns about a rejected tag at most once a minute, counts every one, and keeps the last', async () => {
    const { logger, warnings } = fakeLogger();
    let now = T0;
    const pipeline = await make({ rules: RULES, consumers: [consumer('historian').c], now: () => now, logger });
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
    const pipeline = await make({ consumers: [h.c], now: () => T0 });
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
    const pipeline = await make({ rules: RULES, consumers: [h.c], now: () => T0, dynamicSources: ['spb'] });
    const r = await pipeline.ingest('spb', [
      { path: 'spb/plant/node1/pressure', value: 7.1, ts: T0, quality: 'good' },
      { path: 'plc/speed', value: 1, ts: T0, quality: 'good' },
    ]);
    expect(r).toMatchObject({ passed: 1, rejected: 1 });
    expect((await pipeline.ingest('plc', [s('unlisted', 1)])).rejected).toBe(1);
    await pipeline.drain(5000);
    expect(h.paths()).toEqual(['spb/plant/node1/pressure']);
  });

  it('rejects a batch whose namespace mapping fails, without losing count', async () => {
    const h = consumer('historian');
    const pipeline = await make({ rules: RULES, consumers: [h.c], now: () => T0, map: () => { throw new Error('binding table corrupt'); } });
    const result = await pipeline.ingest('plc', [s('state', 'RUN'), s('temp', 5)]);
    expect(result).toMatchObject({ passed: 0, rejected: 2 });
    expect(result.seq).toBeUndefined();
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
    const pipeline = await make({ rules: RULES, consumers: [{ ...flaky, maxBatch: 1 }], now: () => T0, logger, delay: async (ms) => void waits.push(ms) });
    await pipeline.ingest('plc', [s('state', 'A', T0)]);
    await pipeline.ingest('plc', [s('state', 'POISON', T0 + 1)]);
    await pipeline.ingest('plc', [s('state', 'B', T0 + 2)]);
    await pipeline.drain(5000);
    expect(got).toEqual(['A', 'B']);
    expect(waits).toEqual([100, 200]);
    expect(pipeline.counters.snapshot().consumers.uns).toEqual({ offered: 3, delivered: 2, dropped: { total: 1, byReason: { consumer_error: 1 } } });
    expect(warnings.map((w) => w.msg)).toEqual([
      'uns did not take a batch of 1 samples (attempt 1): Sending to uns failed: broker unreachable; retrying in 100 ms while later batches wait in the ingest spool.',
      'A batch of 1 samples for uns was dropped: payload too large.',
    ]);
  });

  it('refuses a batch while the log is full, before the deadband moves, and takes it again once there is room', async () => {
    const h = consumer('historian', { gated: true });
    const pipeline = await make({ rules: RULES, consumers: [h.c], now: () => T0 }, { maxBytes: 4096 });
    let i = 0;
    let refused: unknown;
    while (refused === undefined && i < 200) {
      await pipeline.ingest('plc', [s('state', `S${i}`.padEnd(200, '.'), T0 + i)]).then(() => i++, (e: unknown) => (refused = e));
    }
    expect(refused).toMatchObject({ code: 'CW_PIPELINE_OVERLOADED', status: 503, retryAfterSeconds: 2 });
    expect(pipeline.counters.snapshot().rejected.byReason).toEqual({ spool_full: 1 });
    await expect(pipeline.ingest('plc', [s('state', 'Y'.padEnd(400, '.'), T0 + 499)])).rejects.toMatchObject({ code: 'CW_PIPELINE_OVERLOADED' });
    // A deadband tag in a batch refused now is not filtered when it is sent again later.
    const big = [s('speed', 500, T0 + 500), ...Array.from({ length: 30 }, (_, k) => s('state', `X${k}`.padEnd(200, '.'), T0 + 501 + k))];
    await expect(pipeline.ingest('plc', big)).rejects.toMatchObject({ code: 'CW_PIPELINE_OVERLOADED' });
    while (h.got.flat().length < i) {
      h.releaseAll();
      await settle();
    }
    await until(() => {
      h.releaseAll();
      return pipeline.readers()[0]!.durable === i;
    });
    pipeline.release();
    const again = await pipeline.ingest('plc', [s('speed', 500, T0 + 500)]);
    expect(again).toMatchObject({ passed: 1, filtered: 0 });
    expectCountersAddUp(pipeline.counters.snapshot());
  });

  it('hands a restarted consumer only what it does not hold yet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-pipeline-'));
    const first = consumer('historian');
    const p1 = await make({ rules: RULES, consumers: [first.c], now: () => T0 }, { dir });
    for (let k = 0; k < 5; k++) await p1.ingest('plc', [s('state', `S${k}`, T0 + k)]);
    await p1.drain(5000);
    const o = opened.splice(0)[0]!;
    await o.pipeline.close();
    await o.log.close();
    // The consumer says it holds everything up to seq 3 (e.g. the historian's last flush): 4 and 5 come again.
    const again = consumer('historian', { startMark: 3 });
    const p2 = await make({ rules: RULES, consumers: [again.c], now: () => T0 }, { dir });
    await p2.drain(5000);
    expect(again.got.flat().map((x) => x.value)).toEqual(['S3', 'S4']);
  });

  it('refuses two consumers with the same name', async () => {
    await expect(make({ consumers: [consumer('a').c, consumer('a').c] })).rejects.toThrow(/two consumers/);
  });
});
