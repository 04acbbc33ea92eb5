import { DuckDBAppender } from '@duckdb/node-api';
import { describe, expect, it, vi } from 'vitest';
import type { Sample } from '../../core/sample.js';
import { DuckDbStore } from './store.js';
import { openHistorian, settledSoon, spyLogger, sql, tempFile } from './test-helpers.js';

const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);
const sample = (i: number, path = 'line/speed'): Sample => ({ path, value: i, ts: T0 + i, quality: 'good' });
const series = (n: number): Sample[] => Array.from({ length: n }, (_, i) => sample(i, `line/t${i % 10}`));
const ALL = Array.from({ length: 10 }, (_, i) => `line/t${i}`);

describe('DuckDbHistorian backpressure', () => {
  it('makes the third write wait while the buffer is full, until a flush makes room', async () => {
    const h = await openHistorian({ file: tempFile(), maxPending: 2, batchSize: 1000 });
    await h.write([sample(1)]);
    await h.write([sample(2)]);
    const third = h.write([sample(3)]);
    expect(await settledSoon(third)).toBe('pending');
    expect(h.stats().pending).toBe(2);
    await h.flush();
    expect(await settledSoon(third)).toBe('settled');
    expect(h.stats()).toMatchObject({ pending: 1, written: 2 });
    await h.flush();
    expect((await h.queryRaw({ paths: ['line/speed'], from: T0, to: T0 + 10 })).map((s) => s.value)).toEqual([1, 2, 3]);
  });

  it('flushes writes still waiting for room on close', async () => {
    const file = tempFile();
    const h = await openHistorian({ file, maxPending: 1, batchSize: 1000 });
    await h.write([sample(1)]);
    const waiting = [h.write([sample(2)]), h.write([sample(3)])];
    await h.close();
    await Promise.all(waiting);
    expect(await sql(file, 'SELECT list(value ORDER BY value)::INTEGER[] FROM (SELECT v_num AS value FROM samples)')).toEqual([[[1, 2, 3]]]);
  });
});

describe('DuckDbHistorian background flush', () => {
  it('flushes on the interval without being asked', async () => {
    const h = await openHistorian({ file: tempFile(), flushIntervalMs: 20 });
    await h.write(series(100));
    await vi.waitFor(() => expect(h.stats()).toMatchObject({ pending: 0, written: 100 }), { timeout: 5000 });
    expect(h.stats().lastFlushAt).toBeTypeOf('number');
  });

  it('flushes early once batchSize samples are pending', async () => {
    const h = await openHistorian({ file: tempFile(), batchSize: 50 });
    await h.write(series(49));
    await new Promise((r) => setTimeout(r, 50));
    expect(h.stats()).toMatchObject({ pending: 49, written: 0 });
    await h.write(series(1));
    await vi.waitFor(() => expect(h.stats()).toMatchObject({ pending: 0, written: 50 }), { timeout: 5000 });
  });
});

describe('DuckDbHistorian failed flushes', () => {
  it('keeps the samples, counts the failure, logs once per streak, and writes each sample once on retry', async () => {
    const file = tempFile();
    const { logger, error, info } = spyLogger();
    const h = await openHistorian({ file, logger });
    await h.write(series(30));
    // The rows reach the open transaction, then the flush fails: the rollback must drop them.
    const realClose = DuckDBAppender.prototype.closeSync;
    const closeSync = vi.spyOn(DuckDBAppender.prototype, 'closeSync').mockImplementation(function (this: DuckDBAppender) {
      realClose.call(this);
      throw new Error('IO Error: No space left on device');
    });
    await expect(h.flush()).rejects.toMatchObject({ code: 'CW_HISTORIAN_WRITE_FAILED' });
    await expect(h.flush()).rejects.toMatchObject({ code: 'CW_HISTORIAN_WRITE_FAILED' });
    expect(h.stats()).toMatchObject({ pending: 30, written: 0, failedFlushes: 2, lastError: 'IO Error: No space left on device' });
    expect(error).toHaveBeenCalledTimes(1);
    expect(await h.queryRaw({ paths: ALL, from: T0, to: T0 + 100 })).toHaveLength(30);
    expect(await h.tags()).toHaveLength(10);

    closeSync.mockRestore();
    await h.flush();
    expect(h.stats()).toMatchObject({ pending: 0, written: 30, failedFlushes: 2 });
    expect(info).toHaveBeenCalledWith(expect.objectContaining({ failedFlushes: 2 }), expect.stringMatching(/recovered/));
    expect(await h.queryRaw({ paths: ALL, from: T0, to: T0 + 100 })).toEqual(series(30).sort((a, b) => a.ts - b.ts));
    await h.close();
    expect(await sql(file, 'SELECT count(*)::INTEGER, count(DISTINCT ts)::INTEGER FROM samples')).toEqual([[30, 30]]);
    expect(await sql(file, 'SELECT count(*)::INTEGER FROM tags')).toEqual([[10]]);
  });

  it('rejects close() while the final flush fails, and closes once it succeeds', async () => {
    const file = tempFile();
    const h = await openHistorian({ file });
    await h.write(series(5));
    const failing = vi.spyOn(DuckDbStore.prototype, 'writeFlush').mockRejectedValue(new Error('disk gone'));
    await expect(h.close()).rejects.toMatchObject({ code: 'CW_HISTORIAN_WRITE_FAILED' });
    expect(h.stats().pending).toBe(5);
    failing.mockRestore();
    await h.close();
    expect(await sql(file, 'SELECT count(*)::INTEGER FROM samples')).toEqual([[5]]);
  });
});

describe('DuckDbHistorian reads during a flush', () => {
  const N = 5000;

  it('includes samples being flushed when the database does not hold them yet', async () => {
    const h = await openHistorian({ file: tempFile() });
    await h.write(series(N));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const real = DuckDbStore.prototype.writeFlush;
    vi.spyOn(DuckDbStore.prototype, 'writeFlush').mockImplementationOnce(async function (this: DuckDbStore, ...args) {
      await gate;
      return real.apply(this, args);
    });
    const flushing = h.flush();
    try {
      await h.write([sample(N, 'line/t0')]); // arrives while the flush is in progress
      expect(await h.queryRaw({ paths: ALL, from: T0, to: T0 + 2 * N })).toHaveLength(N + 1);
    } finally {
      release();
      await flushing;
    }
    expect(await h.queryRaw({ paths: ALL, from: T0, to: T0 + 2 * N })).toHaveLength(N + 1);
  });

  it.each(['pending', 'in flight'])('does not double samples %s when their flush commits between the buffer and the database snapshots', async (stage) => {
    const h = await openHistorian({ file: tempFile() });
    await h.write(series(N));
    const realWrite = DuckDbStore.prototype.writeFlush;
    let started!: () => void;
    const inFlight = new Promise<void>((r) => (started = r));
    vi.spyOn(DuckDbStore.prototype, 'writeFlush').mockImplementationOnce(async function (this: DuckDbStore, ...args) {
      started();
      return realWrite.apply(this, args);
    });
    const flushing = h.flush();
    if (stage === 'in flight') await inFlight;
    const realRead = DuckDbStore.prototype.readRaw;
    vi.spyOn(DuckDbStore.prototype, 'readRaw').mockImplementationOnce(async function (this: DuckDbStore, ...args) {
      await flushing; // the buffer snapshot still holds the rows; the database now does too
      return realRead.apply(this, args);
    });
    const got = await h.queryRaw({ paths: ALL, from: T0, to: T0 + N });
    expect(got).toHaveLength(N);
    expect(new Set(got.map((s) => s.ts)).size).toBe(N);
  });
});
