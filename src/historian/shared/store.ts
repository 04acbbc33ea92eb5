/**
 * What a storage engine gives the buffered historian: dictionary and last-value loading, one
 * transactional flush, and reads that say which flush they include. DuckDB and PostgreSQL each
 * implement it; everything else (buffer, timer, backpressure, merging buffered rows) is shared.
 */
import type { ValueType } from '../../core/sample.js';
import type { M4Spec } from '../query/m4.js';
import type { RetentionPlan } from '../retention/plan.js';
import type { RollupRunReport } from '../rollup/job.js';
import type { BucketStats, M4Cell, RawCursor, RollupFieldSet, RollupRead, StoredSample } from '../types.js';
import type { Row } from './encoding.js';

/** A tag dictionary entry. */
export interface TagRow {
  id: number;
  path: string;
  valueType: ValueType;
}

/** Rows read from one consistent snapshot, with the number of the last flush it holds. */
export interface StoreRead<T> {
  rows: T;
  flushSeq: number;
}

/** Which sample next to an instant an edge read looks for. */
export interface EdgeRead {
  /** `before`: the newest with ts < at; `atOrAfter`: the oldest with ts >= at. */
  side: 'before' | 'atOrAfter';
  at: number;
  excludeBad: boolean;
}

/** What a retention run deleted. */
export interface RetentionReport {
  /** Raw samples deleted row by row. */
  deleted: number;
  /** PostgreSQL: partitions dropped whole, every sample in them expired. */
  droppedPartitions?: string[];
}

/** What a compaction moved. */
export interface CompactReport {
  days: number;
  rows: number;
}

export interface HistorianStore {
  loadTags(): Promise<TagRow[]>;
  /** The number of the last committed flush (0 for a new database). */
  loadFlushSeq(): Promise<number>;
  /** The newest stored sample of every tag, keyed by tag id. */
  loadLastValues(): Promise<Map<number, Omit<StoredSample, 'path'>>>;
  /**
   * Store rows (in append order: by tag, then time) and new tags in one transaction stamped with
   * flush number `seq` and, when given, the ingest-log mark of the newest batch it holds; all or nothing.
   */
  writeFlush(rows: readonly Row[], newTags: readonly TagRow[], seq: number, createdAt: number, mark?: number): Promise<void>;
  /** The ingest-log mark of the last committed flush that carried one (0 for none): batches up to it are stored. */
  loadIngestMark(): Promise<number>;
  /** Samples of `tagIds` with from <= ts < to (after `after`), by ts then path, at most `limit`. */
  readRaw(tagIds: readonly number[], from: number, to: number, limit: number, after?: RawCursor): Promise<StoreRead<StoredSample[]>>;
  /** Per tag, the sample next to an instant (see EdgeRead); tags without one are left out. */
  readEdges(tagIds: readonly number[], edge: EdgeRead): Promise<StoreRead<StoredSample[]>>;
  /** Value statistics of `tagIds` per bucket of `edges` (see Historian.bucketStats). */
  readBucketStats(tagIds: readonly number[], edges: readonly number[], firstLast: boolean): Promise<StoreRead<BucketStats[]>>;
  /**
   * M4 cells of `tagIds` in the columns of `spec` (see Historian.m4). With a grain of a rollup the
   * store keeps, whole buckets come from the rollup and the rest from raw samples.
   */
  readM4(tagIds: readonly number[], spec: M4Spec): Promise<StoreRead<M4Cell[]>>;
  /** Buckets of the rollup of `size` ms for [from, to) that hold all their samples (see Historian.readRollup). */
  readRollup(tagIds: readonly number[], size: number, from: number, to: number, fields?: RollupFieldSet): Promise<StoreRead<RollupRead>>;
  /** Bring the rollups up to `now`: new buckets, buckets late samples changed, expiry (rollup/job.ts). */
  rollup(now: number): Promise<RollupRunReport>;
  /** Delete raw samples older than each group's cutoff (see retention/plan.ts). */
  applyRetention(plan: RetentionPlan): Promise<RetentionReport>;
  /** Optional (DuckDB): reorganise closed data for compression and scans; see duckdb/compaction.ts. */
  compact?(now: number): Promise<CompactReport>;
  /** Optional: true when a flush left enough work for compact() to run before its timer. */
  wantsCompaction?(): boolean;
  close(): Promise<void>;
}
