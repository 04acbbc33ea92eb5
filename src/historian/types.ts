/** The historian contract: every backend (DuckDB embedded, PostgreSQL at scale) implements it. */
import type { Sample, Value, Quality } from '../core/sample.js';

export interface RawQuery {
  /** Exact paths to read. */
  paths: readonly string[];
  /** Inclusive start, epoch ms. */
  from: number;
  /** Exclusive end, epoch ms. */
  to: number;
  /** At most this many samples in all, oldest first. */
  limit?: number;
  /**
   * Resume after this row: only samples strictly after (ts, path) in the (ts, then path) order
   * are returned. Paging keeps the last row of a page and passes it here.
   */
  after?: RawCursor;
}

/** A position in the (ts, then path) order of raw samples. */
export interface RawCursor {
  ts: number;
  path: string;
}

/** Options of priorValues() and nextValues(). */
export interface EdgeOptions {
  /** Skip bad-quality samples: answer with the nearest good or uncertain one. */
  excludeBad?: boolean;
}

/** A request for value statistics per path and bucket. */
export interface BucketStatsQuery {
  paths: readonly string[];
  /** Bucket edges, ascending; bucket i is [edges[i], edges[i + 1]). */
  edges: readonly number[];
  /** Also find first and last (some engines sort for them); without it they may be left undefined. */
  firstLast?: boolean;
}

/**
 * Value statistics of one path in one bucket: over the good and uncertain samples (`bad` counts
 * the others). Numbers count as themselves and booleans as 1/0 in n, sum, min, max, mean and m2
 * (the sum of squared deviations from the mean); strings count only in count, first and last.
 */
export interface BucketStats {
  path: string;
  /** Index of the bucket in the query's edges. */
  bucket: number;
  count: number;
  bad: number;
  n: number;
  sum: number;
  min: number;
  max: number;
  mean: number;
  m2: number;
  first: Value | undefined;
  firstTs: number;
  last: Value | undefined;
  lastTs: number;
}

/**
 * A request for M4 cells (see Historian.m4): [from, to) split into `pixels` equal columns. A
 * sample's column is floor((t - from) * pixels / (to - from)) of its time t, where t is first
 * floored to a multiple of `grain` (but not before `from`) when grain > 1, so whole rollup
 * buckets fall into one column.
 */
export interface M4Query {
  paths: readonly string[];
  /** Inclusive start, whole epoch ms. */
  from: number;
  /** Exclusive end, whole epoch ms, after `from`. */
  to: number;
  /** Number of columns, at least 1; (to - from) * pixels stays a safe integer. */
  pixels: number;
  /** Column grain in ms; default 1 (each sample in the column of its own time). */
  grain?: number;
}

/** One sample as a trend shows it. */
export interface TrendPoint {
  ts: number;
  value: Value;
  quality: Quality;
}

/**
 * The M4 summary of one path in one column, over its good and uncertain samples: the first and
 * last by time, and the smallest and largest numeric value (numbers, and booleans as 1/0; the
 * earliest on ties). Strings have first and last only.
 */
export interface M4Cell {
  path: string;
  column: number;
  first: TrendPoint;
  last: TrendPoint;
  min?: TrendPoint;
  max?: TrendPoint;
}

/**
 * The summary of one path in one rollup bucket: the value statistics of its good and uncertain
 * samples (as BucketStats), its first and last numeric value, the area under its samples between
 * the first and the last (value·ms, straight lines between numbers, or each value held) and the
 * time that covers, and its counter drops (how many, and the sum of the values just before them).
 * Enough to fold the bucket into any aggregate as its samples would be.
 */
export interface RollupBucket extends Omit<BucketStats, 'bucket'> {
  /** Bucket start, epoch ms. */
  start: number;
  firstX?: number;
  lastX?: number;
  areaLinear: number;
  areaStep: number;
  covered: number;
  drops: number;
  dropPrev: number;
}

/** A request for rollup buckets: see Historian.readRollup(). */
export interface RollupQuery {
  paths: readonly string[];
  /** Rollup size in ms: one of rollupSizes(). */
  size: number;
  /** Bucket-aligned range; buckets from `from` up to at most `to` are read. */
  from: number;
  to: number;
  /**
   * What the caller folds (fewer columns read): `time` the time-weighted parts (`time-linear`,
   * `time-step`: only the area of that interpolation), `counter` the counter parts, `stats` the
   * value statistics; all when left out. Counts are always read.
   */
  fields?: RollupFieldSet;
}

export type RollupFieldSet = 'time' | 'time-linear' | 'time-step' | 'counter' | 'stats';

