/**
 * Retention in PostgreSQL: partitions whose every sample has expired (their range ends at or
 * before the earliest cutoff of any tag) are dropped whole; then, per group of tags, older
 * samples are deleted row by row from the partitions left (pruned to those before the cutoff).
 * Rollups are not touched; rollup work queued for the deleted time is dropped.
 */
import type pg from 'pg';
import type { RetentionPlan } from '../retention/plan.js';
import type { RetentionReport } from '../shared/store.js';
import { qualified } from './schema.js';

/** Queued rollup work is dropped up to this long after a cutoff: the bucket holding the cutoff is cut. */
const DIRTY_MARGIN_MS = 3_600_000;

interface Partition {
  name: string;
  from: number;
  to: number;
}

/** The samples partitions and their bounds, oldest first. */
export async function partitionBounds(c: pg.Client, schema: string): Promise<Partition[]> {
  const res = await c.query<{ relname: string; bound: string }>(
    `SELECT child.relname, pg_get_expr(child.relpartbound, child.oid) AS bound FROM pg_inherits i
     JOIN pg_class child ON child.oid = i.inhrelid JOIN pg_class parent ON parent.oid = i.inhparent
     JOIN pg_namespace n ON n.oid = parent.relnamespace
     WHERE n.nspname = $1 AND parent.relname = 'samples'`,
    [schema],
  );
  return res.rows.flatMap((r) => {
    const m = /FROM \('?(-?\d+)'?\) TO \('?(-?\d+)'?\)/.exec(r.bound);
    return m ? [{ name: r.relname, from: Number(m[1]), to: Number(m[2]) }] : [];
  }).sort((a, b) => a.from - b.from);
}

/** Drop the wholly expired partitions (each in its own statement), then delete per group. */
export async function applyRetentionPg(c: pg.Client, schema: string, plan: RetentionPlan, forget: (partition: string) => void): Promise<RetentionReport> {
  const dropped: string[] = [];
  for (const p of await partitionBounds(c, schema)) {
    if (p.to > plan.allBefore) continue;
    await c.query(`DROP TABLE IF EXISTS ${qualified(schema, p.name)}`);
    forget(p.name);
    dropped.push(p.name);
  }
  let deleted = 0;
  for (const g of plan.groups) {
    await c.query('BEGIN');
    try {
      const res = await c.query(`DELETE FROM ${qualified(schema, 'samples')} WHERE tag_id = ANY($1::integer[]) AND ts < $2`, [g.tagIds, g.cutoff]);
      await c.query(`DELETE FROM ${qualified(schema, 'rollup_dirty')} WHERE tag_id = ANY($1::integer[]) AND hi < $2`, [g.tagIds, g.cutoff + DIRTY_MARGIN_MS]);
      await c.query(`UPDATE ${qualified(schema, 'rollup_dirty')} SET lo = $2 WHERE tag_id = ANY($1::integer[]) AND lo < $2`, [g.tagIds, g.cutoff + DIRTY_MARGIN_MS]);
      await c.query('COMMIT');
      deleted += res.rowCount ?? 0;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }
  return { deleted, droppedPartitions: dropped };
}
