/**
 * The PostgreSQL writer's helpers: the connection that holds the schema's writer lock, the
 * partitions that exist, and the binary COPY data of a flush.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import pg from 'pg';
import type { ClientConfig } from 'pg';
import type { Row } from '../shared/encoding.js';
import { COPY_HEADER, COPY_TRAILER, encodeRows } from './copy-binary.js';

/** Rows encoded per COPY chunk, with a yield to the event loop between chunks. */
const COPY_SLICE = 8192;

/** A writer connection holding the schema's writer lock: one hub writes one schema (tag ids are handed out in memory). */
export async function connectWriter(conn: ClientConfig, schema: string): Promise<pg.Client> {
  const c = new pg.Client({ ...conn, application_name: 'causeway-historian' });
  c.on('error', () => undefined); // until #watch takes over; a failed query reports it
  try {
    await c.connect();
    const lock = await c.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext('causeway-historian:' || $1)) AS ok`, [schema]);
    if (!lock.rows[0]?.ok) throw new Error(`another hub is writing to schema "${schema}" of this database; give each hub its own schema`);
    return c;
  } catch (e) {
    await c.end().catch(() => undefined);
    throw e;
  }
}

/** True for "no partition of relation ... found for row": a partition was dropped behind our back. */
export function isMissingPartition(e: unknown): boolean {
  return (e as { code?: unknown })?.code === '23514' && /no partition/i.test(String((e as Error).message));
}

export async function loadPartitions(c: pg.Client, schema: string): Promise<Set<string>> {
  const res = await c.query<{ relname: string }>(
    `SELECT child.relname FROM pg_inherits i
     JOIN pg_class child ON child.oid = i.inhrelid JOIN pg_class parent ON parent.oid = i.inhparent
     JOIN pg_namespace n ON n.oid = parent.relnamespace
     WHERE n.nspname = $1 AND parent.relname = 'samples'`,
    [schema],
  );
  return new Set(res.rows.map((r) => r.relname));
}

/** The COPY data: header, rows in slices (yielding between them), trailer. */
export async function encodeCopy(rows: readonly Row[]): Promise<Buffer[]> {
  const chunks: Buffer[] = [COPY_HEADER];
  for (let i = 0; i < rows.length; i += COPY_SLICE) {
    if (i > 0) await yieldToLoop();
    chunks.push(encodeRows(rows.slice(i, i + COPY_SLICE)));
  }
  chunks.push(COPY_TRAILER);
  return chunks;
}
