/**
 * Rollups in DuckDB: per tag and bucket of 1 minute or 1 hour, the summary the query layer folds
 * into its aggregates exactly as it would the raw samples (../rollup/README.md). Built here in one
 * pass over the raw samples per window of buckets; read back for aggregates and trends.
 */
import { BIGINT, INTEGER, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ColumnBuckets, NO_BUCKETS, ROLLUP_FIELD_COLUMNS } from '../rollup/decode.js';
import type { NumColumn } from '../rollup/decode.js';
import type { RollupBackend } from '../rollup/job.js';
import type { RollupBuckets, RollupFieldSet, StoredSample } from '../types.js';
import { ROLLUPS } from '../rollup/sizes.js';
import { DAY_MS } from './compaction.js';
import { readNumericColumns, sortedBy } from './numeric-columns.js';
import { Params, toSample } from './reads.js';

/** SQL for the start of the bucket of `ms` holding the time `t`, also before 1970. */
const floorSql = (ms: number, t: string) => `(${t} - ((${t} % ${ms}) + ${ms}) % ${ms})`;

/** `col` as DECIMAL(38, 12), or NULL when it does not fit (exactSum() then sums doubles). */
const dec = (col: string) => `TRY_CAST(${col} AS DECIMAL(38, 12))`;

/**
 * SQL summing exactly where it can: `decimal` (an expression over dec() columns) as DECIMAL, so
 * sums of sensor values stay short decimals, which DuckDB's ALP stores in a few bits where float
 * sums carry noise in every bit; `double` when some `guard` value reaches 1e12 (no overflow).
 */
function exactSum(decimal: string, double: string, guard: string, filter: string): string {
  return `CASE WHEN max(${guard}) FILTER (WHERE ${filter}) < 1e12
    THEN (sum(${decimal}) FILTER (WHERE ${filter}))::DOUBLE ELSE sum(${double}) FILTER (WHERE ${filter}) END`;
}

const LINEAR = 'pn IS NOT NULL AND v_num IS NOT NULL AND ts > pts';

/**
 * The summary rows of the samples with lo <= ts < hi, as INSERT … SELECT into rollup_<name>.
 * `only`: restrict to the (tag_id, bucket) pairs of this SQL relation (recomputing queued buckets).
 */
