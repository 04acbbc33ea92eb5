/**
 * The DuckDB reads, each run inside the caller's read transaction: raw samples in time order
 * (with a resume cursor), the sample next to an instant per tag, and value statistics per
 * bucket. Every value from outside is a bound parameter.
 */
import { BIGINT, INTEGER, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { decodeValue, qualityOf } from '../shared/encoding.js';
import type { QualityCode } from '../shared/encoding.js';
import type { EdgeRead } from '../shared/store.js';
import type { BucketStats, RawCursor, StoredSample } from '../types.js';

const COLUMNS = 't.path, s.ts, s.quality, s.v_num, s.v_str, s.v_bool';

/** Bound parameters, numbered as they are added. */
export class Params {
  readonly values: DuckDBValue[] = [];
  readonly types: DuckDBType[] = [];
  add(value: DuckDBValue, type: DuckDBType): string {
    this.values.push(value);
    this.types.push(type);
    return `$${this.values.length}`;
  }
}

export function toSample([p, ts, q, n, s, b]: unknown[]): StoredSample {
  return {
    path: p as string,
    ts: Number(ts as bigint),
    value: decodeValue(n as number | null, s as string | null, b as boolean | null),
    quality: qualityOf(q as QualityCode),
  };
}

/** Samples of `tagIds` with from <= ts < to, after the cursor, by ts then path, at most `limit`. */
export async function readRawRows(
  conn: DuckDBConnection, tagIds: readonly number[], from: number, to: number, limit: number, after?: RawCursor,
): Promise<StoredSample[]> {
  const p = new Params();
  const ids = p.add(listValue([...tagIds]), LIST(INTEGER));
  const range = `${p.add(BigInt(from), BIGINT)}, ${p.add(BigInt(to), BIGINT)}`;
  let where = `s.tag_id IN (SELECT unnest(${ids}))`;
  if (after !== undefined) {
    // Paths compare byte-wise in DuckDB: the order of code points, as JavaScript's for these paths.
    const ts = p.add(BigInt(after.ts), BIGINT);
    where += ` AND s.ts >= ${ts} AND (s.ts > ${ts} OR t.path > ${p.add(after.path, VARCHAR)})`;
  }
  let sql = `SELECT ${COLUMNS} FROM samples_in(${range}) s JOIN tags t ON t.id = s.tag_id WHERE ${where} ORDER BY s.ts, t.path`;
  if (Number.isFinite(limit)) sql += ` LIMIT ${p.add(BigInt(limit), BIGINT)}`;
  const reader = await conn.runAndReadAll(sql, p.values, p.types);
  return reader.getRows().map(toSample);
}

/** Look-back (or look-ahead) windows tried in turn, so a recent edge never scans the whole history. */
const WINDOWS_MS = [3_600_000, 86_400_000, 32 * 86_400_000, 400 * 86_400_000, Infinity];

/**
 * Per tag, the newest sample before `at` or the oldest at or after it. Searches widening windows
 * next to `at` (the zone maps prune the rest of the file) until every tag has one or the whole
 * history was searched.
 */
export async function readEdgeRows(conn: DuckDBConnection, tagIds: readonly number[], edge: EdgeRead): Promise<StoredSample[]> {
  const out: StoredSample[] = [];
  let missing = [...tagIds];
  for (const w of WINDOWS_MS) {
    if (missing.length === 0) break;
    const found = await readEdgeWindow(conn, missing, edge, w);
    out.push(...found.rows);
    missing = missing.filter((id) => !found.ids.has(id));
  }
  return out;
}

async function readEdgeWindow(conn: DuckDBConnection, tagIds: readonly number[], edge: EdgeRead, window: number): Promise<{ rows: StoredSample[]; ids: Set<number> }> {
  const p = new Params();
  const ids = p.add(listValue([...tagIds]), LIST(INTEGER));
  const before = edge.side === 'before';
  const far = before ? Math.max(Number.MIN_SAFE_INTEGER, edge.at - window) : Math.min(Number.MAX_SAFE_INTEGER, edge.at + window);
  const [lo, hi] = before ? [far, edge.at] : [edge.at, far];
  const range = `${p.add(BigInt(lo), BIGINT)}, ${p.add(BigInt(hi), BIGINT)}`;
  let where = `tag_id IN (SELECT unnest(${ids}))`;
  if (edge.excludeBad) where += ' AND quality <> 2';
  const pick = before ? 'arg_max' : 'arg_min';
  const sql = `SELECT x.tag_id, t.path, x.e.ts, x.e.q, x.e.n, x.e.s, x.e.b
    FROM (SELECT tag_id, ${pick}({'ts': ts, 'q': quality, 'n': v_num, 's': v_str, 'b': v_bool}, ts) AS e
          FROM samples_in(${range}) WHERE ${where} GROUP BY tag_id) x
    JOIN tags t ON t.id = x.tag_id`;
  const reader = await conn.runAndReadAll(sql, p.values, p.types);
  const found = new Set<number>();
  const rows = reader.getRows().map(([id, ...rest]) => {
    found.add(id as number);
    return toSample(rest);
  });
  return { rows, ids: found };
}

/**
 * Value statistics per tag and bucket: each sample joins the bucket whose start is the latest at
 * or before its time (an ASOF join on the edges). Bad samples count only in `bad`.
 */
export async function readStatsRows(conn: DuckDBConnection, tagIds: readonly number[], edges: readonly number[]): Promise<BucketStats[]> {
  const p = new Params();
  const e = p.add(listValue(edges.map((x) => BigInt(x))), LIST(BIGINT));
  const ids = p.add(listValue([...tagIds]), LIST(INTEGER));
  const from = p.add(BigInt(edges[0]!), BIGINT);
  const to = p.add(BigInt(edges[edges.length - 1]!), BIGINT);
  const ok = 'FILTER (WHERE s.quality <> 2)';
  const sql = `WITH b AS (SELECT unnest(${e}) AS start, generate_subscripts(${e}, 1) - 1 AS idx),
    s AS (SELECT tag_id, ts, quality, v_num, v_str, v_bool, coalesce(v_num, v_bool::DOUBLE) AS x
          FROM samples_in(${from}, ${to}) WHERE tag_id IN (SELECT unnest(${ids})))
    SELECT t.path, b.idx, count(*) ${ok}, count(*) FILTER (WHERE s.quality = 2), count(s.x) ${ok},
      sum(s.x) ${ok}, min(s.x) ${ok}, max(s.x) ${ok}, avg(s.x) ${ok}, var_pop(s.x) ${ok},
      arg_min({'n': s.v_num, 's': s.v_str, 'b': s.v_bool}, s.ts) ${ok}, min(s.ts) ${ok},
      arg_max({'n': s.v_num, 's': s.v_str, 'b': s.v_bool}, s.ts) ${ok}, max(s.ts) ${ok}
    FROM s ASOF JOIN b ON s.ts >= b.start JOIN tags t ON t.id = s.tag_id
    GROUP BY t.path, b.idx`;
  const reader = await conn.runAndReadAll(sql, p.values, p.types);
  return reader.getRowsJS().map((r) => statsOf(r));
}

type Cell = { n: number | null; s: string | null; b: boolean | null } | null;

function statsOf([path, idx, count, bad, n, sum, min, max, mean, varPop, first, firstTs, last, lastTs]: unknown[]): BucketStats {
  const num = Number(n);
  const cell = (c: unknown) => (c === null ? undefined : decodeValue((c as NonNullable<Cell>).n, (c as NonNullable<Cell>).s, (c as NonNullable<Cell>).b));
  return {
    path: path as string,
    bucket: Number(idx),
    count: Number(count),
    bad: Number(bad),
    n: num,
    sum: num > 0 ? Number(sum) : 0,
    min: num > 0 ? Number(min) : Infinity,
    max: num > 0 ? Number(max) : -Infinity,
    mean: num > 0 ? Number(mean) : 0,
    m2: num > 0 ? Number(varPop) * num : 0,
    first: cell(first),
    firstTs: firstTs === null ? Infinity : Number(firstTs),
    last: cell(last),
    lastTs: lastTs === null ? -Infinity : Number(lastTs),
  };
}
