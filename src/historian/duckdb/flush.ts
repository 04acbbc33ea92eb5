/**
 * One flush in DuckDB: new tags, the rows through the Appender (yielding to the event loop every
 * 8192 rows) and the flush number, in one transaction. On failure nothing is kept.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { BIGINT, INTEGER, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { Row } from '../shared/encoding.js';
import type { TagRow } from '../shared/store.js';

/** Rows appended between two yields to the event loop, so a large flush never stalls the hub. */
const APPEND_SLICE = 8192;

/** What one flush writes. `dirty`: per tag, the [lo, hi] time range of rows a rollup already covers. */
export interface FlushWrite {
  rows: readonly Row[];
  newTags: readonly TagRow[];
  seq: number;
  createdAt: number;
  /** Ingest-log mark of the newest batch in the flush, recorded with it. */
  mark?: number | undefined;
  dirty: readonly (readonly [number, number, number])[];
}

/** Write one flush in one transaction; resolves once DuckDB has committed it (and written its log). */
export async function writeFlushTx(conn: DuckDBConnection, w: FlushWrite): Promise<void> {
  await conn.run('BEGIN TRANSACTION');
  try {
    if (w.newTags.length > 0) {
      // OR IGNORE: a commit that failed after reaching the disk must not block every retry.
      await conn.run(
        `INSERT OR IGNORE INTO tags (id, path, value_type, created_at)
         SELECT unnest($1::INTEGER[]), unnest($2::VARCHAR[]), unnest($3::VARCHAR[]), epoch_ms($4::BIGINT)`,
        [listValue(w.newTags.map((t) => t.id)), listValue(w.newTags.map((t) => t.path)), listValue(w.newTags.map((t) => t.valueType)), BigInt(w.createdAt)],
        [LIST(INTEGER), LIST(VARCHAR), LIST(VARCHAR), BIGINT],
      );
    }
    await appendRows(conn, w.rows);
    if (w.dirty.length > 0) {
      await conn.run(
        'INSERT INTO rollup_dirty SELECT unnest($1::INTEGER[]), unnest($2::BIGINT[]), unnest($3::BIGINT[]), $4',
        [listValue(w.dirty.map(([id]) => id)), listValue(w.dirty.map(([, lo]) => BigInt(lo))), listValue(w.dirty.map(([, , hi]) => BigInt(hi))), BigInt(w.seq)],
        [LIST(INTEGER), LIST(BIGINT), LIST(BIGINT), BIGINT],
      );
    }
    await conn.run(`UPDATE meta SET value = $1 WHERE key = 'flush_seq'`, [String(w.seq)], [VARCHAR]);
    if (w.mark !== undefined) await conn.run(`INSERT OR REPLACE INTO meta VALUES ('ingest_mark', $1)`, [String(w.mark)], [VARCHAR]);
    await conn.run('COMMIT');
  } catch (e) {
    await conn.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

async function appendRows(conn: DuckDBConnection, rows: readonly Row[]): Promise<void> {
  const appender = await conn.createAppender('samples_recent');
  try {
    for (let i = 0; i < rows.length; i += APPEND_SLICE) {
      if (i > 0) await yieldToLoop();
      const end = Math.min(rows.length, i + APPEND_SLICE);
      for (let j = i; j < end; j++) appendRow(appender, rows[j]!);
    }
  } finally {
    appender.closeSync(); // flushes into the open transaction
  }
}

function appendRow(a: DuckDBAppender, r: Row): void {
  a.appendInteger(r.tagId);
  a.appendBigInt(BigInt(r.ts));
  a.appendUTinyInt(r.quality);
  const v = r.value;
  if (typeof v === 'number') {
    a.appendDouble(v);
    a.appendNull();
    a.appendNull();
  } else if (typeof v === 'string') {
    a.appendNull();
    a.appendVarchar(v);
    a.appendNull();
  } else {
    a.appendNull();
    a.appendNull();
    a.appendBoolean(v);
  }
  a.endRow();
}
