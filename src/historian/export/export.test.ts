import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../core/sample.js';
import { openHistorian, sql, tempFile } from '../duckdb/test-helpers.js';
import { queryAggregates } from '../query/aggregate.js';
import type { Historian } from '../types.js';
import { exportHistory, planExport } from './index.js';
import type { ExportProgress } from './index.js';

const T0 = Date.UTC(2026, 0, 1);
const PATHS = ['plant/a', 'plant/b', 'plant/c'];

/** `n` seconds of 1 s samples of three paths; every 7th sample of plant/b is bad, plant/c is text. */
async function seeded(n: number): Promise<Historian> {
  const h = await openHistorian({ file: tempFile() });
  for (let start = 0; start < n; start += 5000) {
    const batch: Sample[] = [];
    for (let i = start; i < Math.min(n, start + 5000); i++) {
      const ts = T0 + i * 1000;
      batch.push({ path: 'plant/a', ts, value: Math.round(Math.sin(i / 100) * 1000) / 100, quality: 'good' });
      batch.push({ path: 'plant/b', ts, value: i, quality: i % 7 === 0 ? 'bad' : 'good' });
      batch.push({ path: 'plant/c', ts, value: i % 2 === 0 ? 'run, "auto"' : 'stop', quality: 'uncertain' });
    }
    await h.write(batch);
  }
  await h.flush();
  return h;
}

/** A slow reader with a small buffer: records how much ever waited in it. */
function slowReader() {
  const chunks: Buffer[] = [];
  let maxBuffered = 0;
  const sink = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      maxBuffered = Math.max(maxBuffered, sink.writableLength);
      setImmediate(done);
    },
  });
  return { sink, text: () => Buffer.concat(chunks).toString('utf8'), chunks, maxBuffered: () => maxBuffered };
}

describe('exportHistory: CSV', () => {
  it('streams a long range page by page: every row once, in order, never more than a page waiting', async () => {
    const h = await seeded(20_000);
    const plan = await planExport(h, { paths: PATHS, from: T0, to: T0 + 20_000_000, format: 'csv' });
    expect(plan.total).toBe(60_000);
    const reader = slowReader();
    const progress: ExportProgress[] = [];
    const summary = await plan.run(reader.sink, { pageSize: 500, onProgress: (p) => progress.push(p) });

    const lines = reader.text().split('\r\n');
    expect(lines[0]).toBe('time,path,value,quality');
    expect(lines.at(-1)).toBe('');
    const body = lines.slice(1, -1);
    expect(body).toHaveLength(60_000);
    expect(summary).toMatchObject({ written: 60_000 });
    // Many pages, each written when read: the reader's buffer never held more than about one page.
    expect(summary.pages).toBeGreaterThanOrEqual(120);
    expect(reader.chunks.length).toBeGreaterThanOrEqual(120);
    const pageBytes = summary.bytes / summary.pages;
    expect(reader.maxBuffered()).toBeLessThan(16 * 1024 + 2 * pageBytes);
    // In (time, then path) order, nothing doubled or missing.
    const keys = body.map((l) => l.split(',').slice(0, 2).join(','));
    expect(new Set(keys).size).toBe(60_000);
    expect([...keys].sort()).toEqual(keys);
    expect(body[0]).toBe('2026-01-01T00:00:00.000Z,plant/a,0,good');
    expect(body[1]).toBe('2026-01-01T00:00:00.000Z,plant/b,0,bad');
    expect(body[2]).toBe('2026-01-01T00:00:00.000Z,plant/c,"run, ""auto""",uncertain');
    expect(progress.length).toBe(summary.pages);
    expect(progress.at(-1)).toEqual({ written: 60_000, total: 60_000, percent: 100 });
    expect(progress[0]!.percent).toBeLessThan(2);
  });

  it('writes the wide layout: one column per path, one line per second, bad samples blank', async () => {
    const h = await seeded(10);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await exportHistory(h, { paths: ['plant/b', 'plant/a'], from: T0, to: T0 + 3000, format: 'csv', wide: true }, out);
    expect(Buffer.concat(chunks).toString()).toBe([
      'time,plant/b,plant/a',
      '2026-01-01T00:00:00.000Z,,0',
      '2026-01-01T00:00:01.000Z,1,0.1',
      '2026-01-01T00:00:02.000Z,2,0.2',
      '',
    ].join('\r\n'));
  });

  it('exports aggregates in chunks of buckets, with the answer of one query', async () => {
    const h = await seeded(7200);
    const req = { paths: ['plant/a', 'plant/b'], from: T0 + 30_000, to: T0 + 7_000_000, agg: 'twa' as const, interval: '1m' };
    const reader = slowReader();
    const summary = await exportHistory(h, { ...req, format: 'csv' }, reader.sink);
    const expected = await queryAggregates(h, req);
    const lines = reader.text().split('\r\n').slice(1, -1);
    expect(lines).toHaveLength(expected[0]!.buckets.length * 2);
    expect(summary.written).toBe(lines.length);
    const a = lines.filter((l) => l.includes(',plant/a,')).map((l) => Number(l.split(',')[2]));
    expect(a).toEqual(expected[0]!.buckets.map((b) => b.value));
    expect(lines[1]).toMatch(/^2026-01-01T00:00:00.000Z,plant\/b,[\d.]+,51,9$/);
  });

  it('refuses what it cannot do before writing anything', async () => {
    const h = await seeded(100);
    const base = { paths: PATHS, from: T0, to: T0 + 100_000, format: 'csv' as const };
    await expect(planExport(h, { ...base, paths: [] })).rejects.toMatchObject({ code: 'CW_HISTORIAN_QUERY_INVALID' });
    await expect(planExport(h, { ...base, to: T0 })).rejects.toMatchObject({ code: 'CW_HISTORIAN_QUERY_INVALID' });
    await expect(planExport(h, { ...base, format: 'xlsx' as 'csv' })).rejects.toThrow(/format "xlsx"/);
    await expect(planExport(h, { ...base, format: 'parquet', wide: true })).rejects.toThrow(/wide is a CSV layout/);
    await expect(planExport(h, { ...base, agg: 'twa' })).rejects.toThrow(/needs an interval/);
    await expect(planExport(h, { ...base, agg: 'avg', interval: 'soon' })).rejects.toMatchObject({ code: 'CW_HISTORIAN_QUERY_INVALID' });
    await expect(planExport(h, base, { maxSamples: 299 })).rejects.toThrow('The export is too large: 300 samples, more than the limit of 299 samples.');
    await expect(planExport(h, base, { maxRangeMs: 60_000 })).rejects.toMatchObject({ code: 'CW_EXPORT_TOO_LARGE' });
    expect((await planExport(h, base, { maxSamples: 300 })).total).toBe(300);
  });

  it('stops when the reader goes away', async () => {
    const h = await seeded(5000);
    const sink = new Writable({ highWaterMark: 1024, write: (_c, _e, done) => setTimeout(done, 5) });
    const plan = await planExport(h, { paths: PATHS, from: T0, to: T0 + 5_000_000, format: 'csv' });
    const running = plan.run(sink, { pageSize: 100, onProgress: (p) => { if (p.written > 1000) sink.destroy(); } });
    await expect(running).rejects.toThrow(/output was closed/);
  });
});

