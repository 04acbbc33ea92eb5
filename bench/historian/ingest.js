/**
 * Ingest rate: the historian's own write path (write() in batches, then flush()) against the raw
 * engine path on the same rows and the same table shape — the DuckDB appender, PostgreSQL binary
 * COPY. Each side runs `runs` times on a fresh database; the best run counts. The raw paths get
 * every row at once, already sorted by tag and time as the historian appends them (one appender,
 * one COPY): the engine's ceiling on these rows, which the historian's batches are held to.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { DuckDbHistorian } from '../../dist/historian/duckdb/index.js';
import { PostgresHistorian } from '../../dist/historian/postgres/index.js';
import { COPY_COLUMNS, COPY_HEADER, COPY_TRAILER, encodeRows } from '../../dist/historian/postgres/copy-binary.js';
import { copyIn } from '../../dist/historian/postgres/copy-in.js';
import { partitionDdl, partitionsFor, qualified, schemaDdl } from '../../dist/historian/postgres/schema.js';
import { progress } from './report.js';

/** Write every batch into `h` (opened here), then flush and close; seconds from the first write to the flush. */
export async function throughHistorian(h, batches, label) {
  await h.open();
  const t0 = performance.now();
  let n = 0;
  for (const b of batches) {
    await h.write(b);
    n += b.length;
    progress(`${label}: ${n.toLocaleString('en-US')} rows`);
  }
  await h.flush();
  const seconds = (performance.now() - t0) / 1000;
  await h.close();
  return seconds;
}

/** How to append a sample's part to a column of the samples table, by column name and type. */
function columnWriter(name, type) {
  const part = {
    tag_id: (s, id) => id,
    ts: (s) => s.ts,
    quality: () => 0,
    v_num: (s) => (typeof s.value === 'number' ? s.value : null),
    v_str: (s) => (typeof s.value === 'string' ? s.value : null),
    v_bool: (s) => (typeof s.value === 'boolean' ? s.value : null),
  }[name] ?? (() => null);
  const put = {
    INTEGER: (a, v) => a.appendInteger(v), BIGINT: (a, v) => a.appendBigInt(BigInt(v)), UTINYINT: (a, v) => a.appendUTinyInt(v),
    USMALLINT: (a, v) => a.appendUSmallInt(v), SMALLINT: (a, v) => a.appendSmallInt(v), UINTEGER: (a, v) => a.appendUInteger(v),
    DOUBLE: (a, v) => a.appendDouble(v), FLOAT: (a, v) => a.appendFloat(v), VARCHAR: (a, v) => a.appendVarchar(v), BOOLEAN: (a, v) => a.appendBoolean(v),
  }[type];
  if (!put) throw new Error(`the benchmark does not know how to append column ${name} of type ${type}; teach bench/historian/ingest.js`);
  return (a, s, id) => {
    const v = part(s, id);
    if (v === null) a.appendNull();
    else put(a, v);
  };
}

/**
 * The table flushes append to in a historian file — `samples_recent` where the layout keeps recent
 * and compacted samples apart, else `samples` — with its CREATE statement and columns.
 */
async function samplesShape(file) {
  const instance = await DuckDBInstance.create(file);
  try {
    const conn = await instance.connect();
    const found = (await conn.runAndReadAll(`SELECT table_name, sql FROM duckdb_tables() WHERE table_name IN ('samples_recent', 'samples')
      ORDER BY table_name = 'samples_recent' DESC LIMIT 1`)).getRows();
    if (found.length === 0) throw new Error(`no samples table in ${file}; teach bench/historian/ingest.js the new layout`);
    const [[table, sql]] = found;
    const columns = (await conn.runAndReadAll(`SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = '${table}' ORDER BY column_index`)).getRows();
    conn.closeSync();
    return { table, sql, columns };
  } finally {
    instance.closeSync();
  }
}

/** The same rows through one DuckDB appender into a table of the historian's shape; seconds. */
async function throughAppender(file, shape, batches, label) {
  const instance = await DuckDBInstance.create(file);
  const conn = await instance.connect();
  await conn.run(shape.sql);
  const writers = shape.columns.map(([name, type]) => columnWriter(name, type));
  const { rows, ids } = sortedRows(batches);
  const t0 = performance.now();
  const a = await conn.createAppender(shape.table);
  for (let i = 0; i < rows.length; i++) {
    const s = rows[i];
    const id = ids.get(s.path);
    for (const w of writers) w(a, s, id);
    a.endRow();
    if (i % 100_000 === 0) progress(`${label}: ${i.toLocaleString('en-US')} rows`);
  }
  a.closeSync(); // flushes and commits
  const seconds = (performance.now() - t0) / 1000;
  conn.closeSync();
  instance.closeSync();
  return seconds;
}

