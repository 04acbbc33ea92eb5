import fs from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { copyDatabase, reclaimFile, removeReclaimLeftovers, replaceWithCopy, worthReclaiming } from './reclaim.js';
import { sql, tempFile } from './test-helpers.js';

describe('reclaiming free space', () => {
  it('rewrites a file that is mostly free blocks into a compact one, keeping every row', async () => {
    const file = tempFile();
    const instance = await DuckDBInstance.create(file);
    const conn = await instance.connect();
    await conn.run('CREATE TABLE kept AS SELECT range AS id, random() AS x FROM range(1000000)');
    await conn.run('CREATE TABLE gone AS SELECT random() AS x FROM range(3000000)');
    await conn.run('CHECKPOINT');
    expect(await worthReclaiming(conn)).toBe(false);
    await conn.run('DROP TABLE kept'); // the blocks at the front are freed; the file cannot shrink
    await conn.run('CREATE TABLE kept AS SELECT range AS id, range * 2 AS x FROM range(1000000)');
    await conn.run('DROP TABLE gone');
    await conn.run('CHECKPOINT');
    expect(await worthReclaiming(conn)).toBe(true);
    const before = fs.statSync(file).size;
    await copyDatabase(conn, file);
    conn.closeSync();
    instance.closeSync();
    replaceWithCopy(file);
    expect(fs.existsSync(reclaimFile(file))).toBe(false);
    expect(fs.statSync(file).size).toBeLessThan(before / 2);
    expect(await sql(file, 'SELECT count(*)::INTEGER, sum(x)::DOUBLE FROM kept')).toEqual([[1_000_000, 999_999_000_000]]);
  });

  it('removes what an interrupted rewrite left', () => {
    const file = tempFile();
    fs.writeFileSync(reclaimFile(file), 'partial');
    removeReclaimLeftovers(file);
    expect(fs.existsSync(reclaimFile(file))).toBe(false);
  });
});
