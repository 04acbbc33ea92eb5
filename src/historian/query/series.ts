/**
 * The reference aggregation of one path: samples are pushed in time order and spread over the
 * buckets, including the value in force before the first bucket and, for linear interpolation,
 * the first sample after the last one. Streaming: memory is one accumulator per bucket.
 */
import type { Value } from '../../core/sample.js';
import type { RollupBucket, StoredSample } from '../types.js';
import { numeric } from './accumulator.js';
import { counterIncrease, rollupIncrease, type CounterRule } from '../../core/counter.js';
import { BucketColumns } from './bucket-columns.js';
import type { Aggregate, BucketValue, Interpolation } from './types.js';

export interface SeriesOptions {
  agg: Aggregate;
  /** Bucket edges, ascending; bucket i is [edges[i], edges[i + 1]). */
  edges: readonly number[];
  interpolation: Interpolation;
  /** The counter's range and drop rule, for delta. */
  counter?: CounterRule;
}

interface Point {
  ts: number;
  value: Value;
}

/** The index of the bucket holding `t` (edges[0] <= t < last edge), by binary search. */
export function bucketIndex(edges: readonly number[], t: number): number {
  let lo = 0;
  let hi = edges.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid]! <= t) lo = mid;
    else hi = mid;
  }
  return lo;
}

export class SeriesAggregator {
  readonly #o: SeriesOptions;
  readonly #b: BucketColumns;
  readonly #timeWeighted: boolean;
  /** The last good or uncertain sample: the value in force from its time on. */
  #inForce: Point | undefined;
  /** The last numeric value, for counter increases. */
  #prevNum: number | undefined;
  /** Time of the first numeric value seen (prior included): buckets from there on know their delta. */
  #firstNumTs = Infinity;
  #cursor = 0;

  /** `prior`: the last good or uncertain sample before edges[0], if any. */
  constructor(opts: SeriesOptions, prior?: StoredSample) {
    this.#o = opts;
    this.#b = new BucketColumns(opts.edges.length - 1, opts.agg === 'first' || opts.agg === 'last');
    this.#timeWeighted = opts.agg === 'twa' || opts.agg === 'integral';
    if (prior && prior.quality !== 'bad' && prior.ts < opts.edges[0]!) this.#note(prior);
  }

