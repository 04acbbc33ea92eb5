/**
 * Rollups in PostgreSQL: the same summaries as DuckDB's (../duckdb/rollup.ts), with min()/max()
 * over float arrays standing in for arg_min/arg_max (the leading element is the ordering key).
 */
import type pg from 'pg';
import type { PoolClient } from 'pg';
import type { RollupBackend, RollupSpec } from '../rollup/job.js';
import type { RollupSnapshot } from '../rollup/state.js';
import { ColumnBuckets, NO_BUCKETS, ROLLUP_FIELD_COLUMNS } from '../rollup/decode.js';
import { decodeValue, qualityOf } from '../shared/encoding.js';
import type { RollupBuckets, RollupFieldSet, StoredSample } from '../types.js';
import { qualified } from './schema.js';

/** SQL for the start of the bucket of `ms` holding the time `t`, also before 1970. */
const floorSql = (ms: number, t: string) => `(${t} - ((${t} % ${ms}) + ${ms}) % ${ms})`;

const DAY_MS = 86_400_000;

/** Queued late samples up to flush `seq`, one time range per tag (see ../duckdb/rollup.ts, dirtyRangesSql). */
function dirtyRangesSql(schema: string, seq: number): string {
  return `(SELECT tag_id, min(lo) AS lo, max(hi) AS hi FROM ${qualified(schema, 'rollup_dirty')} WHERE seq <= ${Math.trunc(seq)} GROUP BY tag_id)`;
}

/** The (tag_id, bucket) pairs within [$1, $2) holding samples that queued late samples up to flush `seq` make stale. */
function dirtyBucketsSql(schema: string, ms: number, seq: number): string {
  return `(SELECT DISTINCT s.tag_id, ${floorSql(ms, 's.ts')} AS bucket
    FROM ${qualified(schema, 'samples')} s JOIN ${dirtyRangesSql(schema, seq)} d ON d.tag_id = s.tag_id AND s.ts >= d.lo AND s.ts <= d.hi
    WHERE s.ts >= $1 AND s.ts < $2)`;
}

/** INSERT … SELECT of the summaries of the samples with $1 <= ts < $2 (only the pairs of `only` when given). */
function rollupInsertSql(schema: string, r: RollupSpec, only?: string): string {
  const ok = 'FILTER (WHERE x IS NOT NULL)';
  const f8 = (e: string) => `(${e})::float8`;
  return `INSERT INTO ${qualified(schema, `rollup_${r.name}`)}
    WITH raw AS (SELECT tag_id, ts, quality, v_num, v_str, v_bool, coalesce(v_num, v_bool::int::float8) AS x, ${floorSql(r.ms, 'ts')} AS bucket
                 FROM ${qualified(schema, 'samples')} WHERE ts >= $1 AND ts < $2),
    s AS (SELECT raw.* FROM raw ${only ? `JOIN ${only} d ON d.tag_id = raw.tag_id AND d.bucket = raw.bucket` : ''}),
    g AS (SELECT *, lag(ts) OVER w AS pts, lag(x) OVER w AS px, lag(v_num) OVER w AS pn
          FROM s WHERE quality <> 2 WINDOW w AS (PARTITION BY tag_id, bucket ORDER BY ts)),
    d AS (SELECT tag_id, bucket, x, lag(x) OVER (PARTITION BY tag_id, bucket ORDER BY ts) AS xp FROM s WHERE quality <> 2 AND x IS NOT NULL),
    ga AS (SELECT tag_id, bucket, count(*) AS count, count(x) AS n, sum(x) AS sum,
             min(ARRAY[x, ${f8('ts')}, ${f8('quality')}, ${f8('(v_bool IS NOT NULL)::int')}]) ${ok} AS mn,
             max(ARRAY[x, -${f8('ts')}, ${f8('quality')}, ${f8('(v_bool IS NOT NULL)::int')}]) ${ok} AS mx,
             min(ARRAY[${f8('ts')}, ${f8('quality')}, v_num, ${f8('v_bool::int')}]) AS f,
             (array_agg(v_str ORDER BY ts) FILTER (WHERE v_str IS NOT NULL))[1] AS f_s,
             max(ARRAY[${f8('ts')}, ${f8('quality')}, v_num, ${f8('v_bool::int')}]) AS l,
             (array_agg(v_str ORDER BY ts DESC) FILTER (WHERE v_str IS NOT NULL))[1] AS l_s,
             (min(ARRAY[${f8('ts')}, x]) ${ok})[2] AS fx, (max(ARRAY[${f8('ts')}, x]) ${ok})[2] AS lx,
             sum(CASE WHEN pn IS NOT NULL AND v_num IS NOT NULL AND ts > pts THEN (pn + v_num) / 2 * (ts - pts) ELSE px * (ts - pts) END)
               FILTER (WHERE px IS NOT NULL) AS area_lin,
             sum(px * (ts - pts)) FILTER (WHERE px IS NOT NULL) AS area_step,
             sum(ts - pts) FILTER (WHERE px IS NOT NULL) AS covered
           FROM g GROUP BY tag_id, bucket),
    da AS (SELECT tag_id, bucket, count(*) FILTER (WHERE x < xp) AS drops, sum(xp) FILTER (WHERE x < xp) AS drop_prev FROM d GROUP BY tag_id, bucket),
    ba AS (SELECT tag_id, bucket, count(*) AS bad FROM s WHERE quality = 2 GROUP BY tag_id, bucket)
    SELECT coalesce(ga.tag_id, ba.tag_id), coalesce(ga.bucket, ba.bucket), coalesce(ga.count, 0), coalesce(ba.bad, 0), coalesce(ga.n, 0),
      ga.sum, ga.mn[1], (ga.mn[2] - ga.bucket)::integer, ga.mn[3]::smallint, ga.mn[4] = 1,
      ga.mx[1], (-ga.mx[2] - ga.bucket)::integer, ga.mx[3]::smallint, ga.mx[4] = 1,
      (ga.f[1] - ga.bucket)::integer, ga.f[2]::smallint, ga.f[3], CASE WHEN ga.f[3] IS NULL AND ga.f[4] IS NULL THEN ga.f_s END, ga.f[4] = 1,
      (ga.l[1] - ga.bucket)::integer, ga.l[2]::smallint, ga.l[3], CASE WHEN ga.l[3] IS NULL AND ga.l[4] IS NULL THEN ga.l_s END, ga.l[4] = 1,
      -- The first and last numeric value only where they differ from the first and last value (strings before or after).
      CASE WHEN ga.fx IS DISTINCT FROM coalesce(ga.f[3], ga.f[4]) THEN ga.fx END,
      CASE WHEN ga.lx IS DISTINCT FROM coalesce(ga.l[3], ga.l[4]) THEN ga.lx END,
      coalesce(ga.area_lin, 0), coalesce(ga.area_step, 0), coalesce(ga.covered, 0), coalesce(da.drops, 0), coalesce(da.drop_prev, 0)
    FROM ga FULL JOIN ba ON ba.tag_id = ga.tag_id AND ba.bucket = ga.bucket
    LEFT JOIN da ON da.tag_id = ga.tag_id AND da.bucket = ga.bucket`;
}

