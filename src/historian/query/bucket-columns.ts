/**
 * The running state of every bucket of one series, column-wise: a typed array per statistic
 * instead of an accumulator object per bucket. The same arithmetic, in the same order, as
 * addSample, mergeStats and finalValue in accumulator.ts (the definitions); the columns only
 * change where the numbers live. A month of one-minute buckets is 43 200 buckets: as objects each
 * held nine boxed doubles, and building, filling and collecting them cost more than the rest of
 * the query (README.md, Performance).
 */
import type { Value } from '../../core/sample.js';
import type { ValueStats } from './accumulator.js';
import { numeric } from './accumulator.js';
import type { Aggregate } from './types.js';

export class BucketColumns {
  readonly length: number;
  readonly count: Int32Array;
  readonly bad: Int32Array;
  readonly n: Int32Array;
  readonly sum: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly mean: Float64Array;
  readonly m2: Float64Array;
  readonly firstTs: Float64Array;
  readonly lastTs: Float64Array;
  /** Counter increase attributed to each bucket. */
  readonly delta: Float64Array;
  /** 1 once a numeric value is in force in or before the bucket (delta is 0, not unknown). */
  readonly deltaKnown: Uint8Array;
  /** Area under the value over the covered time, value·ms. */
  readonly area: Float64Array;
  /** Milliseconds of the bucket during which a numeric value was in force. */
  readonly covered: Float64Array;
  /** First and last values, kept only for the aggregates that answer them (`values`). */
  readonly first: (Value | undefined)[] | undefined;
  readonly last: (Value | undefined)[] | undefined;

  /** `values`: keep each bucket's first and last value (the aggregates first and last need them). */
  constructor(length: number, values: boolean) {
    this.length = length;
    this.count = new Int32Array(length);
    this.bad = new Int32Array(length);
    this.n = new Int32Array(length);
    this.sum = new Float64Array(length);
    this.min = new Float64Array(length).fill(Infinity);
    this.max = new Float64Array(length).fill(-Infinity);
    this.mean = new Float64Array(length);
    this.m2 = new Float64Array(length);
    this.firstTs = new Float64Array(length).fill(Infinity);
    this.lastTs = new Float64Array(length).fill(-Infinity);
    this.delta = new Float64Array(length);
    this.deltaKnown = new Uint8Array(length);
    this.area = new Float64Array(length);
    this.covered = new Float64Array(length);
    this.first = values ? new Array<Value | undefined>(length).fill(undefined) : undefined;
    this.last = values ? new Array<Value | undefined>(length).fill(undefined) : undefined;
  }

  /** addSample() for bucket `i`. */
  addSample(i: number, ts: number, value: Value): void {
    this.count[i]!++;
    if (ts < this.firstTs[i]!) {
      if (this.first) this.first[i] = value;
      this.firstTs[i] = ts;
    }
    if (ts >= this.lastTs[i]!) {
      if (this.last) this.last[i] = value;
      this.lastTs[i] = ts;
    }
    const x = numeric(value);
    if (x === undefined) return;
    const n = ++this.n[i]!;
    this.sum[i]! += x;
    if (x < this.min[i]!) this.min[i] = x;
    if (x > this.max[i]!) this.max[i] = x;
    const d = x - this.mean[i]!;
    this.mean[i]! += d / n;
    this.m2[i]! += d * (x - this.mean[i]!);
  }

  /** mergeStats() of `b` into bucket `i`. */
  mergeStats(i: number, b: Readonly<ValueStats>): void {
    this.count[i]! += b.count;
    this.bad[i]! += b.bad;
    if (b.firstTs < this.firstTs[i]!) {
      if (this.first) this.first[i] = b.first;
      this.firstTs[i] = b.firstTs;
    }
    if (b.lastTs >= this.lastTs[i]! && b.last !== undefined) {
      if (this.last) this.last[i] = b.last;
      this.lastTs[i] = b.lastTs;
    }
    if (b.n === 0) return;
    const an = this.n[i]!;
    const n = an + b.n;
    const d = b.mean - this.mean[i]!;
    this.m2[i]! += b.m2 + (d * d * an * b.n) / n;
    this.mean[i]! += (d * b.n) / n;
    this.n[i] = n;
    this.sum[i]! += b.sum;
    this.min[i] = Math.min(this.min[i]!, b.min);
    this.max[i] = Math.max(this.max[i]!, b.max);
  }

  /** finalValue() of bucket `i`. */
  value(i: number, agg: Aggregate): Value | null {
    const n = this.n[i]!;
    switch (agg) {
      case 'count': return this.count[i]!;
      case 'first': return this.first?.[i] ?? null;
      case 'last': return this.last?.[i] ?? null;
      case 'avg': return n > 0 ? this.sum[i]! / n : null;
      case 'sum': return n > 0 ? this.sum[i]! : null;
      case 'min': return n > 0 ? this.min[i]! : null;
      case 'max': return n > 0 ? this.max[i]! : null;
      case 'stddev': return n > 1 ? Math.sqrt(Math.max(0, this.m2[i]!) / (n - 1)) : null;
      case 'delta': return this.deltaKnown[i] === 1 ? this.delta[i]! : null;
      case 'twa': return this.covered[i]! > 0 ? this.area[i]! / this.covered[i]! : null;
      case 'integral': return this.covered[i]! > 0 ? this.area[i]! / 1000 : null;
    }
  }
}
