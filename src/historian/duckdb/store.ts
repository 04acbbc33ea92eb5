/**
 * The DuckDB side of the historian: schema, dictionary and last-value loading, the transactional
 * flush through the Appender, and snapshot reads. Every value from outside is bound, never spliced.
 */
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ValueType } from '../../core/sample.js';
import type { M4Spec } from '../query/m4.js';
import { runRollups } from '../rollup/job.js';
import type { RollupRunReport, RollupSpec } from '../rollup/job.js';
import { NO_BUCKETS } from '../rollup/decode.js';
import { RollupState } from '../rollup/state.js';
import type { BucketStats, M4Cell, RawCursor, RollupFieldSet, RollupRead, StoredSample } from '../types.js';
import { countBefore } from '../shared/append-order.js';
import { decodeValue, qualityOf } from '../shared/encoding.js';
import type { Row } from '../shared/encoding.js';
import type { RetentionPlan } from '../retention/plan.js';
import type { EdgeRead, HistorianStore, RetentionReport, StoreRead, TagRow } from '../shared/store.js';
import { EARLY_ROWS, EARLY_ROWS_PER_TAG, closedDays, compactCutoff, compactDay } from './compaction.js';
import type { CompactReport } from './compaction.js';
import { writeFlushTx } from './flush.js';
import { readM4Rows, readRollupM4Rows } from './m4.js';
import { duckRollupBackend, readRollupEdges, readRollupRows, rollupState } from './rollup.js';
import { readEdgeRows, readRawRows, readStatsRows } from './reads.js';
import { copyDatabase, removeReclaimLeftovers, replaceWithCopy, worthReclaiming } from './reclaim.js';
import { deleteExpired } from './retention.js';
import { META_DDL, MIGRATIONS, SCHEMA_DDL, SCHEMA_VERSION } from './schema.js';

export type { TagRow } from '../shared/store.js';

// Two DuckDB instances on one file in one process would both write it; refuse the second.
const openFiles = new Set<string>();

export class DuckDbStore implements HistorianStore {
  readonly #instance: DuckDBInstance;
  readonly #writer: DuckDBConnection;
  readonly #key: string | undefined;
  readonly #readOnly: boolean;
  #closed = false;
  /** Writer work (flushes, compaction, maintenance) runs one at a time, in call order. */
  #queue: Promise<unknown> = Promise.resolve();
  #tagCount = 0;
  /** Rows appended since the last compaction for days that were closed already. */
  #closedRows = 0;
  #compactAfterRows: number | undefined;
  readonly #rollups: RollupState;

  private constructor(instance: DuckDBInstance, writer: DuckDBConnection, key: string | undefined, rollups: readonly RollupSpec[], readOnly: boolean) {
    this.#instance = instance;
    this.#writer = writer;
    this.#key = key;
    this.#readOnly = readOnly;
    this.#rollups = new RollupState(rollups);
  }

  /**
   * Open or create the database file and bring its schema up; or, `readOnly`, open an existing
   * file with DuckDB's read-only access (a shared lock: other readers may open it too, a writer
   * may not, nor may it be opened while a writer holds it) and check its layout, changing
   * nothing. Throws with a plain reason.
   */
  static async open(file: string, opts: { compactAfterRows?: number | undefined; rollups?: readonly RollupSpec[]; readOnly?: boolean | undefined } = {}): Promise<DuckDbStore> {
    const key = file === ':memory:' ? undefined : path.resolve(file);
    const readOnly = opts.readOnly === true;
    if (key !== undefined && openFiles.has(key)) throw new Error('the file is already open in this process');
    if (key !== undefined && !readOnly) removeReclaimLeftovers(key);
    const instance = await DuckDBInstance.create(file, readOnly ? { access_mode: 'READ_ONLY' } : undefined);
    let writer: DuckDBConnection | undefined;
    try {
      writer = await instance.connect();
      await (readOnly ? checkSchema(writer) : bringUpSchema(writer));
    } catch (e) {
      writer?.closeSync();
      instance.closeSync();
      throw e;
    }
    if (key !== undefined) openFiles.add(key);
    const store = new DuckDbStore(instance, writer, key, opts.rollups ?? [], readOnly);
    store.#compactAfterRows = opts.compactAfterRows;
    const meta = (await writer.runAndReadAll('SELECT key, value FROM meta')).getRows();
    store.#rollups.load(new Map(meta.map(([k, v]) => [k as string, v as string])));
    return store;
  }

