/**
 * Good and total counts from PLC counters (pure), rollover- and reset-safe. The increase between
 * two samples is the historian's (`counterIncrease`, the rule `delta` aggregates use, with the
 * counter's declared range and drop rule) and lands in the interval holding the later sample
 * (`bucketIndex`), so intervals add up with nothing lost at their edges and equal `delta` over
 * good samples (history `delta` also reads uncertain ones; here they are skipped, see usable()).
 */
import { numeric } from '../historian/query/accumulator.js';
import { counterIncrease } from '../core/counter.js';
import { bucketIndex } from '../historian/query/series.js';
import type { CounterSeries, Point } from './types.js';

/**
 * A counter reading that counts: good quality only. The hub's staleness marks (uncertain, or bad on
 * a lost link) repeat the last value at a later time, after which a late poll's real readings may
 * be stored with earlier times; read as a reading, such a repeat is a drop, taken for a reset that
 * adds the whole counter again. The next good reading carries any increase, so nothing is lost.
 */
function usable(p: Point | undefined): number | undefined {
  if (!p || p.quality !== 'good') return undefined;
  const x = numeric(p.value);
  return x !== undefined && Number.isFinite(x) ? x : undefined;
}

/**
 * The counter's increase in each interval [edges[i], edges[i+1]) (edges ascending). The first
 * sample's increase is taken from the prior one; without a prior, the first sample only sets the base.
 */
export function counterDeltas(series: CounterSeries, edges: readonly number[]): number[] {
  const out = new Array<number>(Math.max(0, edges.length - 1)).fill(0);
  if (out.length === 0) return out;
  const first = edges[0]!;
  const last = edges[edges.length - 1]!;
  const samples = series.samples;
  // Start at the range, not at the first sample: OEE per shift over a year asks this once a shift.
  const start = firstAtOrAfter(samples, first);
  let prev = lastUsableBefore(samples, start) ?? (series.prior && series.prior.ts < first ? usable(series.prior) : undefined);
  for (let i = start; i < samples.length; i++) {
    const p = samples[i]!;
    if (p.ts >= last) break;
    const x = usable(p);
    if (x === undefined) continue;
    if (prev !== undefined) out[bucketIndex(edges, p.ts)]! += counterIncrease(prev, x, series.counter);
    prev = x;
  }
  return out;
}

/** The index of the first sample at or after `t` (samples in time order). */
function firstAtOrAfter(samples: readonly Point[], t: number): number {
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (samples[mid]!.ts < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The value of the last usable sample before index `end`, if any. */
function lastUsableBefore(samples: readonly Point[], end: number): number | undefined {
  for (let i = end - 1; i >= 0; i--) {
    const x = usable(samples[i]);
    if (x !== undefined) return x;
  }
  return undefined;
}

/** Good and total per interval: total from a total counter, or good + reject. */
export function goodAndTotal(good: CounterSeries, other: { total: CounterSeries } | { reject: CounterSeries }, edges: readonly number[]): { good: number[]; total: number[] } {
  const g = counterDeltas(good, edges);
  if ('total' in other) return { good: g, total: counterDeltas(other.total, edges) };
  const r = counterDeltas(other.reject, edges);
  return { good: g, total: g.map((x, i) => x + r[i]!) };
}
