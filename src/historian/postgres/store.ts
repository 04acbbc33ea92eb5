/**
 * The PostgreSQL side of the historian: schema, single-writer lock, partitions created on demand,
 * the transactional flush through binary COPY, and snapshot reads on a pool. Every value from
 * outside is bound, never spliced; identifiers are quoted.
 */
import pg from 'pg';
import type { ClientConfig, PoolClient } from 'pg';
import type { ValueType } from '../../core/sample.js';
import { decodeValue, qualityOf } from '../shared/encoding.js';
import type { Row } from '../shared/encoding.js';
import type { RetentionPlan } from '../retention/plan.js';
import type { EdgeRead, HistorianStore, RetentionReport, StoreRead, TagRow } from '../shared/store.js';
import type { M4Spec } from '../query/m4.js';
import { runRollups } from '../rollup/job.js';
import type { RollupRunReport, RollupSpec } from '../rollup/job.js';
import { NO_BUCKETS } from '../rollup/decode.js';
import { RollupState } from '../rollup/state.js';
import type { BucketStats, M4Cell, RawCursor, RollupFieldSet, RollupRead, StoredSample } from '../types.js';
import { COPY_COLUMNS } from './copy-binary.js';
import { copyIn } from './copy-in.js';
import { readM4Rows, readRollupM4Rows } from './m4.js';
import { pgRollupBackend, readRollupEdges, readRollupRows, rollupState } from './rollup.js';
import { connectWriter, encodeCopy, isMissingPartition, loadPartitions } from './writer.js';
import { readEdgeRows, readRawRows, readStatsRows } from './reads.js';
import { applyRetentionPg } from './retention.js';
import { SCHEMA_VERSION, partitionDdl, partitionName, partitionsFor, qualified, schemaDdl } from './schema.js';
import type { PartitionSize } from './schema.js';

export class PostgresStore implements HistorianStore {
  readonly #conn: ClientConfig;
  /** Undefined for a reader (opened read-only): it holds no lock and no connection of its own. */
  #writer: pg.Client | undefined;
  /** Set when the writer's connection failed: the next flush reconnects first. */
  #broken = false;
  readonly #pool: pg.Pool;
  readonly #schema: string;
  readonly partition: PartitionSize;
  readonly #partitions: Set<string>;
  #closed = false;
  /** Writer work (flushes, maintenance) runs one at a time, in call order. */
  #queue: Promise<unknown> = Promise.resolve();
  readonly #rollups: RollupState;

  private constructor(conn: ClientConfig, writer: pg.Client | undefined, pool: pg.Pool, schema: string, partition: PartitionSize, partitions: Set<string>, rollups: RollupState) {
    this.#rollups = rollups;
    this.#conn = conn;
    this.#writer = writer;
    if (writer) this.#watch(writer);
    this.#pool = pool;
    this.#schema = schema;
    this.partition = partition;
    this.#partitions = partitions;
  }

  /**
   * Connect, take the schema's writer lock, create the layout when missing and check its version.
   * The partition size of an existing schema wins over `partition`. A reader (`readOnly`) only
   * checks the layout: no lock, no DDL, every query in a read-only transaction on the pool, so it
   * reads while a hub writes. Throws with a plain reason.
   */
  static async open(conn: ClientConfig, schema: string, partition: PartitionSize, rollups: readonly RollupSpec[] = [], readOnly = false): Promise<PostgresStore> {
    // A reader's sessions refuse every write, whatever runs on them.
    const pool = new pg.Pool(readOnly
      ? { ...conn, application_name: 'causeway-historian-cli', max: 2, options: `${conn.options ?? ''} -c default_transaction_read_only=on`.trim() }
      : { ...conn, application_name: 'causeway-historian-reader', max: 4 });
    pool.on('error', () => undefined); // an idle reader that drops is replaced on the next read
    let writer: pg.Client | undefined;
    try {
      if (!readOnly) {
        writer = await connectWriter(conn, schema);
        await writer.query('BEGIN');
        for (const ddl of schemaDdl(schema, partition)) await writer.query(ddl);
        await writer.query('COMMIT');
      }
      const meta = new Map((await readMeta(writer ?? pool, schema)).map((r) => [r.key, r.value]));
      const version = meta.get('schema_version');
      if (version !== String(SCHEMA_VERSION)) {
        throw new Error(`the schema has layout version ${String(version)}; this hub reads version ${SCHEMA_VERSION} (was it written by a newer Causeway?)`);
      }
      const size = meta.get('partition') === 'week' ? 'week' : 'day';
      const state = new RollupState(rollups);
      state.load(meta);
      return new PostgresStore(conn, writer, pool, schema, size, writer ? await loadPartitions(writer, schema) : new Set(), state);
    } catch (e) {
      await writer?.end().catch(() => undefined);
      await pool.end().catch(() => undefined);
      throw e;
    }
  }

  async loadTags(): Promise<TagRow[]> {
    const res = await this.#loader().query<{ id: number; path: string; value_type: ValueType }>(`SELECT id, path, value_type FROM ${this.#q('tags')} ORDER BY id`);
    return res.rows.map((r) => ({ id: r.id, path: r.path, valueType: r.value_type }));
  }

