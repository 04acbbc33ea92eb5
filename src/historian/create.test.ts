import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createHistorian } from './create.js';
import { DuckDbHistorian } from './duckdb/index.js';
import { PostgresHistorian } from './postgres/index.js';

const logger = pino({ level: 'silent' });
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('createHistorian', () => {
  it('opens a DuckDB file in the data directory by default, or at the configured path', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'causeway-create-'));
    dirs.push(dir);
    for (const [config, file] of [[undefined, 'historian.duckdb'], [{ path: 'x/h.duckdb' }, 'x/h.duckdb'], [{ kind: 'duckdb' as const }, 'historian.duckdb']] as const) {
      fs.mkdirSync(path.join(dir, 'x'), { recursive: true });
      const h = createHistorian(config, dir, logger);
      expect(h).toBeInstanceOf(DuckDbHistorian);
      await h.open();
      await h.close();
      expect(fs.existsSync(path.join(dir, file))).toBe(true);
    }
  });

  it('gives retention rules and rollups to the historian, and names a bad rule', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'causeway-create-'));
    dirs.push(dir);
    const h = createHistorian({ retention: [{ paths: '**', keep: '30d' }], rollups: { '1h': { keep: '2y' } } }, dir, logger) as DuckDbHistorian;
    expect(h.rollupSizes()).toEqual([3_600_000]);
    await h.open();
    expect(await h.retention()).toEqual({ deleted: 0 });
    await h.close();
    expect(() => createHistorian({ kind: 'postgres', retention: [{ paths: '**', keep: 'a while' }] }, dir, logger)).toThrow(/retention rule 1: keep "a while"/);
  });

  it('builds the PostgreSQL historian for kind postgres, naming its database in errors', () => {
    const h = createHistorian({ kind: 'postgres', host: 'db.example', port: 5433, database: 'plant', schema: 'line1', flushInterval: '5s' }, '/nowhere', logger);
    expect(h).toBeInstanceOf(PostgresHistorian);
    expect(() => createHistorian({ kind: 'postgres', host: 'db.example', schema: 'Bad Name' }, '/nowhere', logger)).toThrow(/PostgreSQL db\.example:5432\/postgres, schema Bad Name/);
  });
});
