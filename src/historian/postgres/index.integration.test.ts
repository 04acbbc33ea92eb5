import { expect, it } from 'vitest';
import pg from 'pg';
import pino from 'pino';
import type { Sample } from '../../core/sample.js';
import { describeWithService } from '../../test-support/services.js';
import { createHistorian } from '../create.js';
import { PostgresHistorian } from './index.js';
import { PG, openPostgres, sql, uniqueSchema } from './test-helpers.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 7, 23, 0, 0); // one hour before the UTC day 2026-03-08 begins

/** Every value type and quality, odd paths, out of order, across three UTC days. */
const MIXED: Sample[] = [
  { path: 'plant/line1/speed', value: 12.5, ts: T0 + 2 * 3_600_000, quality: 'good' },
  { path: 'plant/line1/running', value: true, ts: T0 + 1000, quality: 'uncertain' },
  { path: "x'); DROP TABLE samples; --", value: 'IPA-330', ts: T0 + DAY, quality: 'bad' },
  { path: 'plant/line1/speed', value: -0.125, ts: T0, quality: 'uncertain' },
  { path: 'ünï/cødé', value: '', ts: T0 + 3000, quality: 'good' },
  { path: 'plant/line1/running', value: false, ts: T0 + 3000, quality: 'good' },
  { path: 'plant/line1/speed', value: 1e300, ts: T0 + 3000, quality: 'bad' },
];
const PATHS = [...new Set(MIXED.map((s) => s.path))];
const EXPECTED = [...MIXED].sort((a, b) => a.ts - b.ts || (a.path < b.path ? -1 : 1));

await describeWithService('postgres', 'PostgresHistorian', () => {
  it('round-trips every value type and quality through binary COPY, ordered by time then path', async () => {
    const h = await openPostgres();
    await h.write(MIXED);
    expect(await h.queryRaw({ paths: PATHS, from: T0, to: T0 + 2 * DAY })).toEqual(EXPECTED); // buffered
    await h.flush();
    expect(h.stats()).toMatchObject({ pending: 0, written: MIXED.length, failedFlushes: 0 });
    expect(await h.queryRaw({ paths: PATHS, from: T0, to: T0 + 2 * DAY })).toEqual(EXPECTED);
    expect(await h.queryRaw({ paths: PATHS, from: T0, to: T0 + 2 * DAY, limit: 3 })).toEqual(EXPECTED.slice(0, 3));
  });

  it('creates one partition per UTC day (or week) on demand, each with the (tag_id, ts) index', async () => {
    const daily = uniqueSchema();
    const h = await openPostgres({ schema: daily });
    await h.write(MIXED);
    await h.flush();
    const parts = await sql<{ relname: string }>(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
       JOIN pg_namespace n ON n.oid = p.relnamespace WHERE n.nspname = $1 AND p.relname = 'samples' ORDER BY 1`, [daily]);
    expect(parts.map((p) => p.relname)).toEqual(['samples_20260307', 'samples_20260308']);
    const indexes = await sql<{ tablename: string; indexdef: string }>(`SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename LIKE 'samples_%'`, [daily]);
    expect(indexes).toHaveLength(2);
    for (const ix of indexes) expect(ix.indexdef).toMatch(/\(tag_id, ts\)/);

    const weekly = uniqueSchema();
    const w = await openPostgres({ schema: weekly, partition: 'week' });
    await w.write(MIXED);
    await w.flush();
    // 2026-03-07 is a Saturday (week of Monday 03-02); 03-08 is a Sunday, the same week.
    expect((await sql<{ n: string }>(`SELECT count(*) AS n FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace n ON n.oid = p.relnamespace WHERE n.nspname = $1 AND p.relname = 'samples'`, [weekly]))[0]!.n).toBe('1');
  });

  it('serves a range query from one partition through the index', async () => {
    const schema = uniqueSchema();
    const h = await openPostgres({ schema });
    await h.write(MIXED);
    await h.flush();
    const c = new pg.Client(PG);
    await c.connect();
    await c.query('SET enable_seqscan = off'); // the table is tiny: make the planner show what it would do at scale
    const plan = await c.query(`EXPLAIN SELECT * FROM "${schema}".samples WHERE tag_id = $1 AND ts >= $2 AND ts < $3`, [1, T0 + DAY, T0 + DAY + 3_600_000]).finally(() => c.end());
    const text = JSON.stringify(plan);
    expect(text).toMatch(/samples_20260308/);
    expect(text).not.toMatch(/samples_20260307/);
    expect(text).toMatch(/Index (Only )?Scan using samples_20260308_tag_id_ts_idx/);
  });

  it('keeps data, dictionary and last values across a reopen', async () => {
    const schema = uniqueSchema();
    const first = await openPostgres({ schema });
    await first.write(MIXED);
    await first.close();
    const second = await openPostgres({ schema });
    expect(await second.queryRaw({ paths: PATHS, from: T0, to: T0 + 2 * DAY })).toEqual(EXPECTED);
    expect((await second.tags()).map((t) => t.path)).toEqual(PATHS);
    expect(await second.lastValues(['plant/line1/speed'])).toEqual([{ path: 'plant/line1/speed', ts: T0 + 2 * 3_600_000, value: 12.5, quality: 'good' }]);
    await second.write([{ path: 'new/tag', value: 1, ts: T0, quality: 'good' }]);
    await second.flush();
    expect((await second.tags()).at(-1)).toMatchObject({ path: 'new/tag', id: PATHS.length + 1 });
  });

  it('refuses a second hub writing the same schema', async () => {
    const schema = uniqueSchema();
    await openPostgres({ schema });
    const other = new PostgresHistorian({ ...PG, schema });
    await expect(other.open()).rejects.toMatchObject({ code: 'CW_HISTORIAN_OPEN_FAILED', message: expect.stringMatching(/another hub/) });
  });

  it('reconnects after its writer connection is killed, losing nothing', async () => {
    const schema = uniqueSchema();
    const h = await openPostgres({ schema });
    await h.write(MIXED.slice(0, 3));
    await h.flush();
    await sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'causeway-historian' AND pid <> pg_backend_pid()
               AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = hashtext('causeway-historian:' || $1)::oid)`, [schema]);
    await h.write(MIXED.slice(3));
    for (let attempt = 0; attempt < 3 && h.stats().pending > 0; attempt++) await h.flush().catch(() => undefined);
    expect(h.stats().pending).toBe(0);
    expect(await h.queryRaw({ paths: PATHS, from: T0, to: T0 + 2 * DAY })).toEqual(EXPECTED);
  });

  it('names the database, never the password, when it cannot connect', async () => {
    const h = new PostgresHistorian({ connectionString: 'postgres://u:secret@127.0.0.1:1/db', schema: uniqueSchema() });
    const err = await h.open().catch((e: Error) => e);
    expect(err).toMatchObject({ code: 'CW_HISTORIAN_OPEN_FAILED' });
    expect((err as Error).message).toMatch(/PostgreSQL 127\.0\.0\.1:1\/db, schema cw_test_/);
    expect((err as Error).message).not.toMatch(/secret/);
    expect(() => new PostgresHistorian({ schema: 'Bad-Name' })).toThrow(expect.objectContaining({ code: 'CW_HISTORIAN_OPEN_FAILED' }));
  });
});