export function rollupInsertSql(name: string, ms: number, only?: string): string {
  const bucket = floorSql(ms, 'ts');
  const scope = only ? `JOIN ${only} d ON d.tag_id = r.tag_id AND d.bucket = r.bucket` : '';
  const ok = 'FILTER (WHERE x IS NOT NULL)';
  return `INSERT INTO rollup_${name}
    WITH r AS (SELECT tag_id, ts, quality, v_num, v_str, v_bool, coalesce(v_num, v_bool::DOUBLE) AS x, ${bucket} AS bucket
               FROM samples_in($1, $2)),
    s AS (SELECT r.* FROM r ${scope}),
    g AS (SELECT *, lag(ts) OVER w AS pts, lag(x) OVER w AS px, lag(v_num) OVER w AS pn
          FROM s WHERE quality <> 2 WINDOW w AS (PARTITION BY tag_id, bucket ORDER BY ts)),
    d AS (SELECT tag_id, bucket, x, lag(x) OVER (PARTITION BY tag_id, bucket ORDER BY ts) AS xp
          FROM s WHERE quality <> 2 AND x IS NOT NULL),
    ga AS (SELECT tag_id, bucket, count(*) AS count, count(x) AS n, ${exactSum(dec('x'), 'x', 'abs(x)', 'x IS NOT NULL')} AS sum,
             arg_min({'x': x, 't': ts, 'q': quality, 'b': v_bool IS NOT NULL}, {'x': x, 't': ts}) ${ok} AS mn,
             arg_max({'x': x, 't': ts, 'q': quality, 'b': v_bool IS NOT NULL}, {'x': x, 't': -ts}) ${ok} AS mx,
             arg_min({'t': ts, 'q': quality, 'n': v_num, 's': v_str, 'b': v_bool}, ts) AS f,
             arg_max({'t': ts, 'q': quality, 'n': v_num, 's': v_str, 'b': v_bool}, ts) AS l,
             arg_min(x, ts) ${ok} AS fx, arg_max(x, ts) ${ok} AS lx,
             ${exactSum(`CASE WHEN ${LINEAR} THEN (${dec('pn')} + ${dec('v_num')}) * (ts - pts) * 0.5 ELSE ${dec('px')} * (ts - pts) END`,
               `CASE WHEN ${LINEAR} THEN (pn + v_num) / 2 * (ts - pts) ELSE px * (ts - pts) END`, 'greatest(abs(px), abs(coalesce(x, 0)))', 'px IS NOT NULL')} AS area_lin,
             ${exactSum(`${dec('px')} * (ts - pts)`, 'px * (ts - pts)', 'abs(px)', 'px IS NOT NULL')} AS area_step,
             sum(ts - pts) FILTER (WHERE px IS NOT NULL) AS covered
           FROM g GROUP BY tag_id, bucket),
    da AS (SELECT tag_id, bucket, count(*) FILTER (WHERE x < xp) AS drops, ${exactSum(dec('xp'), 'xp', 'abs(xp)', 'x < xp')} AS drop_prev
           FROM d GROUP BY tag_id, bucket),
    ba AS (SELECT tag_id, bucket, count(*) AS bad FROM s WHERE quality = 2 GROUP BY tag_id, bucket)
    SELECT coalesce(ga.tag_id, ba.tag_id) AS tag_id, coalesce(ga.bucket, ba.bucket) // ${ms} AS b, coalesce(ga.count, 0), coalesce(ba.bad, 0),
      CASE WHEN ga.n IS DISTINCT FROM ga.count THEN coalesce(ga.n, 0) END,
      ga.sum, ga.mn.x, (ga.mn.t - ga.bucket) / 1000, ga.mn.q, ga.mn.b, ga.mx.x, (ga.mx.t - ga.bucket) / 1000, ga.mx.q, ga.mx.b,
      (ga.f.t - ga.bucket) / 1000, ga.f.q, ga.f.n, ga.f.s, ga.f.b, (ga.l.t - ga.bucket) / 1000, ga.l.q, ga.l.n, ga.l.s, ga.l.b,
      -- The first and last numeric value only where they differ from the first and last value (strings before or after).
      CASE WHEN ga.fx IS DISTINCT FROM coalesce(ga.f.n, ga.f.b::DOUBLE) THEN ga.fx END,
      CASE WHEN ga.lx IS DISTINCT FROM coalesce(ga.l.n, ga.l.b::DOUBLE) THEN ga.lx END,
      coalesce(ga.area_lin, 0), coalesce(ga.area_step, 0),
      -- The covered time is the first to the last sample unless strings interrupt it (or only bad samples came).
      CASE WHEN coalesce(ga.covered, 0) IS DISTINCT FROM ga.l.t - ga.f.t THEN coalesce(ga.covered, 0) END,
      coalesce(da.drops, 0), CASE WHEN da.drops > 0 THEN da.drop_prev END
    FROM ga FULL JOIN ba ON ba.tag_id = ga.tag_id AND ba.bucket = ga.bucket
    LEFT JOIN da ON da.tag_id = ga.tag_id AND da.bucket = ga.bucket
    ORDER BY 1, 2`;
}

/**
 * Queued late samples up to flush `seq`, one time range per tag: a backfill flushing every second
 * queues a range per flush, and joining samples against millions of ranges would take hours. The
 * merged range may also cover buckets that were not late; summarising those again costs a little
 * time and changes nothing.
 */
export function dirtyRangesSql(seq: number): string {
  return `(SELECT tag_id, min(lo) AS lo, max(hi) AS hi FROM rollup_dirty WHERE seq <= ${Math.trunc(seq)} GROUP BY tag_id)`;
}

/** The (tag_id, bucket) pairs within [$1, $2) holding samples that queued late samples up to flush `seq` make stale. */
export function dirtyBucketsSql(ms: number, seq: number): string {
  return `(SELECT DISTINCT s.tag_id, ${floorSql(ms, 's.ts')} AS bucket
    FROM samples_in($1, $2) s JOIN ${dirtyRangesSql(seq)} d ON d.tag_id = s.tag_id AND s.ts >= d.lo AND s.ts <= d.hi)`;
}

