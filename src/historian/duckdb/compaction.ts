/**
 * Compaction: flushes append to `samples_recent` in arrival order (each flush grouped by tag, so
 * a hub flushing every second interleaves every tag every second), which DuckDB compresses
 * poorly. Once a UTC day is closed its rows move to `samples_sorted` ordered by (tag_id, ts): long
 * runs of one tag, regular time deltas, neighbouring values alike. README.md (Layout) has the
 * measurements behind the choice of whole days.
 */
import { BIGINT, INTEGER } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';

export const DAY_MS = 86_400_000;
/** A day is closed this long after it ends: samples arriving late for it still land before it moves. */
export const COMPACT_GRACE_MS = 3_600_000;
/** One INSERT sorts at most about this many rows: a large day moves in ranges of tags. */
export const SORT_ROWS = 4_000_000;
/** Rows of closed days waiting in samples_recent that make a flush ask for compaction at once (bulk loads of history). */
export const EARLY_ROWS = 2_000_000;
/** Rows per tag below which an early compaction waits: shorter runs of a tag compress worse (see README.md). */
export const EARLY_ROWS_PER_TAG = 16_384;

export type { CompactReport } from '../shared/store.js';

/** Rows with ts below this belong to closed days. */
export function compactCutoff(now: number): number {
  const t = now - COMPACT_GRACE_MS;
  return t - (((t % DAY_MS) + DAY_MS) % DAY_MS);
}

/** SQL for the second nearest `ts` (halves round up, also before 1970): sorted storage's ts_s. */
export const SECOND_OF_TS = '((ts + 500 - ((((ts + 500) % 1000) + 1000) % 1000)) // 1000)';

/** SQL for the UTC day start of `ts`, also for times before 1970. */
export const DAY_OF_TS = `ts - ((ts % ${DAY_MS}) + ${DAY_MS}) % ${DAY_MS}`;

/** SQL for the fewest decimal places (0 to 6) that give back `v_num` exactly; NULL for other numbers (and -0, whose sign an integer loses). */
const PLACES = `CASE WHEN abs(v_num) < 1e9 AND NOT (v_num = 0 AND signbit(v_num)) THEN CASE ${[0, 1, 2, 3, 4, 5, 6].map((k) => `WHEN round(v_num * 1e${k}) / 1e${k} = v_num THEN ${k}`).join(' ')} END END`;

/**
 * Rows of one closed day and range of tags ($3, $4) of samples_recent, in sorted storage's form:
 * time as second and ms, numbers with few decimal places as integers with the tag's exponent
 * (the most places any of its numbers that day needs), by tag then time.
 */
function sortedInsertSql(inDay: string): string {
  return `INSERT INTO samples_sorted
    WITH a AS (SELECT *, ${PLACES} AS places FROM samples_recent WHERE ${inDay} AND tag_id >= $3 AND tag_id <= $4),
    b AS (SELECT *, max(places) OVER (PARTITION BY tag_id) AS e FROM a)
    SELECT tag_id, ${SECOND_OF_TS}, ts - ${SECOND_OF_TS} * 1000, quality,
      CASE WHEN places IS NOT NULL THEN round(v_num * (10.0 ^ e))::BIGINT END,
      CASE WHEN places IS NOT NULL THEN e END,
      CASE WHEN places IS NULL THEN v_num END, v_str, v_bool
    FROM b ORDER BY tag_id, ts`;
}

/** Starts of the closed days that still have rows in samples_recent, oldest first. */
export async function closedDays(conn: DuckDBConnection, cutoff: number): Promise<number[]> {
  const reader = await conn.runAndReadAll(
    `SELECT DISTINCT ${DAY_OF_TS} AS day FROM samples_recent WHERE ts < $1 ORDER BY day`, [BigInt(cutoff)], [BIGINT],
  );
  return reader.getRows().map(([d]) => Number(d as bigint));
}

/** Consecutive tag id ranges of (tag id, rows) counts holding at most `maxRows` rows each (or one tag). */
export function tagRanges(counts: readonly (readonly [number, number])[], maxRows = SORT_ROWS): [number, number][] {
  const out: [number, number][] = [];
  let rows = 0;
  for (const [id, n] of counts) {
    const last = out[out.length - 1];
    if (last !== undefined && rows + n <= maxRows) {
      last[1] = id;
      rows += n;
    } else {
      out.push([id, id]);
      rows = n;
    }
  }
  return out;
}

/**
 * Move one closed day from samples_recent to samples_sorted, by (tag_id, ts), in one
 * transaction: readers see it in one table or the other, never both or neither. Returns the rows.
 */
export async function compactDay(conn: DuckDBConnection, day: number): Promise<number> {
  const range = [BigInt(day), BigInt(day + DAY_MS)];
  const inDay = 'ts >= $1 AND ts < $2';
  await conn.run('BEGIN TRANSACTION');
  try {
    const counts = (await conn.runAndReadAll(
      `SELECT tag_id, count(*) FROM samples_recent WHERE ${inDay} GROUP BY tag_id ORDER BY tag_id`, range, [BIGINT, BIGINT],
    )).getRows().map(([id, n]) => [Number(id), Number(n)] as const);
    for (const [lo, hi] of tagRanges(counts)) {
      await conn.run(sortedInsertSql(inDay), [...range, lo, hi], [BIGINT, BIGINT, INTEGER, INTEGER]);
    }
    await conn.run(`DELETE FROM samples_recent WHERE ${inDay}`, range, [BIGINT, BIGINT]);
    await conn.run('COMMIT');
    return counts.reduce((a, [, n]) => a + n, 0);
  } catch (e) {
    await conn.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