describe('exportHistory: Parquet', () => {
  it('writes a Parquet file DuckDB reads back with the same rows, in order', async () => {
    const h = await seeded(3000);
    const file = path.join(path.dirname(tempFile()), "it's.parquet");
    const plan = await planExport(h, { paths: PATHS, from: T0, to: T0 + 3_000_000, format: 'parquet' });
    const summary = await plan.toFile(file, { pageSize: 700 });
    expect(summary.written).toBe(9000);
    expect(summary.pages).toBeGreaterThanOrEqual(12);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    const lit = `'${file.replaceAll("'", "''")}'`;
    const rows = await sql(':memory:', `SELECT epoch_ms(time)::BIGINT, path, value, value_bool, value_text, quality FROM read_parquet(${lit})`);
    expect(rows).toHaveLength(9000);
    const raw = await h.queryRaw({ paths: PATHS, from: T0, to: T0 + 3_000_000 });
    expect(rows.map(([ts, p, n, , s, q]) => ({ ts: Number(ts), path: p, value: n ?? s, quality: q }))).toEqual(raw);
    const [[type]] = (await sql(':memory:', `SELECT logical_type FROM parquet_schema(${lit}) WHERE name = 'time'`)) as [[string]];
    expect(type).toContain('isAdjustedToUTC=1');
  });

  it('streams a Parquet file into any output', async () => {
    const h = await seeded(50);
    const reader = slowReader();
    const summary = await exportHistory(h, { paths: ['plant/a'], from: T0, to: T0 + 50_000, format: 'parquet' }, reader.sink);
    const bytes = Buffer.concat(reader.chunks);
    expect(bytes.length).toBe(summary.bytes);
    expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
    const file = path.join(path.dirname(tempFile()), 'streamed.parquet');
    fs.writeFileSync(file, bytes);
    expect(await sql(':memory:', `SELECT count(*)::INTEGER, sum(value) FROM read_parquet('${file}')`)).toEqual([[50, expect.any(Number)]]);
  });

  it('exports aggregate buckets to Parquet', async () => {
    const h = await seeded(600);
    const file = path.join(path.dirname(tempFile()), 'agg.parquet');
    await (await planExport(h, { paths: ['plant/b'], from: T0, to: T0 + 600_000, format: 'parquet', agg: 'count', interval: '1m' })).toFile(file);
    expect(await sql(':memory:', `SELECT count(*)::INTEGER, sum(value)::INTEGER, sum(count)::INTEGER, sum(bad)::INTEGER FROM read_parquet('${file}')`))
      .toEqual([[10, 514, 514, 86]]);
  });

  it('leaves no partial file behind when the folder does not exist', async () => {
    const h = await seeded(10);
    const plan = await planExport(h, { paths: PATHS, from: T0, to: T0 + 10_000, format: 'csv' });
    await expect(plan.toFile('/nonexistent-dir/out.csv')).rejects.toMatchObject({ code: 'CW_EXPORT_FAILED' });
  });
});

describe('export limits from the environment', () => {
  it('reads CAUSEWAY_EXPORT_MAX_SAMPLES and CAUSEWAY_EXPORT_MAX_DAYS, falling back on anything not a positive number', async () => {
    const { exportLimitsFrom, DEFAULT_EXPORT_LIMITS } = await import('./index.js');
    expect(exportLimitsFrom({})).toEqual(DEFAULT_EXPORT_LIMITS);
    expect(exportLimitsFrom({ CAUSEWAY_EXPORT_MAX_SAMPLES: '1000', CAUSEWAY_EXPORT_MAX_DAYS: '0.5' })).toEqual({ maxSamples: 1000, maxRangeMs: 43_200_000 });
    expect(exportLimitsFrom({ CAUSEWAY_EXPORT_MAX_SAMPLES: 'lots', CAUSEWAY_EXPORT_MAX_DAYS: '-3' })).toEqual(DEFAULT_EXPORT_LIMITS);
  });
});