/** Rollup buckets, each path's by start. */
export interface RollupBuckets {
  readonly length: number;
  /** Visit every bucket in order; the object passed is reused from one bucket to the next: copy what you keep. */
  forEach(visit: (b: Readonly<RollupBucket>) => void): void;
  /** Those starting before `until`. */
  before(until: number): RollupBuckets;
}

/** Rollup buckets that hold every good and uncertain sample of [from, until), each path's by start. */
export interface RollupRead {
  /** The rollup holds everything from here (older buckets have expired); -Infinity when it always has. */
  coveredFrom: number;
  /** Buckets at or after this are not (yet) summarised: read raw samples from here. */
  until: number;
  buckets: RollupBuckets;
  /** Per path, the last good or uncertain sample the rollup holds before `from` (it may be newer than the raw samples kept). */
  prior: StoredSample[];
  /** Per path, the first good or uncertain sample the rollup holds in [to, until). */
  next: StoredSample[];
}

export interface StoredSample {
  path: string;
  ts: number;
  value: Value;
  quality: Quality;
}

export interface TagInfo {
  path: string;
  id: number;
  valueType: 'number' | 'boolean' | 'string';
}

export interface HistorianStats {
  /** Samples accepted by write() and not yet durable. */
  pending: number;
  /** Samples made durable since start. */
  written: number;
  /** Flushes that failed (their samples are kept and retried). */
  failedFlushes: number;
  /** Samples write() refused because they cannot be stored (e.g. a non-finite number); the rest of their batch is kept. */
  rejected?: number;
  lastFlushAt?: number;
  lastError?: string;
  /** True while the latest flush attempt failed (until one succeeds); a historian without flushes leaves it out. */
  failing?: boolean;
}

export interface Historian {
  open(): Promise<void>;
  /**
   * Accept a batch into the bounded write buffer. Resolves when it is accepted; waits while the
   * buffer is full (that wait is the backpressure the pipeline feels). The buffer is appended to
   * disk in the background every flush interval or batch size, off the ingest path; a failed
   * flush keeps its samples and retries.
   */
  write(batch: readonly Sample[], mark?: number): Promise<void>;
  /**
   * Optional: for a historian that makes what write() accepted durable later, the ingest-log mark
   * (write()'s `mark`) of the newest batch that is durable — recorded with the flush that stored
   * it, so after a restart batches up to it are not stored twice.
   */
  durableMark?(): number;
  /** Make everything accepted so far durable. */
  flush(): Promise<void>;
  queryRaw(q: RawQuery): Promise<StoredSample[]>;
  /**
   * Per path, the newest sample with ts < `before` (the value in force when `before` begins);
   * paths without one are left out. Looks back over the whole history, not just a window.
   */
  priorValues(paths: readonly string[], before: number, options?: EdgeOptions): Promise<StoredSample[]>;
  /** Per path, the oldest sample with ts >= `atOrAfter`; paths without one are left out. */
  nextValues(paths: readonly string[], atOrAfter: number, options?: EdgeOptions): Promise<StoredSample[]>;
  /**
   * Optional: value statistics per path and bucket computed by the backend (in SQL), buckets
   * without samples left out. A (path, bucket) may appear more than once (e.g. stored and still
   * buffered samples): its entries add up. The query layer uses it for avg, min, max, count,
   * sum, stddev, first and last, and must give the same answers as over the raw samples.
   */
  bucketStats?(q: BucketStatsQuery): Promise<BucketStats[]>;
  /**
   * Optional: M4 cells computed by the backend (in SQL), columns without good or uncertain samples
   * left out. A (path, column) may appear more than once (stored and still-buffered samples): its
   * cells merge. Must give the same points as the reference over the raw samples (query/m4.ts).
   */
  m4?(q: M4Query): Promise<M4Cell[]>;
  /** Optional: the sizes (ms) of the rollups this historian keeps, e.g. [60_000, 3_600_000]; trends use them as grains. */
  rollupSizes?(): readonly number[];
  /**
   * Optional: the summaries of a rollup for [from, until) (see RollupRead); samples from `until`
   * on, buffered ones included, are read raw. Aggregates over them equal those over raw samples.
   */
  readRollup?(q: RollupQuery): Promise<RollupRead>;
  /** The newest sample of each of `paths` (paths without samples are left out), or of every path when omitted. */
  lastValues(paths?: readonly string[]): Promise<StoredSample[]>;
  tags(): Promise<TagInfo[]>;
  stats(): HistorianStats;
  close(): Promise<void>;
}
