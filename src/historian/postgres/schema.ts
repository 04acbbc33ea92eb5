/**
 * The PostgreSQL layout of the historian, in one schema: tags dictionary, samples partitioned by
 * time range, one (tag_id, ts) index. Pure: statements and partition arithmetic, no I/O. See
 * README.md in this folder for the reasons.
 */
import { ROLLUPS } from '../rollup/sizes.js';
import { escapeIdentifier } from 'pg';

/** Bump with a migration when the layout changes; a schema from a newer hub is refused. */
export const SCHEMA_VERSION = 2;

export type PartitionSize = 'day' | 'week';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05T00:00Z, a Monday: weekly partitions start on Mondays (UTC). */
const MONDAY_MS = 4 * DAY_MS;

/** The columns of a rollup table; the same as DuckDB's (../duckdb/schema.ts explains them). */
const ROLLUP_COLUMNS = `(
  tag_id integer NOT NULL, bucket bigint NOT NULL, count integer NOT NULL, bad integer NOT NULL, n integer NOT NULL,
  sum double precision,
  min_x double precision, min_off integer, min_q smallint, min_bool boolean,
  max_x double precision, max_off integer, max_q smallint, max_bool boolean,
  first_off integer, first_q smallint, first_n double precision, first_s text, first_b boolean,
  last_off integer, last_q smallint, last_n double precision, last_s text, last_b boolean,
  first_x double precision, last_x double precision, area_lin double precision, area_step double precision, covered integer,
  drops integer, drop_prev double precision,
  PRIMARY KEY (tag_id, bucket))`;

/** A valid schema name: lower-case letters, digits and "_", starting with a letter or "_". */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** `"schema".name`, quoted. */
export function qualified(schema: string, name: string): string {
  return `${escapeIdentifier(schema)}.${escapeIdentifier(name)}`;
}

/** Statements that create the layout when missing; run in one transaction on every open. */
export function schemaDdl(schema: string, partition: PartitionSize): string[] {
  const q = (name: string) => qualified(schema, name);
  return [
    `CREATE SCHEMA IF NOT EXISTS ${escapeIdentifier(schema)}`,
    `CREATE TABLE IF NOT EXISTS ${q('meta')} (key text PRIMARY KEY, value text NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${q('tags')} (
       id integer PRIMARY KEY, path text NOT NULL UNIQUE, value_type text NOT NULL, created_at timestamptz NOT NULL)`,
    // Epoch ms like the DuckDB backend; partitions are ranges of it. Exactly one v_* is set per row.
    `CREATE TABLE IF NOT EXISTS ${q('samples')} (
       tag_id integer NOT NULL, ts bigint NOT NULL, quality smallint NOT NULL,
       v_num double precision, v_str text, v_bool boolean) PARTITION BY RANGE (ts)`,
    // A partitioned index: every partition gets its own (tag_id, ts) B-tree.
    `CREATE INDEX IF NOT EXISTS samples_tag_ts ON ${q('samples')} (tag_id, ts)`,
    `CREATE OR REPLACE VIEW ${q('history')} AS
       SELECT t.path, to_timestamp(s.ts / 1000.0) AS time, s.ts,
              CASE s.quality WHEN 0 THEN 'good' WHEN 1 THEN 'uncertain' ELSE 'bad' END AS quality,
              s.v_num, s.v_str, s.v_bool
       FROM ${q('samples')} s JOIN ${q('tags')} t ON t.id = s.tag_id`,
    ...ROLLUPS.map((r) => `CREATE TABLE IF NOT EXISTS ${q(`rollup_${r.name}`)} ${ROLLUP_COLUMNS}`),
    // Per flush and tag, the time range of samples that arrived for a time a rollup already covers.
    `CREATE TABLE IF NOT EXISTS ${q('rollup_dirty')} (tag_id integer NOT NULL, lo bigint NOT NULL, hi bigint NOT NULL, seq bigint NOT NULL)`,
    `INSERT INTO ${q('meta')} VALUES ('schema_version', '${SCHEMA_VERSION}'), ('flush_seq', '0'), ('partition', '${partition}')
       ON CONFLICT (key) DO NOTHING`,
    // Layout 1 to 2 only adds the tables above.
    `UPDATE ${q('meta')} SET value = '2' WHERE key = 'schema_version' AND value = '1'`,
  ];
}

/** The start of the partition holding `ts`: UTC midnight, or Monday UTC midnight. */
export function partitionStart(ts: number, size: PartitionSize): number {
  if (size === 'day') return Math.floor(ts / DAY_MS) * DAY_MS;
  return Math.floor((ts - MONDAY_MS) / WEEK_MS) * WEEK_MS + MONDAY_MS;
}

/** The length of a partition. */
export function partitionLength(size: PartitionSize): number {
  return size === 'day' ? DAY_MS : WEEK_MS;
}

/** The table name of the partition starting at `start`: samples_20260308 (its first UTC day). */
export function partitionName(start: number): string {
  const d = new Date(start);
  const year = d.getUTCFullYear();
  if (!Number.isFinite(year) || year < 1000 || year > 9999) return `samples_t${start < 0 ? 'm' : ''}${Math.abs(start)}`;
  return `samples_${d.toISOString().slice(0, 10).replaceAll('-', '')}`;
}

/** The statement that creates the partition starting at `start` (bounds are integers we computed). */
export function partitionDdl(schema: string, start: number, size: PartitionSize): string {
  const end = start + partitionLength(size);
  return `CREATE TABLE IF NOT EXISTS ${qualified(schema, partitionName(start))} PARTITION OF ${qualified(schema, 'samples')}
    FOR VALUES FROM (${String(start)}) TO (${String(end)})`;
}

/** The distinct partition starts that rows with these times fall in, ascending. */
export function partitionsFor(times: Iterable<number>, size: PartitionSize): number[] {
  const starts = new Set<number>();
  for (const t of times) starts.add(partitionStart(t, size));
  return [...starts].sort((a, b) => a - b);
}
