import { expect, it } from 'vitest';
import type { Sample } from '../../core/sample.js';
import { describeWithService } from '../../test-support/services.js';
import { openForReading } from '../export/open.js';
import { PostgresHistorian } from './index.js';
import { PG, openPostgres, sql, uniqueSchema } from './test-helpers.js';

const T0 = Date.UTC(2026, 2, 8, 6);
const FIRST: Sample[] = [
  { path: 'plant/line1/speed', value: 12.5, ts: T0, quality: 'good' },
  { path: 'plant/line1/state', value: 'running', ts: T0 + 1000, quality: 'good' },
];
const LATER: Sample = { path: 'plant/line1/speed', value: 13, ts: T0 + 2000, quality: 'uncertain' };
const PATHS = ['plant/line1/speed', 'plant/line1/state'];

/** A reader of `schema`, closed by the caller. */
async function reader(schema: string): Promise<PostgresHistorian> {
  const h = new PostgresHistorian({ ...PG, schema, readOnly: true });
  await h.open();
  return h;
}

/** Advisory locks held by the reader's sessions (the writer's lock is the writer's). */
const readerLocks = () => sql(`SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
  WHERE l.locktype = 'advisory' AND a.application_name = 'causeway-historian-cli'`);

await describeWithService('postgres', 'PostgresHistorian opened read-only', () => {
  it('reads a schema while a hub writes it, taking no writer lock', async () => {
    const schema = uniqueSchema();
    const writer = await openPostgres({ schema });
    await writer.write(FIRST);
    await writer.flush();
    const r = await reader(schema);
    try {
      expect(await r.queryRaw({ paths: PATHS, from: T0, to: T0 + 60_000 })).toEqual(FIRST);
      expect(await readerLocks()).toEqual([]);
      await writer.write([LATER]);
      await writer.flush();
      // Committed flushes are visible to the reader at once; its last values are read when asked.
      expect(await r.queryRaw({ paths: PATHS, from: T0, to: T0 + 60_000 })).toEqual([...FIRST, LATER]);
      expect(await r.lastValues(['plant/line1/speed'])).toEqual([LATER]);
      expect((await r.tags()).map((t) => t.path)).toEqual(PATHS);
    } finally {
      await r.close();
    }
  });

  it('refuses writes and upkeep, leaving the schema as it was', async () => {
    const schema = uniqueSchema();
    const writer = await openPostgres({ schema });
    await writer.write(FIRST);
    await writer.close();
    const r = await reader(schema);
    try {
      await expect(r.write([LATER])).rejects.toMatchObject({ code: 'CW_HISTORIAN_WRITE_FAILED', message: expect.stringContaining('read-only') });
      await expect(r.maintain()).rejects.toMatchObject({ code: 'CW_HISTORIAN_MAINTENANCE_FAILED' });
    } finally {
      await r.close();
    }
    expect(await sql(`SELECT count(*)::int AS n FROM "${schema}".samples`)).toEqual([{ n: 2 }]);
    expect(await sql(`SELECT value FROM "${schema}".meta WHERE key = 'flush_seq'`)).toEqual([{ value: '1' }]);
  });

  it('names a schema that holds no historian, and creates nothing', async () => {
    const schema = uniqueSchema();
    await expect(reader(schema)).rejects.toMatchObject({ code: 'CW_HISTORIAN_OPEN_FAILED', message: expect.stringContaining('holds no Causeway historian') });
    expect(await sql('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).toEqual([]);
  });

  it('is what `causeway export` and `causeway query` open, while the hub keeps writing', async () => {
    const schema = uniqueSchema();
    const writer = await openPostgres({ schema });
    await writer.write(FIRST);
    await writer.flush();
    const h = await openForReading({ kind: 'postgres', host: PG.host, port: PG.port, user: PG.user, database: PG.database, schema }, '/nowhere', 'curl …');
    try {
      expect(await h.queryRaw({ paths: PATHS, from: T0, to: T0 + 60_000 })).toEqual(FIRST);
    } finally {
      await h.close();
    }
    await writer.write([LATER]);
    await writer.flush();
    expect(writer.stats()).toMatchObject({ failedFlushes: 0, written: 3 });
  });
});
