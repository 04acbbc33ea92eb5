/** Shared set-up of the PostgreSQL historian tests: a unique schema per historian, dropped after each test. */
import pg from 'pg';
import { afterEach } from 'vitest';
import { SERVICES } from '../../test-support/services.js';
import { PostgresHistorian } from './index.js';
import type { PostgresHistorianOptions } from './index.js';

/** The test database: trust auth, user postgres, database test. */
export const PG = { host: SERVICES.postgres.host, port: SERVICES.postgres.port, user: 'postgres', database: 'test' } as const;

const schemas: string[] = [];
const open: PostgresHistorian[] = [];
let counter = 0;

afterEach(async () => {
  for (const h of open.splice(0)) await h.close().catch(() => undefined);
  for (const s of schemas.splice(0)) await sql(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
});

/** A schema name no other run uses; dropped after the test. */
export function uniqueSchema(): string {
  const name = `cw_test_${process.pid}_${Date.now().toString(36)}_${++counter}`;
  schemas.push(name);
  return name;
}

/** An opened historian on `schema` (a fresh one unless given; no background flush unless asked), closed after the test. */
export async function openPostgres(opts: Partial<PostgresHistorianOptions> = {}): Promise<PostgresHistorian> {
  const h = new PostgresHistorian({ ...PG, flushIntervalMs: 3_600_000, schema: opts.schema ?? uniqueSchema(), ...opts });
  await h.open();
  open.push(h);
  return h;
}

/** Run SQL on the test database straight through a client of its own. */
export async function sql<R extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<R[]> {
  const c = new pg.Client(PG);
  await c.connect();
  try {
    return (await c.query<R>(text, params)).rows;
  } finally {
    await c.end();
  }
}