await describeWithService('postgres', 'PostgresHistorian from a hub config', () => {
  it('opens, writes and reads through createHistorian with kind postgres', async () => {
    const schema = uniqueSchema();
    const h = createHistorian({ kind: 'postgres', host: PG.host, port: PG.port, user: PG.user, database: PG.database, schema, partition: 'week' }, '/nowhere', pino({ level: 'silent' }));
    await h.open();
    try {
      await h.write(MIXED);
      await h.flush();
      expect(await h.queryRaw({ paths: PATHS, from: T0, to: T0 + 2 * DAY })).toEqual(EXPECTED);
      expect(await sql(`SELECT value FROM "${schema}".meta WHERE key = 'partition'`)).toEqual([{ value: 'week' }]);
    } finally {
      await h.close();
    }
  });
});

await describeWithService('postgres', 'PostgresHistorian partitions', () => {
  it('creates a partition again when one was dropped behind its back', async () => {
    const schema = uniqueSchema();
    const h = await openPostgres({ schema });
    await h.write([{ path: 'a', value: 1, ts: T0 + DAY, quality: 'good' }]);
    await h.flush();
    await sql(`DROP TABLE "${schema}".samples_20260308`);
    await h.write([{ path: 'a', value: 2, ts: T0 + DAY + 1, quality: 'good' }]);
    await expect(h.flush()).rejects.toMatchObject({ code: 'CW_HISTORIAN_WRITE_FAILED' });
    await h.flush();
    expect(h.stats()).toMatchObject({ pending: 0, failedFlushes: 1 });
    expect((await h.queryRaw({ paths: ['a'], from: T0, to: T0 + 2 * DAY })).map((s) => s.value)).toEqual([2]);
  });
});
