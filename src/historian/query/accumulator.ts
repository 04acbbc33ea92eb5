/**
 * The running state of one bucket and its final value per aggregate: the reference definitions
 * (README.md in this folder). Pure; no I/O.
 */
import type { Value } from '../../core/sample.js';
import type { Aggregate } from './types.js';

/** Value statistics of one bucket: everything but the time-weighted and counter parts. */
export interface ValueStats {
  /** Good and uncertain samples, of any type. */
  count: number;
  /** Bad samples (left out of everything else). */
  bad: number;
  /** Numeric samples (numbers, and booleans as 1/0) among `count`. */
  n: number;
  sum: number;
  min: number;
  max: number;
  /** Running mean and sum of squared deviations (Welford), for stddev. */
  mean: number;
  m2: number;
  first: Value | undefined;
  firstTs: number;
  last: Value | undefined;
  lastTs: number;
}

/** What one bucket has seen so far. */
export interface BucketAcc extends ValueStats {
  /** Counter increase attributed to this bucket. */
  delta: number;
  /** True once a numeric value is in force in or before this bucket (delta is 0, not unknown). */
  deltaKnown: boolean;
  /** Area under the value over the covered time, value·ms. */
  area: number;
  /** Milliseconds of the bucket during which a numeric value was in force. */
  covered: number;
}

/**
 * An empty bucket. A class whose number fields hold a fraction first: V8 then stores them as
 * doubles from the start. Literal objects that start at integer 0 and later hold fractions get
 * migrated one by one, which made 43 200 one-minute buckets cost 300 ms instead of 25.
 */
class Acc implements BucketAcc {
  count = 0;
  bad = 0;
  n = 0;
  sum = 0.5;
  min = Infinity;
  max = -Infinity;
  mean = 0.5;
  m2 = 0.5;
  first: Value | undefined = undefined;
  firstTs = Infinity;
  last: Value | undefined = undefined;
  lastTs = -Infinity;
  delta = 0.5;
  deltaKnown = false;
  area = 0.5;
  covered = 0.5;

  constructor() {
    this.sum = 0;
    this.mean = 0;
    this.m2 = 0;
    this.delta = 0;
    this.area = 0;
    this.covered = 0;
  }
}

/** Statistics of no samples. */
export function emptyStats(): ValueStats {
  return new Acc();
}

/** An empty bucket. */
export function emptyAcc(): BucketAcc {
  return new Acc();
}

/** A value as a number for the numeric aggregates: booleans count 1/0, strings have none. */
export function numeric(v: Value): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

/** Add one good or uncertain sample (in time order) to the value statistics of a bucket. */
export function addSample(acc: ValueStats, ts: number, value: Value): void {
  acc.count++;
  if (ts < acc.firstTs) {
    acc.first = value;
    acc.firstTs = ts;
  }
  if (ts >= acc.lastTs) {
    acc.last = value;
    acc.lastTs = ts;
  }
  const x = numeric(value);
  if (x === undefined) return;
  acc.n++;
  acc.sum += x;
  if (x < acc.min) acc.min = x;
  if (x > acc.max) acc.max = x;
  const d = x - acc.mean;
  acc.mean += d / acc.n;
  acc.m2 += d * (x - acc.mean);
}

/**
 * Fold the value statistics of `b` into `a` (Chan et al. for the variance): lets statistics
 * computed in SQL and over buffered samples combine. Time-weighted parts are not merged.
 */
export function mergeStats(a: ValueStats, b: ValueStats): void {
  a.count += b.count;
  a.bad += b.bad;
  if (b.firstTs < a.firstTs) {
    a.first = b.first;
    a.firstTs = b.firstTs;
  }
  if (b.lastTs >= a.lastTs && b.last !== undefined) {
    a.last = b.last;
    a.lastTs = b.lastTs;
  }
  if (b.n === 0) return;
  const n = a.n + b.n;
  const d = b.mean - a.mean;
  a.m2 += b.m2 + (d * d * a.n * b.n) / n;
  a.mean += (d * b.n) / n;
  a.n = n;
  a.sum += b.sum;
  a.min = Math.min(a.min, b.min);
  a.max = Math.max(a.max, b.max);
}

/** The value of a bucket for an aggregate; null when it has none (see README.md for each rule). */
export function finalValue(acc: BucketAcc, agg: Aggregate): Value | null {
  switch (agg) {
    case 'count': return acc.count;
    case 'first': return acc.first ?? null;
    case 'last': return acc.last ?? null;
    case 'avg': return acc.n > 0 ? acc.sum / acc.n : null;
    case 'sum': return acc.n > 0 ? acc.sum : null;
    case 'min': return acc.n > 0 ? acc.min : null;
    case 'max': return acc.n > 0 ? acc.max : null;
    case 'stddev': return acc.n > 1 ? Math.sqrt(Math.max(0, acc.m2) / (acc.n - 1)) : null;
    case 'delta': return acc.deltaKnown ? acc.delta : null;
    case 'twa': return acc.covered > 0 ? acc.area / acc.covered : null;
    case 'integral': return acc.covered > 0 ? acc.area / 1000 : null;
  }
}