/**
 * Every sample in the order the historian appends (by tag, then time), with tag ids by first
 * appearance — prepared before the raw side's clock starts, so it measures the engine alone.
 */
function sortedRows(batches) {
  const ids = new Map();
  const rows = [];
  for (const b of batches) {
    for (const s of b) {
      if (!ids.has(s.path)) ids.set(s.path, ids.size + 1);
      rows.push(s);
    }
  }
  rows.sort((x, y) => ids.get(x.path) - ids.get(y.path) || x.ts - y.ts);
  return { rows, ids };
}

/** Rows per second, historian and raw appender, best of `runs` each. */
export async function duckdbIngest(dir, batches, rows, runs) {
  let best = { historian: Infinity, raw: Infinity };
  let shape;
  for (let r = 0; r < runs; r++) {
    const hf = path.join(dir, `ingest-historian-${r}.duckdb`);
    best.historian = Math.min(best.historian, await throughHistorian(new DuckDbHistorian({ file: hf, flushIntervalMs: 1000 }), batches, `DuckDB historian, run ${r + 1}/${runs}`));
    shape ??= await samplesShape(hf);
    best.raw = Math.min(best.raw, await throughAppender(path.join(dir, `ingest-raw-${r}.duckdb`), shape, batches, `DuckDB appender, run ${r + 1}/${runs}`));
  }
  return { historian: rows / best.historian, raw: rows / best.raw };
}

/**
 * The same rows by binary COPY into a schema of the historian's layout: the partitions they need,
 * then one COPY of every row in one transaction — the fastest plain path. Seconds.
 */
async function throughCopy(conn, schema, batches, label) {
  const c = new pg.Client(conn);
  await c.connect();
  try {
    for (const ddl of schemaDdl(schema, 'day')) await c.query(ddl);
    const sorted = sortedRows(batches);
    const rows = sorted.rows.map((s) => ({ tagId: sorted.ids.get(s.path), path: s.path, ts: s.ts, quality: 0, value: s.value }));
    const t0 = performance.now();
    for (const start of partitionsFor(rows.map((r) => r.ts), 'day')) await c.query(partitionDdl(schema, start, 'day'));
    const chunks = [COPY_HEADER];
    for (let i = 0; i < rows.length; i += 8192) chunks.push(encodeRows(rows.slice(i, i + 8192)));
    chunks.push(COPY_TRAILER);
    progress(`${label}: ${rows.length.toLocaleString('en-US')} rows encoded`, true);
    await c.query('BEGIN');
    await copyIn(c, `COPY ${qualified(schema, 'samples')} ${COPY_COLUMNS} FROM STDIN (FORMAT binary)`, chunks);
    await c.query('COMMIT');
    return (performance.now() - t0) / 1000;
  } finally {
    await c.end();
    await dropSchema(conn, schema);
  }
}

/** Rows per second, PostgreSQL historian and raw binary COPY, best of `runs` each; undefined when PostgreSQL is not reachable. */
export async function postgresIngest(conn, batches, rows, runs) {
  const probe = new pg.Client(conn);
  try {
    await probe.connect();
    await probe.end();
  } catch (e) {
    return { skipped: `no PostgreSQL at ${conn.host}:${conn.port} (${e.message})` };
  }
  const best = { historian: Infinity, raw: Infinity };
  const batchSize = 50_000;
  for (let r = 0; r < runs; r++) {
    const schema = `bench_hist_${process.pid}_${r}`;
    const h = new PostgresHistorian({ ...conn, schema, flushIntervalMs: 1000, batchSize });
    try {
      best.historian = Math.min(best.historian, await throughHistorian(h, batches, `PostgreSQL historian, run ${r + 1}/${runs}`));
    } finally {
      await dropSchema(conn, schema);
    }
    best.raw = Math.min(best.raw, await throughCopy(conn, `bench_raw_${process.pid}_${r}`, batches, `PostgreSQL COPY, run ${r + 1}/${runs}`));
  }
  return { historian: rows / best.historian, raw: rows / best.raw };
}

async function dropSchema(conn, schema) {
  const c = new pg.Client(conn);
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await c.end();
}
