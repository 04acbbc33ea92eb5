/**
 * Measurements behind the DuckDB layout (README.md, Layout), not a test: it asserts nothing and
 * runs only when asked.
 *
 *   CAUSEWAY_MEASURE=1 [DAYS=3] [JITTER=0] [COMPACT=1] [LIVE=0] npx vitest run src/historian/duckdb/layout.measure
 *
 * Writes DAYS of 1 s data for 50 tags through the historian as a hub would (a second of every tag
 * at a time): 40 slowly varying process values (random walk plus noise, quantized to 0.1 like a
 * sensor), 5 counters and 5 booleans; times exact or with JITTER ms of jitter. Then bytes per point
 * on disk (file size / samples) and the time of one-tag reads over the last 30 days (or all data).
 * LIVE=1 flushes every second's samples on their own, as a live hub with these 50 tags does (slow:
 * a flush per second of data); the default is a bulk load (flushes of 50 000).
 */
import fs from 'node:fs';
import { describe, it } from 'vitest';
import type { Sample } from '../../core/sample.js';
import { queryAggregates } from '../query/aggregate.js';
import { queryTrend, trendGrain } from '../query/trend.js';
import { rng } from '../query/m4-data.js';
import { DuckDbHistorian } from './index.js';
import { tempFile } from './test-helpers.js';

const DAYS = Number(process.env.DAYS ?? 3);
const JITTER = Number(process.env.JITTER ?? 0);
const COMPACT = process.env.COMPACT !== '0';
const LIVE = process.env.LIVE === '1';
const TAGS = 50;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const path = (i: number) => `acme/springfield/area${Math.floor(i / 10)}/unit${i % 10}/${i < 40 ? 'temperature' : i < 45 ? 'count' : 'running'}`;
const out = (line: string) => process.stdout.write(`${line}\n`);

/** One second of every tag. */
function* seconds(rand: () => number): Generator<Sample[]> {
  const walk = Array.from({ length: 40 }, (_, i) => 20 + i * 3);
  const count = new Array<number>(5).fill(0);
  const on = new Array<boolean>(5).fill(false);
  for (let s = 0; s < DAYS * 86_400; s++) {
    const batch: Sample[] = [];
    for (let i = 0; i < TAGS; i++) {
      const ts = T0 + s * 1000 + (JITTER > 0 ? Math.floor(rand() * (JITTER + 1)) : 0);
      let value: number | boolean;
      if (i < 40) {
        walk[i]! += (rand() - 0.5) * 0.05;
        value = Math.round((walk[i]! + (rand() - 0.5) * 0.15) * 10) / 10;
      } else if (i < 45) {
        const p = rand();
        value = count[i - 40]! += p < 0.3 ? Math.floor(p * 10) : 0;
      } else {
        if (rand() < 0.0017) on[i - 45] = !on[i - 45];
        value = on[i - 45]!;
      }
      batch.push({ path: path(i), ts, value, quality: 'good' });
    }
    yield batch;
  }
}

async function timed(label: string, runs: number, f: () => Promise<unknown>): Promise<void> {
  await f(); // warm the cache
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  out(`  ${label}: p50 ${ms[Math.floor(runs / 2)]!.toFixed(1)} ms, max ${ms[runs - 1]!.toFixed(1)} ms (${runs} runs)`);
}

describe.skipIf(process.env.CAUSEWAY_MEASURE !== '1')('DuckDB layout measurements', () => {
  it('bytes per point and one-tag reads', { timeout: 3_600_000 }, async () => {
    const file = tempFile();
    const end = T0 + DAYS * DAY;
    const now = COMPACT ? end + 2 * 3_600_000 : T0; // COMPACT=0: nothing is ever closed, the layout of flushes alone
    const h = new DuckDbHistorian({ file, now: () => now, flushIntervalMs: LIVE ? 3_600_000 : 1000 });
    await h.open();
    const t0 = performance.now();
    let batch: Sample[] = [];
    for (const second of seconds(rng(42))) {
      batch.push(...second);
      if (LIVE) {
        await h.write(batch);
        await h.flush();
        batch = [];
      } else if (batch.length >= 1000) {
        await h.write(batch);
        batch = [];
      }
    }
    await h.write(batch);
    await h.flush();
    const loaded = performance.now() - t0;
    const t1 = performance.now();
    if (COMPACT) await h.maintain(); // compaction, rollups (1m and 1h, the default)
    const upkeep = performance.now() - t1;
    const n = DAYS * 86_400 * TAGS;
    out(`${DAYS} days x ${TAGS} tags at 1 s = ${n} samples, jitter ${JITTER} ms, upkeep ${COMPACT ? 'on' : 'off'}, ${LIVE ? 'a flush a second' : 'bulk load'}; written in ${(loaded / 1000).toFixed(1)} s, upkeep ${(upkeep / 1000).toFixed(1)} s`);
    const from = Math.max(T0, end - 30 * DAY);
    const tag = path(7);
    const days = (end - from) / DAY;
    await timed(`M4 trend, one tag, ${days} days, 2000 px (raw)`, 10, () => queryTrend(h, { paths: [tag], from, to: end, pixels: 2000 }, { grain: 1 }));
    await timed(`M4 trend, one tag, ${days} days, 500 px (grain ${String(trendGrain({ from, to: end, pixels: 500 }, h.rollupSizes()))} ms)`, 10, () => queryTrend(h, { paths: [tag], from, to: end, pixels: 500 }));
    await timed(`avg per day (SQL over raw), one tag, ${days} days`, 10, () => queryAggregates(h, { paths: [tag], from, to: end, interval: '1d', agg: 'avg' }, { useRollups: false }));
    await timed(`twa per 1 min (rollup 1m), one tag, ${days} days`, 10, () => queryAggregates(h, { paths: [tag], from, to: end, interval: '1m', agg: 'twa' }));
    if (days <= 3) await timed(`twa per 1 min (TypeScript over raw), one tag, ${days} days`, 3, () => queryAggregates(h, { paths: [tag], from, to: end, interval: '1m', agg: 'twa' }, { useRollups: false }));
    await h.close();
    const size = fs.statSync(file).size;
    out(`  file ${(size / 1e6).toFixed(1)} MB = ${(size / n).toFixed(3)} bytes per point (rollups included)`);
  });
});
