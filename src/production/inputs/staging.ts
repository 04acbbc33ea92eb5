/**
 * The ERP's PostgreSQL staging schema: work orders are read from a table or view by a column that
 * only grows (a bigserial or a commit-ordered sequence), each row once — the last one read is the
 * watermark, kept in the production store — and confirmations are inserted into a table keyed by
 * their idempotency key, so a retried insert never makes a second row. The runtime calls poll()
 * on its schedule; a failure throws CW_ERP_STAGING_FAILED (retryable) and the next poll resumes.
 */
import pg from 'pg';
import { CausewayError, detailOf } from '../../core/errors.js';
import type { Confirmation } from '../confirmation.js';

export interface StagingSettings {
  connectionString?: string;
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  /** The orders table or view, `schema.table` or `table`. */
  table: string;
  /** The column that only grows (default `seq`). */
  sequenceColumn?: string;
  /** The confirmations table (`schema.table`), for confirmations back to the ERP. */
  confirmTable?: string;
  /** Rows read per poll at most (default 500). */
  batchSize?: number;
}

/** One row read, ready for validation: its watermark as text and its columns. */
export interface StagingRow {
  cursor: string;
  raw: Record<string, unknown>;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/** A checked, quoted SQL name: `schema.table` or `table`, lower-case letters, digits and "_"; else the problem. */
export function quoteName(name: string): string | { problem: string } {
  const parts = name.split('.');
  if (parts.length > 2 || !parts.every((p) => IDENT.test(p))) return { problem: `"${name}" is not a table name of lower-case letters, digits and "_", optionally schema.table` };
  return parts.map((p) => `"${p}"`).join('.');
}

function quoted(name: string): string {
  const q = quoteName(name);
  if (typeof q !== 'string') throw new CausewayError('CW_ERP_STAGING_FAILED', { table: name, reason: q.problem });
  return q;
}

/** The PostgreSQL connection of the staging schema (one small pool). */
export class StagingDb {
  readonly settings: StagingSettings;
  #pool: pg.Pool | undefined;

  constructor(settings: StagingSettings) {
    this.settings = settings;
    // Checked at once, so a bad name is a start-up error rather than a poll error.
    quoted(settings.table);
    quoted(settings.sequenceColumn ?? 'seq');
    if (settings.confirmTable) quoted(settings.confirmTable);
  }

  #db(): pg.Pool {
    if (!this.#pool) {
      const s = this.settings;
      const conn = s.connectionString !== undefined
        ? { connectionString: s.connectionString }
        : { host: s.host, port: s.port, user: s.user, password: s.password, database: s.database };
      this.#pool = new pg.Pool({ ...conn, max: 2, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
      this.#pool.on('error', () => undefined);
    }
    return this.#pool;
  }

  async #query<R extends pg.QueryResultRow>(table: string, text: string, params: unknown[]): Promise<R[]> {
    try {
      return (await this.#db().query<R>(text, params)).rows;
    } catch (e) {
      throw new CausewayError('CW_ERP_STAGING_FAILED', { table, reason: detailOf(e) ?? 'unknown error' }, { cause: e });
    }
  }

  /** The rows after `cursor` (all when undefined), oldest first, at most batchSize. */
  async readAfter(cursor: string | undefined): Promise<StagingRow[]> {
    const { table } = this.settings;
    const seq = quoted(this.settings.sequenceColumn ?? 'seq');
    const limit = this.settings.batchSize ?? 500;
    const select = `SELECT *, ${seq}::text AS "__cw_cursor" FROM ${quoted(table)}`;
    const rows = cursor === undefined
      ? await this.#query<Record<string, unknown>>(table, `${select} ORDER BY ${seq} LIMIT $1`, [limit])
      : await this.#query<Record<string, unknown>>(table, `${select} WHERE ${seq} > $1 ORDER BY ${seq} LIMIT $2`, [cursor, limit]);
    return rows.map(({ __cw_cursor, ...raw }) => ({ cursor: String(__cw_cursor), raw }));
  }

  /** Insert a confirmation row unless one with its key is there; true when this call inserted it. */
  async insertConfirmation(c: Confirmation): Promise<boolean> {
    const table = this.settings.confirmTable;
    if (!table) throw new CausewayError('CW_ERP_STAGING_FAILED', { table: '(none)', reason: 'no confirmTable is configured for the staging schema' });
    const rows = await this.#query(table, `INSERT INTO ${quoted(table)} (idempotency_key, order_id, sequence, final, status, good, scrap, unit, payload)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
    [c.key, c.orderId, c.sequence, c.final, c.status, c.good, c.scrap, c.unit, JSON.stringify(c)]);
    return rows.length === 1;
  }

  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.end().catch(() => undefined);
  }
}
