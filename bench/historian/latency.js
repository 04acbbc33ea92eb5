/**
 * Query latency on one long tag at 1 s: a 30-day time-weighted average in 1-minute buckets, and a
 * 6-month trend reduced to 2,000 points (M4, 500 columns of at most 4 points) — or, when this
 * build has no trend query, a 6-month 1-minute min and max instead (the table says which ran).
 */
import { performance } from 'node:perf_hooks';
import { DuckDbHistorian } from '../../dist/historian/duckdb/index.js';
import { queryAggregates } from '../../dist/historian/query/aggregate.js';
import { T0, longTagBatches } from './data.js';
import { progress, quantile } from './report.js';
import { maintain } from './size.js';

const DAY = 86_400_000;
export const TAG = 'acme/springfield/utilities/boiler/steam_temperature';

/** Run `fn` once to warm up, then up to `runs` times or until `budgetS` seconds are spent (at least 3 runs). */
export async function timeRuns(fn, runs, budgetS, label) {
  const first = await fn();
  const times = [];
  const start = performance.now();
  while (times.length < runs && (times.length < 3 || performance.now() - start < budgetS * 1000)) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    progress(`${label}: run ${times.length}, last ${Math.round(times.at(-1))} ms`);
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), runs: times.length, answer: first };
}

/** The trend query of this build, or undefined when it has none. */
async function trendQuery() {
  try {
    const mod = await import('../../dist/historian/query/trend.js');
    return typeof mod.queryTrend === 'function' ? mod.queryTrend : undefined;
  } catch {
    return undefined;
  }
}

/** Write the tag (`trendDays` of 1 s data), reopen the file, and time both queries. */
export async function queryLatency(file, { twaDays, trendDays, runs, budgetS }) {
  const h = new DuckDbHistorian({ file, flushIntervalMs: 1000 });
  await h.open();
  let points = 0;
  const expected = Math.round(trendDays * 86_400);
  for (const b of longTagBatches(TAG, trendDays)) {
    await h.write(b);
    points += b.length;
    progress(`Query data: ${points.toLocaleString('en-US')} of ${expected.toLocaleString('en-US')} points`);
  }
  await h.flush();
  const upkeep = await maintain(h);
  await h.close();
  const reader = new DuckDbHistorian({ file, flushIntervalMs: 3_600_000 });
  await reader.open();
  try {
    const end = T0 + Math.floor(trendDays * 24) * 3_600_000;
    const twaFrom = end - twaDays * DAY;
    const twa = await timeRuns(() => queryAggregates(reader, { paths: [TAG], from: twaFrom, to: end, agg: 'twa', interval: '1m' }), runs, budgetS, `${twaDays}-day TWA`);
    const queryTrend = await trendQuery();
    const trendFrom = end - trendDays * DAY;
    let trend;
    if (queryTrend) {
      trend = await timeRuns(() => queryTrend(reader, { paths: [TAG], from: trendFrom, to: end, pixels: 500 }), runs, budgetS, `${trendDays}-day trend`);
      trend.kind = 'm4';
      trend.size = trend.answer.series[0].points.length;
    } else {
      const minMax = () => Promise.all(['min', 'max'].map((agg) => queryAggregates(reader, { paths: [TAG], from: trendFrom, to: end, agg, interval: '1m' })));
      trend = await timeRuns(minMax, runs, budgetS, `${trendDays}-day min/max`);
      trend.kind = 'minmax';
      trend.size = trend.answer[0][0].buckets.length * 2;
    }
    twa.size = twa.answer[0].buckets.length;
    return { points, twaPoints: Math.round(twaDays * 86_400), twa, trend, upkeep };
  } finally {
    await reader.close();
  }
}