  async loadFlushSeq(): Promise<number> {
    const res = await this.#loader().query<{ value: string }>(`SELECT value FROM ${this.#q('meta')} WHERE key = 'flush_seq'`);
    this.#rollups.seq = Number(res.rows[0]?.value ?? 0);
    return this.#rollups.seq;
  }

  /** The newest stored sample of every tag: one backward index probe per tag. */
  async loadLastValues(): Promise<Map<number, Omit<StoredSample, 'path'>>> {
    const res = await this.#loader().query<{ id: number; ts: string; quality: number; v_num: number | null; v_str: string | null; v_bool: boolean | null }>(
      `SELECT t.id, x.ts, x.quality, x.v_num, x.v_str, x.v_bool FROM ${this.#q('tags')} t
       CROSS JOIN LATERAL (SELECT ts, quality, v_num, v_str, v_bool FROM ${this.#q('samples')} s
                           WHERE s.tag_id = t.id ORDER BY s.ts DESC LIMIT 1) x`,
    );
    return new Map(res.rows.map((r) => [r.id, { ts: Number(r.ts), quality: qualityOf(r.quality), value: decodeValue(r.v_num, r.v_str, r.v_bool) }]));
  }

  /**
   * Create missing partitions (each in its own short transaction), then in one transaction: the
   * new tags, the rows through binary COPY, the flush number. On failure nothing is kept.
   */
  writeFlush(rows: readonly Row[], newTags: readonly TagRow[], seq: number, createdAt: number, mark?: number): Promise<void> {
    return this.#exclusive(() => this.#writeFlushNow(rows, newTags, seq, createdAt, mark));
  }

  async loadIngestMark(): Promise<number> {
    const res = await this.#loader().query<{ value: string }>(`SELECT value FROM ${this.#q('meta')} WHERE key = 'ingest_mark'`);
    return Number(res.rows[0]?.value ?? 0);
  }

  async #writeFlushNow(rows: readonly Row[], newTags: readonly TagRow[], seq: number, createdAt: number, mark: number | undefined): Promise<void> {
    const c = await this.#writerReady();
    await this.#ensurePartitions(c, rows);
    const chunks = await encodeCopy(rows);
    await c.query('BEGIN');
    try {
      if (newTags.length > 0) {
        // ON CONFLICT: a commit that failed after reaching the server must not block every retry.
        await c.query(
          `INSERT INTO ${this.#q('tags')} (id, path, value_type, created_at)
           SELECT id, path, vt, to_timestamp($4::double precision / 1000) FROM unnest($1::integer[], $2::text[], $3::text[]) AS n(id, path, vt)
           ON CONFLICT DO NOTHING`,
          [newTags.map((t) => t.id), newTags.map((t) => t.path), newTags.map((t) => t.valueType), createdAt],
        );
      }
      if (rows.length > 0) await copyIn(c, `COPY ${this.#q('samples')} ${COPY_COLUMNS} FROM STDIN (FORMAT binary)`, chunks);
      const late = this.#rollups.late(rows);
      if (late.length > 0) {
        await c.query(`INSERT INTO ${this.#q('rollup_dirty')} SELECT id, lo, hi, $4 FROM unnest($1::integer[], $2::bigint[], $3::bigint[]) AS l(id, lo, hi)`,
          [late.map(([id]) => id), late.map(([, lo]) => lo), late.map(([, , hi]) => hi), seq]);
      }
      await c.query(`UPDATE ${this.#q('meta')} SET value = $1 WHERE key = 'flush_seq'`, [String(seq)]);
      if (mark !== undefined) {
        await c.query(`INSERT INTO ${this.#q('meta')} VALUES ('ingest_mark', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [String(mark)]);
      }
      await c.query('COMMIT');
      this.#rollups.seq = seq;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      // A partition dropped behind our back (retention): forget the cache, the retry creates it again.
      if (isMissingPartition(e)) this.#partitions.clear();
      throw e;
    }
  }

  readRaw(tagIds: readonly number[], from: number, to: number, limit: number, after?: RawCursor): Promise<StoreRead<StoredSample[]>> {
    return this.#snapshot((c) => readRawRows(c, this.#schema, tagIds, { from, to, limit, after }));
  }

  readEdges(tagIds: readonly number[], edge: EdgeRead): Promise<StoreRead<StoredSample[]>> {
    return this.#snapshot((c) => readEdgeRows(c, this.#schema, tagIds, edge));
  }

  readBucketStats(tagIds: readonly number[], edges: readonly number[], firstLast: boolean): Promise<StoreRead<BucketStats[]>> {
    return this.#snapshot((c) => readStatsRows(c, this.#schema, tagIds, edges, firstLast));
  }

  /** M4 cells, whole rollup buckets from the rollup of the grain when kept (as the DuckDB store). */
  readM4(tagIds: readonly number[], spec: M4Spec): Promise<StoreRead<M4Cell[]>> {
    const r = this.#rollups.spec(spec.grain);
    return this.#snapshot(async (c) => {
      if (r === undefined) return readM4Rows(c, this.#schema, tagIds, spec, spec.from, spec.to);
      const [a, b] = RollupState.m4Window(r, await rollupState(c, this.#schema, r.name, tagIds), spec.from, spec.to);
      if (a >= b) return readM4Rows(c, this.#schema, tagIds, spec, spec.from, spec.to);
      return [
        ...(await readM4Rows(c, this.#schema, tagIds, spec, spec.from, a)),
        ...(await readRollupM4Rows(c, this.#schema, r.name, tagIds, spec, a, b)),
        ...(await readM4Rows(c, this.#schema, tagIds, spec, b, spec.to)),
      ];
    });
  }

  readRollup(tagIds: readonly number[], size: number, from: number, to: number, fields?: RollupFieldSet): Promise<StoreRead<RollupRead>> {
    const r = this.#rollups.spec(size);
    return this.#snapshot(async (c) => {
      if (r === undefined) return { coveredFrom: Infinity, until: from, buckets: NO_BUCKETS, prior: [], next: [] };
      const state = await rollupState(c, this.#schema, r.name, tagIds);
      const until = RollupState.readUntil(r, state, from, to);
      return {
        coveredFrom: state.from ?? -Infinity, until,
        buckets: await readRollupRows(c, this.#schema, r.name, tagIds, { from, until }, fields),
        prior: fields === 'stats' ? [] : await readRollupEdges(c, this.#schema, r.name, tagIds, 'before', from, until),
        next: fields === 'stats' || fields === 'counter' ? [] : await readRollupEdges(c, this.#schema, r.name, tagIds, 'after', to, until),
      };
    });
  }

  /** Bring the kept rollups up to `now` (../rollup/job.ts), a window per transaction. */
  rollup(now: number): Promise<RollupRunReport> {
    const backend = pgRollupBackend(() => this.#writerReady(), this.#schema, (work) => this.#exclusive(work));
    return runRollups(backend, this.#rollups, now);
  }

  /** Drop wholly expired partitions, delete older samples per group (see retention.ts). */
  async applyRetention(plan: RetentionPlan): Promise<RetentionReport> {
    return this.#exclusive(async () => applyRetentionPg(await this.#writerReady(), this.#schema, plan, (p) => this.#partitions.delete(p)));
  }

  /** Release the writer lock and every connection. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#queue;
    try {
      await this.#writer?.end();
    } finally {
      await this.#pool.end();
    }
  }

  /** Run `work` on the writer after every earlier piece of writer work has finished. */
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #watch(c: pg.Client): void {
    const broken = () => {
      if (c === this.#writer) this.#broken = true;
    };
    c.on('error', broken); // surfaces as a failed flush, which is retried after a reconnect
    c.on('end', broken);
  }

  /** Where loads read: the writer's connection, or a reader's pool. */
  #loader(): pg.Pool | pg.Client {
    return this.#writer ?? this.#pool;
  }

  /** The writer connection, connected again (with its lock) after a failure; a reader has none. */
  async #writerReady(): Promise<pg.Client> {
    if (this.#writer === undefined) throw new Error('the historian is open read-only');
    if (!this.#broken) return this.#writer;
    const old = this.#writer;
    await old.end().catch(() => undefined);
    const fresh = await connectWriter(this.#conn, this.#schema);
    this.#writer = fresh;
    this.#broken = false;
    this.#watch(fresh);
    this.#partitions.clear();
    for (const name of await loadPartitions(fresh, this.#schema)) this.#partitions.add(name);
    return fresh;
  }

  #q(name: string): string {
    return qualified(this.#schema, name);
  }

  async #ensurePartitions(c: pg.Client, rows: readonly Row[]): Promise<void> {
    for (const start of partitionsFor(rows.map((r) => r.ts), this.partition)) {
      const name = partitionName(start);
      if (this.#partitions.has(name)) continue;
      await c.query(partitionDdl(this.#schema, start, this.partition));
      this.#partitions.add(name);
    }
  }

  /** A read and the flush number from one REPEATABLE READ snapshot, on a pooled connection. */
  async #snapshot<T>(read: (c: PoolClient) => Promise<T>): Promise<StoreRead<T>> {
    const c = await this.#pool.connect();
    try {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const seq = await c.query<{ value: string }>(`SELECT value FROM ${this.#q('meta')} WHERE key = 'flush_seq'`);
      const rows = await read(c);
      await c.query('COMMIT');
      return { rows, flushSeq: Number(seq.rows[0]?.value ?? 0) };
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }
}

/** The schema's meta rows; a schema without a historian gets a plain reason. */
async function readMeta(c: pg.Pool | pg.Client, schema: string): Promise<{ key: string; value: string }[]> {
  try {
    return (await c.query<{ key: string; value: string }>(`SELECT key, value FROM ${qualified(schema, 'meta')}`)).rows;
  } catch (e) {
    if ((e as { code?: unknown }).code === '42P01' || (e as { code?: unknown }).code === '3F000') throw new Error(`schema "${schema}" of this database holds no Causeway historian`);
    throw e;
  }
}