/**
 * Summarise one window [lo, hi) of buckets in one transaction, replacing what is there: everything
 * (a new range), or only the queued buckets up to flush `dirtySeq`. Also moves the watermark when given.
 */
export async function rollupWindow(conn: DuckDBConnection, r: { name: string; ms: number }, lo: number, hi: number, opts: { dirtySeq?: number; until?: number }): Promise<number> {
  const range = [BigInt(lo), BigInt(hi)];
  const types = [BIGINT, BIGINT];
  await conn.run('BEGIN TRANSACTION');
  try {
    const only = opts.dirtySeq === undefined ? '' : ` AND (tag_id, b) IN (SELECT tag_id, bucket // ${r.ms} FROM ${dirtyBucketsSql(r.ms, opts.dirtySeq)})`;
    await conn.run(`DELETE FROM rollup_${r.name} WHERE b >= $1 // ${r.ms} AND b < $2 // ${r.ms}${only}`, range, types);
    const res = await conn.run(rollupInsertSql(r.name, r.ms, opts.dirtySeq === undefined ? undefined : dirtyBucketsSql(r.ms, opts.dirtySeq)), range, types);
    if (opts.until !== undefined) await setMeta(conn, `rollup_${r.name}_until`, opts.until);
    await conn.run('COMMIT');
    return Number(res.rowsChanged);
  } catch (e) {
    await conn.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

export async function setMeta(conn: DuckDBConnection, key: string, value: number): Promise<void> {
  await conn.run(`INSERT OR REPLACE INTO meta VALUES ($1, $2)`, [key, String(value)]);
}

async function days(conn: DuckDBConnection, sql: string, a: number, b: number): Promise<number[]> {
  const rows = (await conn.runAndReadAll(sql, [BigInt(a), BigInt(b)], [BIGINT, BIGINT])).getRows();
  return rows.map(([d]) => Number(d as bigint));
}

async function scalarNumber(conn: DuckDBConnection, sql: string, params: unknown[] = [], types: unknown[] = []): Promise<number | undefined> {
  const v = (await conn.runAndReadAll(sql, params as never, types as never)).getRows()[0]?.[0];
  return v === null || v === undefined ? undefined : Number(v as bigint | string);
}

/** The rollup run's SQL (see ../rollup/job.ts); `exclusive` runs each step as writer work. */
export function duckRollupBackend(conn: DuckDBConnection, exclusive: <T>(work: () => Promise<T>) => Promise<T>): RollupBackend {
  return {
    oldestSample: () => exclusive(() => scalarNumber(conn, 'SELECT min(ts) FROM samples')),
    daysWithSamples: (lo, hi) => exclusive(() => days(conn, `SELECT DISTINCT ${floorSql(DAY_MS, 'ts')} FROM samples_in($1, $2) ORDER BY 1`, lo, hi)),
    dirtyDays: (seq, before) => exclusive(async () => {
      const row = (await conn.runAndReadAll('SELECT min(lo), max(hi) FROM rollup_dirty WHERE seq <= $1', [BigInt(seq)], [BIGINT])).getRows()[0];
      if (row === undefined || row[0] === null) return [];
      const hi = Math.min(before, Number(row[1]) + 1);
      return days(conn, `SELECT DISTINCT ${floorSql(DAY_MS, 's.ts')} AS day FROM samples_in($1, $2) s
        JOIN ${dirtyRangesSql(seq)} d ON d.tag_id = s.tag_id AND s.ts >= d.lo AND s.ts <= d.hi ORDER BY 1`, Number(row[0]), hi);
    }),
    setUntil: (r, until) => exclusive(() => setMeta(conn, `rollup_${r.name}_until`, until)),
    window: (r, lo, hi, opts) => exclusive(() => rollupWindow(conn, r, lo, hi, opts)),
    expire: (r, before) => exclusive(async () => {
      const res = await conn.run(`DELETE FROM rollup_${r.name} WHERE b < $1 // ${r.ms}`, [BigInt(before)], [BIGINT]);
      await setMeta(conn, `rollup_${r.name}_from`, before);
      return Number(res.rowsChanged);
    }),
    clearDirty: (seq) => exclusive(async () => void (await conn.run('DELETE FROM rollup_dirty WHERE seq <= $1', [BigInt(seq)], [BIGINT]))),
  };
}

/** What a read beside a rollup needs first (RollupSnapshot), the flush its snapshot holds and the paths of its tags. */
export interface RollupReadState {
  until?: number;
  from?: number;
  dirtyLo?: number;
  flushSeq: number;
  paths: Map<number, string>;
}

/**
 * The watermark, coverage start and first queued late sample of a rollup for `tagIds`, the
 * flush number and the tags' paths, inside the read's snapshot. One query, not five: a chart
 * asks this on every read, and each round trip to DuckDB costs a millisecond or more on a busy
 * machine.
 */
export async function rollupState(conn: DuckDBConnection, name: string, tagIds: readonly number[]): Promise<RollupReadState> {
  const [seq, until, from, dirtyLo, paths] = (await conn.runAndReadAll(
    `SELECT (SELECT value FROM meta WHERE key = 'flush_seq'), (SELECT value FROM meta WHERE key = $1), (SELECT value FROM meta WHERE key = $2),
            (SELECT min(lo) FROM rollup_dirty WHERE tag_id IN (SELECT unnest($3))),
            (SELECT list({'id': id, 'path': path}) FROM tags WHERE id IN (SELECT unnest($3)))`,
    [`rollup_${name}_until`, `rollup_${name}_from`, listValue([...tagIds])], [VARCHAR, VARCHAR, LIST(INTEGER)],
  )).getRowsJS()[0]!;
  const out: RollupReadState = {
    flushSeq: Number(seq as string),
    paths: new Map(((paths ?? []) as { id: number; path: string }[]).map((t) => [t.id, t.path])),
  };
  if (until !== null && until !== undefined) out.until = Number(until as string);
  if (from !== null && from !== undefined) out.from = Number(from as string);
  if (dirtyLo !== null && dirtyLo !== undefined) out.dirtyLo = Number(dirtyLo as bigint);
  return out;
}

/** The rollup rows of `tagIds` (whose paths are `paths`) with from <= bucket < until, by tag then bucket; only the columns of `fields`. */
export async function readRollupRows(
  conn: DuckDBConnection, name: string, tagIds: readonly number[], paths: ReadonlyMap<number, string>, from: number, until: number, fields: RollupFieldSet | undefined,
): Promise<RollupBuckets> {
  if (from >= until) return NO_BUCKETS;
  const wanted = ROLLUP_FIELD_COLUMNS[fields ?? 'all'];
  const cols = ['bucket', 'count', 'bad', ...wanted.filter((c) => c !== 'first_s' && c !== 'last_s')];
  const p = new Params();
  // One tag (a chart, a query of one path) compares with `=`, which DuckDB pushes into the scan.
  const which = tagIds.length === 1 ? `= ${p.add(tagIds[0]!, INTEGER)}` : `IN (SELECT unnest(${p.add(listValue([...tagIds]), LIST(INTEGER))}))`;
  const scope = `rollup_${name}_in(${p.add(BigInt(from), BIGINT)}, ${p.add(BigInt(until), BIGINT)}) r WHERE r.tag_id ${which}`;
  // The bucket number (start / size) as INTEGER: a small integer in JavaScript, where epoch ms would
  // be a BigInt or a boxed double per row. Tag ids, not paths: a path repeated on every row costs
  // more to decode than the rest of the row.
  const strings = wanted.includes('first_s');
  // Strings as first or last value are rare: a flag says which rows have one, read apart below.
  const select = [...cols.map((c) => (c === 'bucket' ? 'r.b::INTEGER' : `r.${c}`)), ...(strings ? ['r.first_s IS NOT NULL OR r.last_s IS NOT NULL'] : [])].join(', ');
  // Columns as typed arrays (numeric-columns.ts): a month of minutes is tens of thousands of rows.
  // The rows come in the order they were written, which is by tag and bucket but for buckets
  // summarised again: sortedBy() checks, and sorts only then (an ORDER BY always sorts).
  const values = sortedBy(readNumericColumns(await conn.run(`SELECT r.tag_id, ${select} FROM ${scope}`, p.values, p.types)), 0, 1);
  const columns = new Map<string, readonly unknown[] | NumColumn>(cols.map((c, i) => [c, values[i + 1]!]));
  const ids = values[0]!.values;
  columns.set('path', pathColumn(ids, paths));
  if (strings && values[cols.length + 1]!.values.includes(1)) {
    const strings = (await conn.runAndReadAll(
      `SELECT r.tag_id, r.b::INTEGER, r.first_s, r.last_s FROM ${scope} AND (r.first_s IS NOT NULL OR r.last_s IS NOT NULL)`, p.values, p.types,
    )).getRows();
    if (strings.length > 0) addStrings(columns, ids, values[1]!.values, strings);
  }
  return new ColumnBuckets(columns, ROLLUPS.find((x) => x.name === name)!.ms);
}

/** The path of each row's tag id; rows come grouped by tag, so the map is asked once a run. */
function pathColumn(ids: Float64Array, paths: ReadonlyMap<number, string>): (string | undefined)[] {
  const out = new Array<string | undefined>(ids.length);
  let id = NaN;
  let path: string | undefined;
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] !== id) {
      id = ids[i]!;
      path = paths.get(id);
    }
    out[i] = path;
  }
  return out;
}