async function inTransaction<T>(c: pg.Client, work: () => Promise<T>): Promise<T> {
  await c.query('BEGIN');
  try {
    const out = await work();
    await c.query('COMMIT');
    return out;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

async function days(c: pg.Client, sql: string, a: number, b: number): Promise<number[]> {
  return (await c.query<{ day: string }>(sql, [a, b])).rows.map((r) => Number(r.day));
}

async function setMeta(c: pg.Client, schema: string, key: string, value: number): Promise<void> {
  await c.query(`INSERT INTO ${qualified(schema, 'meta')} VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [key, String(value)]);
}

/** Summarise [lo, hi) in one transaction: everything (replacing what is there), or the queued buckets only. */
async function rollupWindow(c: pg.Client, schema: string, r: RollupSpec, lo: number, hi: number, opts: { dirtySeq?: number; until?: number }): Promise<number> {
  return inTransaction(c, async () => {
    // Row estimates of fresh partitions and of the queued buckets are poor (often 1), and a nested
    // loop over the per-bucket aggregates then recomputes one side for every row of the other.
    await c.query('SET LOCAL enable_nestloop = off');
    const table = qualified(schema, `rollup_${r.name}`);
    const only = opts.dirtySeq === undefined ? undefined : dirtyBucketsSql(schema, r.ms, opts.dirtySeq);
    await c.query(only
      ? `DELETE FROM ${table} t USING ${only} d WHERE t.tag_id = d.tag_id AND t.bucket = d.bucket`
      : `DELETE FROM ${table} WHERE bucket >= $1 AND bucket < $2`, [lo, hi]);
    const res = await c.query(rollupInsertSql(schema, r, only), [lo, hi]);
    if (opts.until !== undefined) await setMeta(c, schema, `rollup_${r.name}_until`, opts.until);
    return res.rowCount ?? 0;
  });
}

/** The rollup run's SQL (see ../rollup/job.ts); `exclusive` runs each step as writer work on the writer `c()`. */
export function pgRollupBackend(c: () => Promise<pg.Client>, schema: string, exclusive: <T>(work: () => Promise<T>) => Promise<T>): RollupBackend {
  const q = (name: string) => qualified(schema, name);
  return {
    oldestSample: () => exclusive(async () => {
      const v = (await (await c()).query<{ t: string | null }>(`SELECT min(ts) AS t FROM ${q('samples')}`)).rows[0]?.t;
      return v === null || v === undefined ? undefined : Number(v);
    }),
    daysWithSamples: (lo, hi) => exclusive(async () => days(await c(), `SELECT DISTINCT ${floorSql(DAY_MS, 'ts')} AS day FROM ${q('samples')} WHERE ts >= $1 AND ts < $2 ORDER BY 1`, lo, hi)),
    dirtyDays: (seq, before) => exclusive(async () => days(await c(), `SELECT DISTINCT ${floorSql(DAY_MS, 's.ts')} AS day
      FROM ${q('samples')} s JOIN ${dirtyRangesSql(schema, seq)} d ON d.tag_id = s.tag_id AND s.ts >= d.lo AND s.ts <= d.hi
      WHERE s.ts < $2 AND $1::bigint IS NOT NULL ORDER BY 1`, seq, before)),
    setUntil: (r, until) => exclusive(async () => setMeta(await c(), schema, `rollup_${r.name}_until`, until)),
    window: (r, lo, hi, opts) => exclusive(async () => rollupWindow(await c(), schema, r, lo, hi, opts)),
    expire: (r, before) => exclusive(async () => {
      const w = await c();
      return inTransaction(w, async () => {
        const res = await w.query(`DELETE FROM ${q(`rollup_${r.name}`)} WHERE bucket < $1`, [before]);
        await setMeta(w, schema, `rollup_${r.name}_from`, before);
        return res.rowCount ?? 0;
      });
    }),
    clearDirty: (seq) => exclusive(async () => void (await (await c()).query(`DELETE FROM ${q('rollup_dirty')} WHERE seq <= $1`, [seq]))),
  };
}

/** The watermark, coverage start and first queued late sample of a rollup for `tagIds`, in the read's snapshot. */
export async function rollupState(c: PoolClient, schema: string, name: string, tagIds: readonly number[]): Promise<RollupSnapshot> {
  const res = await c.query<{ until: string | null; from: string | null; dirty: string | null }>(
    `SELECT (SELECT value FROM ${qualified(schema, 'meta')} WHERE key = $1) AS until, (SELECT value FROM ${qualified(schema, 'meta')} WHERE key = $2) AS from,
            (SELECT min(lo) FROM ${qualified(schema, 'rollup_dirty')} WHERE tag_id = ANY($3::integer[])) AS dirty`,
    [`rollup_${name}_until`, `rollup_${name}_from`, [...tagIds]],
  );
  const row = res.rows[0]!;
  const out: RollupSnapshot = {};
  if (row.until !== null) out.until = Number(row.until);
  if (row.from !== null) out.from = Number(row.from);
  if (row.dirty !== null) out.dirtyLo = Number(row.dirty);
  return out;
}

/** The rollup rows of `tagIds` with from <= bucket < until, by path then bucket; only the columns of `fields`. */
export async function readRollupRows(
  c: PoolClient, schema: string, name: string, tagIds: readonly number[], range: { from: number; until: number }, fields: RollupFieldSet | undefined,
): Promise<RollupBuckets> {
  if (range.from >= range.until) return NO_BUCKETS;
  const cols = ['bucket', 'count', 'bad', ...ROLLUP_FIELD_COLUMNS[fields ?? 'all']];
  const res = await c.query<Record<string, unknown>>(
    `SELECT t.path, ${cols.map((x) => `r.${x}`).join(', ')} FROM ${qualified(schema, `rollup_${name}`)} r JOIN ${qualified(schema, 'tags')} t ON t.id = r.tag_id
     WHERE r.tag_id = ANY($1::integer[]) AND r.bucket >= $2 AND r.bucket < $3 ORDER BY t.path COLLATE "C", r.bucket`,
    [[...tagIds], range.from, range.until],
  );
  return new ColumnBuckets(new Map(['path', ...cols].map((x) => [x, res.rows.map((r) => r[x])])));
}

/**
 * Per tag, the last summarised sample before `at` (`before`) or the first in [at, until)
 * (`after`): one index probe per tag on the rollup's (tag_id, bucket) key.
 */
export async function readRollupEdges(c: PoolClient, schema: string, name: string, tagIds: readonly number[], side: 'before' | 'after', at: number, until: number): Promise<StoredSample[]> {
  const before = side === 'before';
  if (!before && at >= until) return [];
  const e = before ? 'last' : 'first';
  const res = await c.query<{ path: string; ts: string; q: number; n: number | null; s: string | null; b: boolean | null }>(
    `SELECT t.path, x.ts, x.q, x.n, x.s, x.b FROM unnest($1::integer[]) AS q(id)
     JOIN ${qualified(schema, 'tags')} t ON t.id = q.id
     CROSS JOIN LATERAL (
       SELECT r.bucket + r.${e}_off AS ts, r.${e}_q AS q, r.${e}_n AS n, r.${e}_s AS s, r.${e}_b AS b FROM ${qualified(schema, `rollup_${name}`)} r
       WHERE r.tag_id = q.id AND r.count > 0 AND ${before ? 'r.bucket < $2' : 'r.bucket >= $2 AND r.bucket < $3'}
       ORDER BY r.bucket ${before ? 'DESC' : 'ASC'} LIMIT 1) x`,
    before ? [[...tagIds], at] : [[...tagIds], at, until],
  );
  return res.rows.map((r) => ({ path: r.path, ts: Number(r.ts), value: decodeValue(r.n, r.s, r.b), quality: qualityOf(r.q) }));
}
