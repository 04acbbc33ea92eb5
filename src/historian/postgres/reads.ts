/**
 * The PostgreSQL reads, each run inside the caller's read transaction: raw samples in time order
 * (with a resume cursor), the sample next to an instant per tag, and value statistics per
 * bucket. Every value from outside is a bound parameter; paths compare in "C" collation (byte
 * order), the order the query layer and the DuckDB backend use.
 */
import type { PoolClient } from 'pg';
import { decodeValue, qualityOf } from '../shared/encoding.js';
import type { EdgeRead } from '../shared/store.js';
import type { BucketStats, RawCursor, StoredSample } from '../types.js';
import { qualified } from './schema.js';

interface SampleRow {
  path: string;
  ts: string;
  quality: number;
  v_num: number | null;
  v_str: string | null;
  v_bool: boolean | null;
}

function toSample(r: SampleRow): StoredSample {
  return { path: r.path, ts: Number(r.ts), value: decodeValue(r.v_num, r.v_str, r.v_bool), quality: qualityOf(r.quality) };
}

/** Samples of `tagIds` with from <= ts < to, after the cursor, by ts then path, at most `limit`. */
export async function readRawRows(
  c: PoolClient, schema: string, tagIds: readonly number[], range: { from: number; to: number; limit: number; after?: RawCursor | undefined },
): Promise<StoredSample[]> {
  const params: unknown[] = [[...tagIds], range.from, range.to];
  let where = 's.tag_id = ANY($1::integer[]) AND s.ts >= $2 AND s.ts < $3';
  if (range.after !== undefined) {
    params.push(range.after.ts, range.after.path);
    where += ' AND s.ts >= $4 AND (s.ts > $4 OR t.path COLLATE "C" > $5)';
  }
  let sql = `SELECT t.path, s.ts, s.quality, s.v_num, s.v_str, s.v_bool
    FROM ${qualified(schema, 'samples')} s JOIN ${qualified(schema, 'tags')} t ON t.id = s.tag_id
    WHERE ${where} ORDER BY s.ts, t.path COLLATE "C"`;
  if (Number.isFinite(range.limit)) {
    params.push(range.limit);
    sql += ` LIMIT $${params.length}`;
  }
  const res = await c.query<SampleRow>(sql, params);
  return res.rows.map(toSample);
}

/**
 * Per tag, the newest sample before `at` or the oldest at or after it: one index probe per tag
 * (LATERAL ... ORDER BY ts LIMIT 1 on the (tag_id, ts) index, partitions visited in time order).
 */
export async function readEdgeRows(c: PoolClient, schema: string, tagIds: readonly number[], edge: EdgeRead): Promise<StoredSample[]> {
  const before = edge.side === 'before';
  const sql = `SELECT t.path, x.ts, x.quality, x.v_num, x.v_str, x.v_bool
    FROM unnest($1::integer[]) AS q(id)
    JOIN ${qualified(schema, 'tags')} t ON t.id = q.id
    CROSS JOIN LATERAL (
      SELECT s.ts, s.quality, s.v_num, s.v_str, s.v_bool FROM ${qualified(schema, 'samples')} s
      WHERE s.tag_id = q.id AND s.ts ${before ? '<' : '>='} $2 ${edge.excludeBad ? 'AND s.quality <> 2' : ''}
      ORDER BY s.ts ${before ? 'DESC' : 'ASC'} LIMIT 1) x`;
  const res = await c.query<SampleRow>(sql, [[...tagIds], edge.at]);
  return res.rows.map(toSample);
}

interface StatsRow {
  path: string;
  idx: number;
  count: string;
  bad: string;
  n: string;
  sum: number | null;
  min: number | null;
  max: number | null;
  mean: number | null;
  var_pop: number | null;
  first_ts: string | null;
  last_ts: string | null;
  /** [v_num, v_str, v_bool] of the first and last good or uncertain sample, as jsonb. */
  first: [number | null, string | null, boolean | null] | null;
  last: [number | null, string | null, boolean | null] | null;
}

/**
 * Value statistics per tag and bucket: width_bucket() finds each sample's bucket among the
 * edges. First and last values come from ordered array_agg, only when asked for (it sorts).
 */
export async function readStatsRows(c: PoolClient, schema: string, tagIds: readonly number[], edges: readonly number[], firstLast: boolean): Promise<BucketStats[]> {
  const ok = 'FILTER (WHERE s.quality <> 2)';
  // One jsonb per row, so the three value columns of first (and of last) come from the same row.
  const pick = (dir: string) => (firstLast ? `(array_agg(jsonb_build_array(s.v_num, s.v_str, s.v_bool) ORDER BY s.ts ${dir}) ${ok})[1]` : 'NULL::jsonb');
  const sql = `SELECT t.path, width_bucket(s.ts, $1::bigint[]) - 1 AS idx,
      count(*) ${ok} AS count, count(*) FILTER (WHERE s.quality = 2) AS bad, count(s.x) ${ok} AS n,
      sum(s.x) ${ok} AS sum, min(s.x) ${ok} AS min, max(s.x) ${ok} AS max,
      avg(s.x) ${ok} AS mean, var_pop(s.x) ${ok} AS var_pop,
      min(s.ts) ${ok} AS first_ts, max(s.ts) ${ok} AS last_ts,
      ${pick('ASC')} AS first, ${pick('DESC')} AS last
    FROM (SELECT tag_id, ts, quality, v_num, v_str, v_bool, coalesce(v_num, v_bool::integer::double precision) AS x
          FROM ${qualified(schema, 'samples')} WHERE tag_id = ANY($2::integer[]) AND ts >= $3 AND ts < $4) s
    JOIN ${qualified(schema, 'tags')} t ON t.id = s.tag_id
    GROUP BY 1, 2`;
  const res = await c.query<StatsRow>(sql, [edges.map(String), [...tagIds], edges[0], edges[edges.length - 1]]);
  return res.rows.map(statsOf);
}

function statsOf(r: StatsRow): BucketStats {
  const n = Number(r.n);
  const value = (v: StatsRow['first']) => (v === null ? undefined : decodeValue(v[0], v[1], v[2]));
  return {
    path: r.path,
    bucket: Number(r.idx),
    count: Number(r.count),
    bad: Number(r.bad),
    n,
    sum: n > 0 ? Number(r.sum) : 0,
    min: n > 0 ? Number(r.min) : Infinity,
    max: n > 0 ? Number(r.max) : -Infinity,
    mean: n > 0 ? Number(r.mean) : 0,
    m2: n > 0 ? Number(r.var_pop) * n : 0,
    first: value(r.first),
    firstTs: r.first_ts === null ? Infinity : Number(r.first_ts),
    last: value(r.last),
    lastTs: r.last_ts === null ? -Infinity : Number(r.last_ts),
  };
}
