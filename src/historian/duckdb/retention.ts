/**
 * Retention in DuckDB: per group of tags, delete raw samples older than the group's cutoff from
 * both samples tables, in one transaction. Rollups are not touched (they are kept longer on
 * purpose); rollup work queued for the deleted time is dropped, so a later rollup run never
 * recomputes a bucket from what retention left of it.
 */
import { BIGINT, INTEGER, LIST, listValue } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';

/** Queued rollup work is dropped up to this long after a cutoff: the bucket holding the cutoff is cut. */
export const DIRTY_MARGIN_MS = 3_600_000;

/** Delete samples of `tagIds` with ts < cutoff; returns how many. */
export async function deleteExpired(conn: DuckDBConnection, tagIds: readonly number[], cutoff: number): Promise<number> {
  const params = [listValue([...tagIds]), BigInt(cutoff)];
  const types = [LIST(INTEGER), BIGINT];
  const where = 'tag_id IN (SELECT unnest($1)) AND ts < $2';
  await conn.run('BEGIN TRANSACTION');
  try {
    let deleted = 0;
    const sorted = 'tag_id IN (SELECT unnest($1)) AND ts_s <= $2 // 1000 + 1 AND ts_s * 1000 + ts_ms < $2';
    deleted += Number((await conn.run(`DELETE FROM samples_sorted WHERE ${sorted}`, params, types)).rowsChanged);
    deleted += Number((await conn.run(`DELETE FROM samples_recent WHERE ${where}`, params, types)).rowsChanged);
    await conn.run(`DELETE FROM rollup_dirty WHERE tag_id IN (SELECT unnest($1)) AND hi < $2 + ${DIRTY_MARGIN_MS}`, params, types);
    await conn.run(`UPDATE rollup_dirty SET lo = $2 + ${DIRTY_MARGIN_MS} WHERE tag_id IN (SELECT unnest($1)) AND lo < $2 + ${DIRTY_MARGIN_MS}`, params, types);
    await conn.run('COMMIT');
    return deleted;
  } catch (e) {
    await conn.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
