/** The on-disk layout of the DuckDB historian and its migrations. See README.md in this folder for the reasons. */
import { ROLLUPS } from '../rollup/sizes.js';

/** Bump with a migration when the layout changes; a file from a newer hub is refused, not guessed at. */
export const SCHEMA_VERSION = 2;

/** The number of a sorted row: exactly the double it was (the division is correctly rounded). */
const SORTED_NUMBER = 'coalesce(v_num, v_int / (10.0 ^ v_exp))';

/** The columns of a samples table. */
const SAMPLE_COLUMNS = `(
     tag_id  INTEGER NOT NULL,
     ts      BIGINT NOT NULL,
     quality UTINYINT NOT NULL,
     v_num   DOUBLE,
     v_str   VARCHAR,
     v_bool  BOOLEAN
   )`;

/**
 * The columns of a rollup table: one row per tag and bucket, over its good and uncertain samples:
 * count, numeric n (NULL: all of them), exact sum; min and max with their time (as an offset in
 * the bucket, in seconds: ALP stores whole seconds in a few bits, ms in DuckDB's integers would
 * take sixteen), quality and whether a boolean; first and last sample (offset, quality,
 * typed value); the first and last numeric value where they differ from the first and last value;
 * the areas between consecutive samples (straight lines between numbers, or each value held) and
 * the time they cover (NULL: from the first to the last sample); counter drops (how many, and the sum of the values before them). Offsets
 * and sorting by (tag_id, bucket) keep a row small; so does `b`, the bucket's number (its start /
 * the bucket size): a missing minute then costs a bit, not seventeen. rollup_<name>_in(lo, hi)
 * reads the buckets starting in [lo, hi) with their `bucket` start in ms. See ../rollup/README.md.
 */
export const ROLLUP_COLUMNS = `(
     tag_id INTEGER NOT NULL, b BIGINT NOT NULL, count INTEGER NOT NULL, bad INTEGER NOT NULL, n INTEGER,
     sum DOUBLE,
     min_x DOUBLE, min_off DOUBLE, min_q UTINYINT, min_bool BOOLEAN,
     max_x DOUBLE, max_off DOUBLE, max_q UTINYINT, max_bool BOOLEAN,
     first_off DOUBLE, first_q UTINYINT, first_n DOUBLE, first_s VARCHAR, first_b BOOLEAN,
     last_off DOUBLE, last_q UTINYINT, last_n DOUBLE, last_s VARCHAR, last_b BOOLEAN,
     first_x DOUBLE, last_x DOUBLE, area_lin DOUBLE, area_step DOUBLE, covered INTEGER,
     drops INTEGER, drop_prev DOUBLE
   )`;

/** Statements that create the layout when missing; run in one transaction on every open, after any migration. */
export const SCHEMA_DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS tags (
     id         INTEGER PRIMARY KEY,
     path       VARCHAR NOT NULL UNIQUE,
     value_type VARCHAR NOT NULL,
     created_at TIMESTAMP NOT NULL
   )`,
  // No primary key, index or foreign key: appends stay index-free; tags are resolved by join.
  // Flushes append here; compaction moves whole closed UTC days to samples_sorted, by tag and time.
  `CREATE TABLE IF NOT EXISTS samples_recent ${SAMPLE_COLUMNS}`,
  // Sorted storage keeps the time as the nearest second and the ms from it (-500..499): whole
  // seconds with gaps then cost a bit or two a sample instead of ten to twenty. Numbers that are
  // decimals of at most six places (sensor values) are kept as integers v_int / 10^v_exp, the
  // exponent one per tag and day: DuckDB bit-packs integer deltas, so slowly varying values cost
  // a few bits. Other numbers stay in v_num. README.md (Layout) has the measurements.
  `CREATE TABLE IF NOT EXISTS samples_sorted (
     tag_id  INTEGER NOT NULL,
     ts_s    BIGINT NOT NULL,
     ts_ms   SMALLINT NOT NULL,
     quality UTINYINT NOT NULL,
     v_int   BIGINT,
     v_exp   TINYINT,
     v_num   DOUBLE,
     v_str   VARCHAR,
     v_bool  BOOLEAN
   )`,
  // Every sample, for reads that scan everything and for people at the CLI.
  `CREATE OR REPLACE VIEW samples AS
     SELECT tag_id, ts_s * 1000 + ts_ms AS ts, quality, ${SORTED_NUMBER} AS v_num, v_str, v_bool FROM samples_sorted
     UNION ALL SELECT * FROM samples_recent`,
  // The samples with lo <= ts < hi: every read of a time range goes through it, so the seconds
  // column's zone maps prune sorted storage (a filter on the computed ts alone would not).
  `CREATE OR REPLACE MACRO samples_in(lo, hi) AS TABLE
     SELECT tag_id, ts_s * 1000 + ts_ms AS ts, quality, ${SORTED_NUMBER} AS v_num, v_str, v_bool FROM samples_sorted
       WHERE ts_s >= (lo // 1000) - 1 AND ts_s <= (hi // 1000) + 1 AND ts_s * 1000 + ts_ms >= lo AND ts_s * 1000 + ts_ms < hi
     UNION ALL
     SELECT tag_id, ts, quality, v_num, v_str, v_bool FROM samples_recent WHERE ts >= lo AND ts < hi`,
  // For people at the duckdb CLI: paths, readable times and quality names.
  `CREATE OR REPLACE VIEW history AS
     SELECT t.path, epoch_ms(s.ts) AS time, s.ts,
            CASE s.quality WHEN 0 THEN 'good' WHEN 1 THEN 'uncertain' ELSE 'bad' END AS quality,
            s.v_num, s.v_str, s.v_bool
     FROM samples s JOIN tags t ON t.id = s.tag_id`,
  ...ROLLUPS.map((r) => `CREATE TABLE IF NOT EXISTS rollup_${r.name} ${ROLLUP_COLUMNS}`),
  // Offsets come back in ms, as integers: the columns the readers and PostgreSQL's table have.
  ...ROLLUPS.map((r) => `CREATE OR REPLACE MACRO rollup_${r.name}_in(lo, hi) AS TABLE
     SELECT * REPLACE (round(min_off * 1000)::INTEGER AS min_off, round(max_off * 1000)::INTEGER AS max_off,
                       round(first_off * 1000)::INTEGER AS first_off, round(last_off * 1000)::INTEGER AS last_off),
            b * ${r.ms} AS bucket
     FROM rollup_${r.name} WHERE b >= lo // ${r.ms} AND b < hi // ${r.ms}`),
  // Per flush and tag, the time range [lo, hi] of samples that arrived for a time a rollup already
  // covers: the next rollup run summarises those buckets again.
  `CREATE TABLE IF NOT EXISTS rollup_dirty (tag_id INTEGER NOT NULL, lo BIGINT NOT NULL, hi BIGINT NOT NULL, seq BIGINT NOT NULL)`,
  `INSERT OR IGNORE INTO meta VALUES ('schema_version', '${SCHEMA_VERSION}'), ('flush_seq', '0')`,
];

export const META_DDL = `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`;

/**
 * Steps from each older layout to the next, run in the open transaction before SCHEMA_DDL.
 * 1 → 2: the single appended `samples` table becomes `samples_recent` (compaction then sorts its
 * closed days into `samples_sorted`), `samples` becomes the view over both, rollups are added.
 */
export const MIGRATIONS: Readonly<Record<number, readonly string[]>> = {
  1: [
    'DROP VIEW IF EXISTS history',
    'ALTER TABLE samples RENAME TO samples_recent',
    `UPDATE meta SET value = '2' WHERE key = 'schema_version'`,
  ],
};
