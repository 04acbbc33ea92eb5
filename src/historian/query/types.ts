/** The vocabulary of history queries: aggregates, fill modes, interpolation, and their answers. */
import type { Quality, Value } from '../../core/sample.js';
import type { CounterRule } from '../../core/counter.js';

export const AGGREGATES = ['avg', 'twa', 'min', 'max', 'count', 'first', 'last', 'sum', 'stddev', 'delta', 'integral'] as const;
/** An aggregate per bucket; README.md in this folder defines each one exactly. */
export type Aggregate = (typeof AGGREGATES)[number];

export const FILLS = ['none', 'previous', 'linear'] as const;
/** What an empty bucket (no usable sample, no value) becomes. */
export type Fill = (typeof FILLS)[number];

/** How a value runs between two samples: straight line, or held until the next sample. */
export const INTERPOLATIONS = ['linear', 'step'] as const;
export type Interpolation = (typeof INTERPOLATIONS)[number];

/** One bucket of an aggregate series. */
export interface BucketValue {
  /** Inclusive start, epoch ms. */
  start: number;
  /** Exclusive end, epoch ms. */
  end: number;
  /** The aggregate, or null when it has no value (and no fill gave it one). */
  value: Value | null;
  /** Good and uncertain samples in the bucket, of any type. */
  count: number;
  /** Bad samples in the bucket: left out of every aggregate, counted here. */
  bad: number;
  /** Present when the value comes from the fill, not from the bucket's own samples. */
  filled?: true;
}

/** The buckets of one path. */
export interface AggregateSeries {
  path: string;
  buckets: BucketValue[];
}

/** A request for aggregates: see queryAggregates(). */
export interface AggregateRequest {
  paths: readonly string[];
  /** Inclusive start, epoch ms; widened to the start of its bucket. */
  from: number;
  /** Exclusive end, epoch ms; widened to the end of its bucket. */
  to: number;
  /** Milliseconds, or a count with a unit: 500ms, 15s, 5m, 1h (fixed), 1d, 1w, 1mo, 1y (calendar). */
  interval: number | string;
  agg: Aggregate;
  /** Default none. */
  fill?: Fill;
  /** IANA zone that calendar intervals follow; default UTC. */
  timeZone?: string;
  /** Interpolation of each path's numbers; default linear. Booleans and strings always step. */
  interpolation?: (path: string) => Interpolation;
  /** Each path's counter rule for delta (range and what a drop means); undefined: a drop is a reset. */
  counter?: (path: string) => CounterRule | undefined;
}

/** The value of one path at one instant. */
export interface ValueAt {
  path: string;
  /** The instant asked for, epoch ms. */
  ts: number;
  /** The value, or null when no good or uncertain sample lies at or before `ts`. */
  value: Value | null;
  /** The quality of the sample used, or the worse of the two interpolated between. */
  quality?: Quality;
  /** exact: a sample lies at `ts`; step: the last value held; linear: between two samples. */
  method: 'exact' | 'step' | 'linear' | 'none';
  /** Time of the sample at or before `ts` that was used. */
  priorTs?: number;
  /** Time of the sample after `ts`, when a linear interpolation used it. */
  nextTs?: number;
}
