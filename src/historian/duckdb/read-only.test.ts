import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../core/sample.js';
import { DuckDbHistorian } from './index.js';
import { openHistorian, sql, tempFile } from './test-helpers.js';

const DAY = 86_400_000;
const D0 = Date.UTC(2026, 2, 1);
const NOW = D0 + 10 * DAY;

/** Two closed days of a number and a text tag: a writer opening the file would compact them. */
const SAMPLES: Sample[] = [
  { path: 'plant/a', ts: D0, value: 1.5, quality: 'good' },
  { path: 'plant/b', ts: D0 + 5, value: 'on', quality: 'good' },
  { path: 'plant/a', ts: D0 + DAY, value: 2.5, quality: 'uncertain' },
];

/** A file holding SAMPLES in samples_recent, written without upkeep (no compaction, no rollups). */
async function storedFile(): Promise<string> {
  const file = tempFile();
  const h = new DuckDbHistorian({ file, flushIntervalMs: 3_600_000, now: () => D0 + DAY, maintenance: { intervalMs: 3_600_000 }, rollups: {} });
  await h.open();
  await h.write(SAMPLES);
  await h.close();
  return file;
}

const counts = (file: string) => sql(file, 'SELECT (SELECT count(*) FROM samples_recent)::INTEGER, (SELECT count(*) FROM samples_sorted)::INTEGER');

describe('DuckDB historian opened read-only', () => {
  it('reads what the file holds and changes nothing: no upkeep, no checkpoint, no reclaim', async () => {
    const file = await storedFile();
    expect(await counts(file)).toEqual([[3, 0]]);
    const before = fs.readFileSync(file);
    const h = await openHistorian({ file, readOnly: true, now: () => NOW });
    expect((await h.tags()).map((t) => t.path)).toEqual(['plant/a', 'plant/b']);
    expect(await h.queryRaw({ paths: ['plant/a', 'plant/b'], from: D0, to: NOW })).toEqual([...SAMPLES].sort((x, y) => x.ts - y.ts));
    expect(await h.lastValues()).toEqual([
      { path: 'plant/a', ts: D0 + DAY, value: 2.5, quality: 'uncertain' },
      { path: 'plant/b', ts: D0 + 5, value: 'on', quality: 'good' },
    ]);
    expect(await h.lastValues(['plant/b', 'plant/none'])).toEqual([{ path: 'plant/b', ts: D0 + 5, value: 'on', quality: 'good' }]);
    await h.close();
    // A writer opened at NOW would have moved both closed days into sorted storage.
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
    expect(await counts(file)).toEqual([[3, 0]]);
  });

  it('refuses writes and upkeep with a reason', async () => {
    const file = await storedFile();
    const h = await openHistorian({ file, readOnly: true });
    await expect(h.write([{ path: 'plant/a', ts: NOW, value: 1, quality: 'good' }])).rejects.toMatchObject({
      code: 'CW_HISTORIAN_WRITE_FAILED', message: expect.stringContaining('read-only'),
    });
    await expect(h.maintain()).rejects.toMatchObject({ code: 'CW_HISTORIAN_MAINTENANCE_FAILED', message: expect.stringContaining('read-only') });
    await expect(h.retention()).rejects.toMatchObject({ code: 'CW_HISTORIAN_MAINTENANCE_FAILED' });
    await h.flush(); // nothing to flush: resolves
    expect(h.stats()).toMatchObject({ pending: 0, written: 0, rejected: 0 });
  });

  it('opens the file while another reader holds it: DuckDB\'s read-only lock is shared', async () => {
    const file = await storedFile();
    const reader = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' }); // as another `causeway export`
    try {
      const h = await openHistorian({ file, readOnly: true });
      expect(await h.queryRaw({ paths: ['plant/a'], from: D0, to: NOW })).toHaveLength(2);
    } finally {
      reader.closeSync();
    }
  });

  it('does not create a missing file, and names what is wrong with one that is no historian', async () => {
    const missing = tempFile();
    await expect(new DuckDbHistorian({ file: missing, readOnly: true }).open()).rejects.toMatchObject({ code: 'CW_HISTORIAN_OPEN_FAILED' });
    expect(fs.existsSync(missing)).toBe(false);
    const other = tempFile();
    await sql(other, 'CREATE TABLE t (x INTEGER)');
    await expect(new DuckDbHistorian({ file: other, readOnly: true }).open()).rejects.toMatchObject({
      code: 'CW_HISTORIAN_OPEN_FAILED', message: expect.stringContaining('holds no Causeway historian'),
    });
  });

  it('refuses an older layout instead of migrating it', async () => {
    const file = await storedFile();
    await sql(file, `UPDATE meta SET value = '1' WHERE key = 'schema_version'`);
    await expect(new DuckDbHistorian({ file, readOnly: true }).open()).rejects.toMatchObject({
      code: 'CW_HISTORIAN_OPEN_FAILED', message: expect.stringContaining('older layout 1'),
    });
    expect(await sql(file, `SELECT value FROM meta WHERE key = 'schema_version'`)).toEqual([['1']]);
  });
});
