/**
 * The historian at scale: the same bounded buffer, background flush and backpressure as the
 * embedded one (../shared/buffered-historian.ts), stored in PostgreSQL — time-partitioned
 * samples written through binary COPY. See README.md in this folder.
 */
import type { ClientConfig } from 'pg';
import { CausewayError } from '../../core/errors.js';
import { MaintainedHistorian } from '../shared/maintained-historian.js';
import type { MaintainedHistorianOptions } from '../shared/maintained-historian.js';
import { SCHEMA_NAME } from './schema.js';
import type { PartitionSize } from './schema.js';
import { PostgresStore } from './store.js';

export interface PostgresHistorianOptions extends MaintainedHistorianOptions {
  /** e.g. postgres://causeway@db.example:5432/plant; or give host, port, user, password, database. */
  connectionString?: string;
  host?: string;
  port?: number;
  user?: string;
  /** Left out: libpq's usual sources apply (PGPASSWORD, ~/.pgpass). */
  password?: string;
  database?: string;
  /** The schema holding this hub's tables; default "causeway". One hub writes one schema. */
  schema?: string;
  /** Partition size of a new schema; an existing schema keeps its own. Default day. */
  partition?: PartitionSize;
}

/** Where the historian writes, for messages: never the password. */
export function describeTarget(o: PostgresHistorianOptions, schema: string): string {
  let where = `${o.host ?? 'localhost'}:${o.port ?? 5432}/${o.database ?? o.user ?? 'postgres'}`;
  if (o.connectionString !== undefined) {
    try {
      const u = new URL(o.connectionString);
      where = `${u.hostname || 'localhost'}:${u.port || 5432}${u.pathname || '/'}`;
    } catch {
      where = 'the configured database';
    }
  }
  return `PostgreSQL ${where}, schema ${schema}`;
}

function clientConfig(o: PostgresHistorianOptions): ClientConfig {
  if (o.connectionString !== undefined) return { connectionString: o.connectionString };
  const c: ClientConfig = {};
  if (o.host !== undefined) c.host = o.host;
  if (o.port !== undefined) c.port = o.port;
  if (o.user !== undefined) c.user = o.user;
  if (o.password !== undefined) c.password = o.password;
  if (o.database !== undefined) c.database = o.database;
  return c;
}

/** The PostgreSQL historian. */
export class PostgresHistorian extends MaintainedHistorian {
  constructor(opts: PostgresHistorianOptions) {
    const schema = opts.schema ?? 'causeway';
    const target = describeTarget(opts, schema);
    const fail = (reason: string) => new CausewayError('CW_HISTORIAN_OPEN_FAILED', { target, reason });
    if (!SCHEMA_NAME.test(schema)) throw fail(`the schema name "${schema}" must be lower-case letters, digits and "_", starting with a letter or "_"`);
    const partition = opts.partition ?? 'day';
    if (partition !== 'day' && partition !== 'week') throw fail(`partition must be day or week, not ${String(partition)}`);
    const conn = clientConfig(opts);
    super({ backend: 'postgres', target, openStore: (rollups) => PostgresStore.open(conn, schema, partition, rollups, opts.readOnly === true) }, opts);
  }
}
