/**
 * Parquet through a private in-memory DuckDB: each page is appended to a table there, then one
 * COPY writes the file (zstd, row groups in the order appended). DuckDB's memory is capped and
 * spills to a temporary folder, so a long range never sits in the JavaScript heap or in RAM.
 * The instance may touch only the target file and its spill folder.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { Value } from '../../core/sample.js';
import { qualityCode } from '../shared/encoding.js';
import type { ExportMode, ExportRow } from './types.js';

/** DuckDB's memory for one export; the rest spills to the work folder. */
const MEMORY_LIMIT = '128MB';

const TABLES: Record<ExportMode, string> = {
  raw: 'CREATE TABLE rows (ts BIGINT, path VARCHAR, value DOUBLE, value_bool BOOLEAN, value_text VARCHAR, quality UTINYINT)',
  agg: 'CREATE TABLE rows (ts BIGINT, path VARCHAR, value DOUBLE, value_bool BOOLEAN, value_text VARCHAR, count BIGINT, bad BIGINT)',
};

const COLUMNS: Record<ExportMode, string> = {
  raw: `make_timestamptz(ts * 1000) AS time, path, value, value_bool, value_text,
        CASE quality WHEN 0 THEN 'good' WHEN 1 THEN 'uncertain' ELSE 'bad' END AS quality`,
  agg: 'make_timestamptz(ts * 1000) AS time, path, value, value_bool, value_text, count, bad',
};

/** A file path as a SQL string literal: absolute, no NUL, quotes doubled. COPY TO takes no bound parameter. */
export function pathLiteral(file: string): string {
  if (!path.isAbsolute(file)) throw new Error(`the output path ${file} is not absolute`);
  if (file.includes('\0')) throw new Error('the output path holds a NUL character');
  return `'${file.replaceAll("'", "''")}'`;
}

/** Rows appended page by page, then written as one Parquet file. */
export class ParquetBuilder {
  readonly #instance: DuckDBInstance;
  readonly #conn: DuckDBConnection;
  readonly #mode: ExportMode;
  readonly #target: string;

  private constructor(instance: DuckDBInstance, conn: DuckDBConnection, mode: ExportMode, target: string) {
    this.#instance = instance;
    this.#conn = conn;
    this.#mode = mode;
    this.#target = target;
  }

  /** A builder that will write `target` (absolute), spilling to `workDir` (which it creates). */
  static async create(mode: ExportMode, target: string, workDir: string): Promise<ParquetBuilder> {
    const spill = path.join(workDir, 'spill');
    mkdirSync(spill, { recursive: true });
    const instance = await DuckDBInstance.create(':memory:', { memory_limit: MEMORY_LIMIT, threads: '1', temp_directory: spill });
    try {
      const conn = await instance.connect();
      await conn.run(`SET allowed_paths = [${pathLiteral(target)}]`);
      await conn.run(`SET allowed_directories = [${pathLiteral(spill)}]`);
      await conn.run('SET enable_external_access = false');
      await conn.run(TABLES[mode]);
      return new ParquetBuilder(instance, conn, mode, target);
    } catch (e) {
      instance.closeSync();
      throw e;
    }
  }

  /** Append one page. */
  async append(rows: readonly ExportRow[]): Promise<void> {
    const a = await this.#conn.createAppender('rows');
    try {
      for (const r of rows) this.#appendRow(a, r);
    } finally {
      a.closeSync();
    }
  }

  /** Write everything appended to the target file. */
  async write(): Promise<void> {
    await this.#conn.run(`COPY (SELECT ${COLUMNS[this.#mode]} FROM rows) TO ${pathLiteral(this.#target)} (FORMAT parquet, COMPRESSION zstd)`);
  }

  close(): void {
    this.#conn.closeSync();
    this.#instance.closeSync();
  }

  #appendRow(a: DuckDBAppender, r: ExportRow): void {
    a.appendBigInt(BigInt(r.ts));
    a.appendVarchar(r.path);
    appendValue(a, r.value);
    if (this.#mode === 'raw') {
      a.appendUTinyInt(qualityCode(r.quality ?? 'good'));
    } else {
      a.appendBigInt(BigInt(r.count ?? 0));
      a.appendBigInt(BigInt(r.bad ?? 0));
    }
    a.endRow();
  }
}

/** value (numbers), value_bool, value_text: at most one is set. */
function appendValue(a: DuckDBAppender, v: Value | null): void {
  if (typeof v === 'number') a.appendDouble(v);
  else a.appendNull();
  if (typeof v === 'boolean') a.appendBoolean(v);
  else a.appendNull();
  if (typeof v === 'string') a.appendVarchar(v);
  else a.appendNull();
}