  async loadTags(): Promise<TagRow[]> {
    const reader = await this.#writer.runAndReadAll('SELECT id, path, value_type FROM tags ORDER BY id');
    const tags = reader.getRows().map(([id, p, t]) => ({ id: id as number, path: p as string, valueType: t as ValueType }));
    this.#tagCount = tags.length;
    return tags;
  }

  /** The sequence number of the last committed flush (0 for a new file). */
  async loadFlushSeq(): Promise<number> {
    this.#rollups.seq = Number(await scalar(this.#writer, `SELECT value FROM meta WHERE key = 'flush_seq'`));
    return this.#rollups.seq;
  }

  async loadIngestMark(): Promise<number> {
    return Number((await scalar(this.#writer, `SELECT value FROM meta WHERE key = 'ingest_mark'`)) ?? 0);
  }

  /** The newest stored sample of every tag, keyed by tag id. One aggregate over the samples. */
  async loadLastValues(): Promise<Map<number, Omit<StoredSample, 'path'>>> {
    const reader = await this.#writer.runAndReadAll(
      `SELECT tag_id, arg_max({'ts': ts, 'q': quality, 'n': v_num, 's': v_str, 'b': v_bool}, ts) FROM samples GROUP BY tag_id`,
    );
    const out = new Map<number, Omit<StoredSample, 'path'>>();
    for (const [id, last] of reader.getRowsJS()) {
      const l = last as { ts: bigint; q: number; n: number | null; s: string | null; b: boolean | null };
      out.set(id as number, { ts: Number(l.ts), quality: qualityOf(l.q), value: decodeValue(l.n, l.s, l.b) });
    }
    return out;
  }

  /**
   * Append rows and new tags in one transaction stamped with flush number `seq`; resolves once
   * DuckDB has committed it (the commit writes its write-ahead log). On failure nothing is kept.
   */
  async writeFlush(rows: readonly Row[], newTags: readonly TagRow[], seq: number, createdAt: number, mark?: number): Promise<void> {
    this.#assertWritable();
    await this.#exclusive(async () => {
      await writeFlushTx(this.#writer, { rows, newTags, seq, createdAt, mark, dirty: this.#rollups.late(rows) });
      this.#rollups.seq = seq;
    });
    this.#tagCount += newTags.length;
    this.#closedRows += countBefore(rows, compactCutoff(createdAt));
  }

  /** True when enough rows of closed days wait in samples_recent to compact now rather than on the timer. */
  wantsCompaction(): boolean {
    return this.#closedRows >= (this.#compactAfterRows ?? Math.max(EARLY_ROWS, EARLY_ROWS_PER_TAG * this.#tagCount));
  }

  /** Move every closed day from samples_recent to samples_sorted, a day per transaction, then checkpoint. */
  async compact(now: number): Promise<CompactReport> {
    this.#assertWritable();
    this.#closedRows = 0;
    const days = await this.#exclusive(() => closedDays(this.#writer, compactCutoff(now)));
    let rows = 0;
    for (const day of days) rows += await this.#exclusive(() => compactDay(this.#writer, day));
    // Writes the sorted rows compressed and frees the moved ones' blocks for the next appends.
    if (days.length > 0) await this.#exclusive(() => this.#writer.run('CHECKPOINT')).catch(() => undefined);
    return { days: days.length, rows };
  }

  /** Samples of `tagIds` with from <= ts < to (after the cursor), by ts then path, at most `limit`, with the flush they include. */
  readRaw(tagIds: readonly number[], from: number, to: number, limit: number, after?: RawCursor): Promise<StoreRead<StoredSample[]>> {
    return this.#snapshot((conn) => readRawRows(conn, tagIds, from, to, limit, after));
  }

  /** Per tag, the sample next to an instant, with the flush it includes. */
  readEdges(tagIds: readonly number[], edge: EdgeRead): Promise<StoreRead<StoredSample[]>> {
    return this.#snapshot((conn) => readEdgeRows(conn, tagIds, edge));
  }

  /** Value statistics per tag and bucket, with the flush they include. */
  readBucketStats(tagIds: readonly number[], edges: readonly number[]): Promise<StoreRead<BucketStats[]>> {
    return this.#snapshot((conn) => readStatsRows(conn, tagIds, edges));
  }

  /** M4 cells per tag and column, whole rollup buckets from the rollup of the grain when kept, with the flush they include. */
  readM4(tagIds: readonly number[], spec: M4Spec): Promise<StoreRead<M4Cell[]>> {
    const r = this.#rollups.spec(spec.grain);
    if (r === undefined) return this.#snapshot((conn) => readM4Rows(conn, tagIds, spec, spec.from, spec.to));
    return this.#snapshotWith(async (conn) => {
      const state = await rollupState(conn, r.name, tagIds);
      const [a, b] = RollupState.m4Window(r, state, spec.from, spec.to);
      const rows = a >= b ? await readM4Rows(conn, tagIds, spec, spec.from, spec.to) : [
        ...(await readM4Rows(conn, tagIds, spec, spec.from, a)),
        ...(await readRollupM4Rows(conn, r.name, tagIds, spec, a, b)),
        ...(await readM4Rows(conn, tagIds, spec, b, spec.to)),
      ];
      return { rows, flushSeq: state.flushSeq };
    });
  }

  /** Rollup buckets of [from, to) up to where raw samples must take over, with the flush they include. */
  readRollup(tagIds: readonly number[], size: number, from: number, to: number, fields?: RollupFieldSet): Promise<StoreRead<RollupRead>> {
    const r = this.#rollups.spec(size);
    if (r === undefined) return this.#snapshot(async () => ({ coveredFrom: Infinity, until: from, buckets: NO_BUCKETS, prior: [], next: [] }));
    return this.#snapshotWith(async (conn) => {
      const state = await rollupState(conn, r.name, tagIds);
      const until = RollupState.readUntil(r, state, from, to);
      const rows: RollupRead = {
        coveredFrom: state.from ?? -Infinity, until,
        buckets: await readRollupRows(conn, r.name, tagIds, state.paths, from, until, fields),
        // Only time-weighted aggregates and counters use the samples next to the range.
        prior: fields === 'stats' ? [] : await readRollupEdges(conn, r.name, tagIds, 'before', from, until),
        next: fields === 'stats' || fields === 'counter' ? [] : await readRollupEdges(conn, r.name, tagIds, 'after', to, until),
      };
      return { rows, flushSeq: state.flushSeq };
    });
  }

  /** Bring the kept rollups up to `now` (../rollup/job.ts), a window per transaction. */
  rollup(now: number): Promise<RollupRunReport> {
    this.#assertWritable();
    const backend = duckRollupBackend(this.#writer, (work) => this.#exclusive(work));
    return runRollups(backend, this.#rollups, now);
  }

  /** Delete samples older than each group's cutoff, a group per transaction, then checkpoint to free the space. */
  async applyRetention(plan: RetentionPlan): Promise<RetentionReport> {
    this.#assertWritable();
    let deleted = 0;
    for (const g of plan.groups) deleted += await this.#exclusive(() => deleteExpired(this.#writer, g.tagIds, g.cutoff));
    if (deleted > 0) await this.#exclusive(() => this.#writer.run('CHECKPOINT')).catch(() => undefined);
    return { deleted };
  }

  #assertWritable(): void {
    if (this.#readOnly) throw new Error('the file is open read-only');
  }

  /** Run `work` on the writer connection after every earlier piece of writer work has finished. */
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Run a read and read the flush number in one transaction, so from one consistent snapshot, on
   * a connection of its own: reads never block the flush and vice versa.
   */
  #snapshot<T>(read: (conn: DuckDBConnection) => Promise<T>): Promise<StoreRead<T>> {
    return this.#snapshotWith(async (conn) => {
      const flushSeq = Number(await scalar(conn, `SELECT value FROM meta WHERE key = 'flush_seq'`));
      return { rows: await read(conn), flushSeq };
    });
  }

  /** #snapshot() for a read that reads the flush number itself (in a query it makes anyway). */
  async #snapshotWith<T>(read: (conn: DuckDBConnection) => Promise<StoreRead<T>>): Promise<StoreRead<T>> {
    const conn = await this.#instance.connect();
    try {
      await conn.run('BEGIN TRANSACTION');
      const got = await read(conn);
      await conn.run('COMMIT');
      return got;
    } finally {
      conn.closeSync();
    }
  }

  /**
   * Checkpoint (fold the write-ahead log into the file) and close; a file that is mostly free
   * space (after a bulk load) is rewritten compactly first (reclaim.ts); a reader just closes.
   * Safe to call twice.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    let copied = false;
    try {
      if (!this.#readOnly) await this.#exclusive(() => this.#writer.run('CHECKPOINT'));
      if (!this.#readOnly && this.#key !== undefined && await worthReclaiming(this.#writer)) {
        copied = await copyDatabase(this.#writer, this.#key).then(() => true, () => (removeReclaimLeftovers(this.#key!), false));
      }
    } finally {
      this.#writer.closeSync();
      this.#instance.closeSync();
      if (this.#key !== undefined) openFiles.delete(this.#key);
    }
    if (copied) replaceWithCopy(this.#key!);
  }
}

/** Create the layout, or migrate an older one, in one transaction; refuse a newer one. */
async function bringUpSchema(writer: DuckDBConnection): Promise<void> {
  await writer.run('BEGIN TRANSACTION');
  try {
    await writer.run(META_DDL);
    const found = await scalar(writer, `SELECT value FROM meta WHERE key = 'schema_version'`);
    let version = found === undefined ? SCHEMA_VERSION : Number(found);
    if (!(version <= SCHEMA_VERSION)) {
      throw new Error(`the file has schema version ${String(found)}; this hub reads version ${SCHEMA_VERSION} (was it written by a newer Causeway?)`);
    }
    for (; version < SCHEMA_VERSION; version++) for (const step of MIGRATIONS[version] ?? []) await writer.run(step);
    for (const ddl of SCHEMA_DDL) await writer.run(ddl);
    await writer.run('COMMIT');
  } catch (e) {
    await writer.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** A reader's check of the layout: the version this hub reads, nothing created or migrated. */
async function checkSchema(conn: DuckDBConnection): Promise<void> {
  const hasMeta = Number(await scalar(conn, `SELECT count(*) FROM duckdb_tables() WHERE table_name = 'meta' AND schema_name = 'main'`)) > 0;
  const found = hasMeta ? await scalar(conn, `SELECT value FROM meta WHERE key = 'schema_version'`) : undefined;
  if (found === undefined) throw new Error('the file holds no Causeway historian (no layout version in it)');
  const version = Number(found);
  if (version > SCHEMA_VERSION || !Number.isInteger(version)) {
    throw new Error(`the file has schema version ${String(found)}; this hub reads version ${SCHEMA_VERSION} (was it written by a newer Causeway?)`);
  }
  if (version < SCHEMA_VERSION) {
    throw new Error(`the file has the older layout ${version}, which a hub brings up to layout ${SCHEMA_VERSION} when it next opens it; start the hub once, then read it again`);
  }
}

async function scalar(conn: DuckDBConnection, sql: string): Promise<unknown> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRows()[0]?.[0];
}
