/**
 * Giving free space back: DuckDB reuses the blocks that deleted rows leave (compaction, retention)
 * for later writes, but never moves data, so the file shrinks only when its last blocks are free.
 * After a bulk load the file can be half empty; close() then copies the database into a fresh
 * file (DuckDB's COPY FROM DATABASE, the documented way) and puts it in place of the old one.
 */
import fs from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';

/** Rewrite only when at least this share of the file is free… */
export const RECLAIM_FREE_SHARE = 0.1;
/** …and at least this much (a few blocks are always free), … */
export const RECLAIM_MIN_BYTES = 8 * 1024 * 1024;
/** …and the file is at most this big, so close() stays quick (a second or two per 100 MB). */
export const RECLAIM_MAX_BYTES = 2 * 1024 * 1024 * 1024;

/** The file the copy goes to before it replaces the database. */
export function reclaimFile(file: string): string {
  return `${file}.reclaim`;
}

/** Remove what an interrupted rewrite left behind (the database itself is untouched until the rename). */
export function removeReclaimLeftovers(file: string): void {
  for (const f of [reclaimFile(file), `${reclaimFile(file)}.wal`]) fs.rmSync(f, { force: true });
}

/** True when the checkpointed database is worth rewriting (see the thresholds above). */
export async function worthReclaiming(conn: DuckDBConnection): Promise<boolean> {
  const row = (await conn.runAndReadAll('SELECT block_size, total_blocks, free_blocks FROM pragma_database_size() WHERE database_name = current_database()')).getRows()[0];
  if (row === undefined) return false;
  const [blockSize, total, free] = row.map((v) => Number(v as bigint));
  const freeBytes = free! * blockSize!;
  return freeBytes >= RECLAIM_MIN_BYTES && free! >= total! * RECLAIM_FREE_SHARE && total! * blockSize! <= RECLAIM_MAX_BYTES;
}

/** Copy the database into reclaimFile(file); the caller closes it, then calls replaceWithCopy(). */
export async function copyDatabase(conn: DuckDBConnection, file: string): Promise<void> {
  removeReclaimLeftovers(file);
  const name = (await conn.runAndReadAll('SELECT current_database()')).getRows()[0]![0] as string;
  await conn.run(`ATTACH '${reclaimFile(file).replaceAll("'", "''")}' AS causeway_reclaim`);
  try {
    await conn.run(`COPY FROM DATABASE "${name.replaceAll('"', '""')}" TO causeway_reclaim`);
  } finally {
    await conn.run('DETACH causeway_reclaim');
  }
}

/** Put the copy in place of the database (an atomic rename); the old file is gone after it. */
export function replaceWithCopy(file: string): void {
  fs.renameSync(reclaimFile(file), file);
  fs.rmSync(`${file}.wal`, { force: true });
}