  /** Add the next sample; samples must come in time order and lie within the edges. */
  push(s: StoredSample): void {
    const edges = this.#o.edges;
    if (s.ts < edges[0]! || s.ts >= edges[edges.length - 1]!) return;
    while (edges[this.#cursor + 1]! <= s.ts) this.#cursor++;
    const i = this.#cursor;
    if (s.quality === 'bad') {
      this.#b.bad[i]!++;
      return;
    }
    this.#b.addSample(i, s.ts, s.value);
    const x = numeric(s.value);
    if (x !== undefined && this.#o.agg === 'delta' && this.#prevNum !== undefined) {
      this.#b.delta[i]! += counterIncrease(this.#prevNum, x, this.#o.counter);
    }
    if (this.#timeWeighted && this.#inForce) this.#segment(this.#inForce, s);
    this.#note(s);
  }

  /**
   * Add a rollup bucket (all its samples at once; buckets and samples in time order, the bucket
   * inside one of the edges' buckets): its statistics merge, its inner areas and counter increases
   * add, and the run from the value in force to its first sample is spread as for a sample.
   */
  pushSummary(b: Readonly<RollupBucket>): void {
    const edges = this.#o.edges;
    if (b.start < edges[0]! || b.start >= edges[edges.length - 1]!) return;
    while (edges[this.#cursor + 1]! <= b.start) this.#cursor++;
    const i = this.#cursor;
    this.#b.mergeStats(i, b);
    if (b.count === 0 || b.first === undefined || b.last === undefined) return;
    if (this.#timeWeighted) {
      if (this.#inForce) this.#segment(this.#inForce, this.#point(b.firstTs, b.first));
      this.#b.area[i]! += this.#o.interpolation === 'linear' ? b.areaLinear : b.areaStep;
      this.#b.covered[i]! += b.covered;
    }
    if (this.#o.agg === 'delta' && b.firstX !== undefined && b.lastX !== undefined) {
      if (this.#prevNum !== undefined) this.#b.delta[i]! += counterIncrease(this.#prevNum, b.firstX, this.#o.counter);
      // Only for rules whose drops all mean the same (rollupCounts): the aggregate reads raw samples otherwise.
      this.#b.delta[i]! += rollupIncrease({ firstX: b.firstX, lastX: b.lastX, drops: b.drops, dropPrev: b.dropPrev }, this.#o.counter);
    }
    this.#setInForce(b.lastTs, b.last);
    if (b.lastX !== undefined) {
      this.#prevNum = b.lastX;
      if (b.firstTs < this.#firstNumTs) this.#firstNumTs = b.firstTs;
    }
  }

  /** The buckets, once every sample is pushed; `next`: the first good or uncertain sample at or after the last edge. */
  finish(next?: StoredSample): BucketValue[] {
    const edges = this.#o.edges;
    const end = edges[edges.length - 1]!;
    if (this.#timeWeighted && this.#inForce) {
      const usable = next && next.quality !== 'bad' && next.ts >= end ? next : undefined;
      this.#segment(this.#inForce, usable ?? { ts: end, value: this.#inForce.value }, end);
    }
    const b = this.#b;
    const out = new Array<BucketValue>(b.length);
    for (let i = 0; i < b.length; i++) {
      if (this.#firstNumTs < edges[i + 1]!) b.deltaKnown[i] = 1;
      out[i] = { start: edges[i]!, end: edges[i + 1]!, value: b.value(i, this.#o.agg), count: b.count[i]!, bad: b.bad[i]! };
    }
    return out;
  }

  /** A scratch point for a segment's far end (rollup buckets come by the ten thousand: no object each). */
  readonly #scratch: Point = { ts: 0, value: 0 };

  #point(ts: number, value: Value): Point {
    this.#scratch.ts = ts;
    this.#scratch.value = value;
    return this.#scratch;
  }

  #setInForce(ts: number, value: Value): void {
    if (this.#inForce === undefined) this.#inForce = { ts, value };
    else {
      this.#inForce.ts = ts;
      this.#inForce.value = value;
    }
  }

  #note(p: Point): void {
    this.#setInForce(p.ts, p.value);
    const x = numeric(p.value);
    if (x === undefined) return;
    this.#prevNum = x;
    if (p.ts < this.#firstNumTs) this.#firstNumTs = p.ts;
  }

  /**
   * Spread the run of value `a` until `b` over the buckets it crosses, cut at `until`: a straight
   * line (trapezoids) when both are numbers and the path interpolates linearly, else `a` held
   * (rectangles). A run starting at a string covers nothing.
   */
  #segment(a: Point, b: Point, until = b.ts): void {
    const va = numeric(a.value);
    if (va === undefined) return;
    const edges = this.#o.edges;
    const linear = this.#o.interpolation === 'linear' && typeof a.value === 'number' && typeof b.value === 'number' && b.ts > a.ts;
    const slope = linear ? ((b.value as number) - va) / (b.ts - a.ts) : 0;
    const x0 = Math.max(a.ts, edges[0]!);
    const x1 = Math.min(until, edges[edges.length - 1]!);
    if (!(x0 < x1)) return;
    const { area, covered } = this.#b;
    // The run starts in the current bucket or before it: search back from there, not the whole edge list.
    let i = this.#cursor;
    while (i > 0 && edges[i]! > x0) i--;
    while (i + 1 < this.#b.length && edges[i + 1]! <= x0) i++;
    for (; i < this.#b.length && edges[i]! < x1; i++) {
      const lo = Math.max(x0, edges[i]!);
      const hi = Math.min(x1, edges[i + 1]!);
      if (hi <= lo) continue;
      area[i]! += ((va + slope * (lo - a.ts) + (va + slope * (hi - a.ts))) / 2) * (hi - lo);
      covered[i]! += hi - lo;
    }
  }
}