/** Fill first_s and last_s columns from the (tag_id, bucket, first_s, last_s) rows that have strings. */
function addStrings(columns: Map<string, readonly unknown[] | NumColumn>, ids: Float64Array, bucket: Float64Array, strings: readonly unknown[][]): void {
  const at = new Map(strings.map(([id, b, f, l]) => [`${String(id)} ${String(b)}`, [f, l] as const]));
  const first = Array.from(ids, (id, i) => at.get(`${id} ${bucket[i]}`)?.[0] ?? null);
  const last = Array.from(ids, (id, i) => at.get(`${id} ${bucket[i]}`)?.[1] ?? null);
  columns.set('first_s', first);
  columns.set('last_s', last);
}

/** Look-back (and look-ahead) windows for the rollup's edge samples, widest last. */
const EDGE_WINDOWS_MS = [86_400_000, 32 * 86_400_000, 400 * 86_400_000, Infinity];

/**
 * Per tag, the last summarised sample before `at` (`before`) or the first in [at, until)
 * (`after`), searching widening windows next to `at`.
 */
export async function readRollupEdges(conn: DuckDBConnection, name: string, tagIds: readonly number[], side: 'before' | 'after', at: number, until: number): Promise<StoredSample[]> {
  const out: StoredSample[] = [];
  let missing = [...tagIds];
  for (const w of EDGE_WINDOWS_MS) {
    if (missing.length === 0) break;
    const lo = side === 'before' ? (Number.isFinite(w) ? at - w : Number.MIN_SAFE_INTEGER) : at;
    const hi = side === 'before' ? at : Math.min(until, Number.isFinite(w) ? at + w : until);
    if (lo >= hi) break;
    const e = side === 'before' ? "arg_max({'ts': bucket + last_off, 'q': last_q, 'n': last_n, 's': last_s, 'b': last_b}, bucket)" : "arg_min({'ts': bucket + first_off, 'q': first_q, 'n': first_n, 's': first_s, 'b': first_b}, bucket)";
    const reader = await conn.runAndReadAll(
      `SELECT x.tag_id, t.path, x.e.ts, x.e.q, x.e.n, x.e.s, x.e.b FROM (
         SELECT tag_id, ${e} AS e FROM rollup_${name}_in($2, $3) WHERE tag_id IN (SELECT unnest($1)) AND count > 0 GROUP BY tag_id) x
       JOIN tags t ON t.id = x.tag_id`,
      [listValue(missing), BigInt(lo), BigInt(hi)], [LIST(INTEGER), BIGINT, BIGINT],
    );
    const found = new Set<number>();
    for (const [id, ...rest] of reader.getRows()) {
      found.add(id as number);
      out.push(toSample(rest));
    }
    missing = missing.filter((id) => !found.has(id));
  }
  return out;
}
