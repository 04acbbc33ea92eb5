import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it, vi } from 'vitest';
import type { Sample } from '../../core/sample.js';
import { DAY_MS, compactCutoff, tagRanges } from './compaction.js';
import { DuckDbHistorian } from './index.js';
import { DuckDbStore } from './store.js';
import { openHistorian, sql, tempFile } from './test-helpers.js';

const D0 = Date.UTC(2026, 2, 6);
const TAGS = ['plant/a', 'plant/b', 'plant/c'];

/** Three days and a bit of one sample a minute per tag, every value type; returned in arrival order. */
function days(): Sample[] {
  const out: Sample[] = [];
  for (let t = D0; t < D0 + 3 * DAY_MS + 3_600_000; t += 60_000) {
    const i = (t - D0) / 60_000;
    out.push({ path: TAGS[0]!, ts: t, value: Math.round(Math.sin(i / 50) * 100) / 10, quality: 'good' });
    out.push({ path: TAGS[1]!, ts: t + 7, value: i % 90 < 45, quality: i % 17 === 0 ? 'uncertain' : 'good' });
    out.push({ path: TAGS[2]!, ts: t + 13, value: ['RUN', 'IDLE'][i % 2]!, quality: 'good' });
  }
  return out;
}

/** Rows of samples_sorted out of (tag_id, ts) order within one UTC day, in storage order. */
const OUT_OF_ORDER = `SELECT count(*)::INTEGER FROM (
  SELECT tag_id, ts, lag(tag_id) OVER w AS pt, lag(ts) OVER w AS pts, ts // ${DAY_MS} AS day, lag(ts // ${DAY_MS}) OVER w AS pday
  FROM (SELECT rowid AS r, tag_id, ts_s * 1000 + ts_ms AS ts FROM samples_sorted) WINDOW w AS (ORDER BY r)) WHERE day = pday AND (tag_id < pt OR (tag_id = pt AND ts < pts))`;

describe('compaction, pure parts', () => {
  it.each([
    [Date.UTC(2026, 2, 9, 0, 59), Date.UTC(2026, 2, 8)], // within the grace hour: the day before stays open
    [Date.UTC(2026, 2, 9, 1, 0), Date.UTC(2026, 2, 9)],
    [Date.UTC(1969, 11, 31, 12), Date.UTC(1969, 11, 31)],
  ])('at %i days before %i are closed', (now, cutoff) => {
    expect(compactCutoff(now)).toBe(cutoff);
  });

  it.each([
    [[[1, 3], [2, 3], [3, 3]], 6, [[1, 2], [3, 3]]],
    [[[1, 10], [5, 1], [9, 1]], 6, [[1, 1], [5, 9]]],
    [[[4, 2]], 1, [[4, 4]]],
    [[], 6, []],
  ] as const)('splits tag counts %j into ranges of at most %i rows', (counts, max, ranges) => {
    expect(tagRanges(counts, max)).toEqual(ranges);
  });
});

describe('DuckDbHistorian compaction', () => {
  it('moves every closed day into sorted storage by tag and time; answers do not change', async () => {
    const file = tempFile();
    const now = D0 + 3 * DAY_MS + 2 * 3_600_000; // the fourth day is open
    const h = await openHistorian({ file, now: () => now });
    const data = days();
    await h.write(data);
    await h.flush();
    const query = { paths: TAGS, from: D0 - DAY_MS, to: now };
    const before = await h.queryRaw(query);
    expect(before).toHaveLength(data.length);
    expect(await h.maintain(['compact'])).toEqual({ compact: { days: 3, rows: 3 * 1440 * 3 } });
    expect(await h.queryRaw(query)).toEqual(before);
    expect(await h.maintain(['compact'])).toEqual({ compact: { days: 0, rows: 0 } });
    await h.close();
    expect(await sql(file, `SELECT (SELECT count(*) FROM samples_sorted)::INTEGER, (SELECT count(*) FROM samples_recent)::INTEGER, (SELECT min(ts) FROM samples_recent) = ${D0 + 3 * DAY_MS}`))
      .toEqual([[3 * 1440 * 3, 60 * 3, true]]);
    expect(await sql(file, OUT_OF_ORDER)).toEqual([[0]]);
  });

  it('compacts at open, and in the background once a flush leaves enough rows of closed days', async () => {
    const file = tempFile();
    const now = D0 + 3 * DAY_MS + 2 * 3_600_000;
    const compact = vi.spyOn(DuckDbStore.prototype, 'compact');
    const h = await openHistorian({ file, now: () => now, compactAfterRows: 1000 });
    await h.maintain([]); // waits for the upkeep already running: the compaction at open
    expect(compact).toHaveBeenCalledTimes(1);
    await h.write(days().slice(0, 900));
    await h.flush();
    await h.maintain([]);
    expect(compact).toHaveBeenCalledTimes(1); // 900 rows: below the threshold
    await h.write(days().slice(900, 1200));
    await h.flush();
    await h.maintain([]);
    expect(compact).toHaveBeenCalledTimes(2);
    await expect(compact.mock.results[1]!.value).resolves.toEqual({ days: 1, rows: 1200 });
    await h.write(days().slice(-3)); // the open fourth day
    await h.close();
    expect(await sql(file, 'SELECT (SELECT count(*) FROM samples_sorted)::INTEGER, (SELECT count(*) FROM samples_recent)::INTEGER')).toEqual([[1200, 3]]);

    const later = await openHistorian({ file, now: () => now + DAY_MS }); // the fourth day has closed since
    await later.maintain([]);
    await expect(compact.mock.results[2]!.value).resolves.toEqual({ days: 1, rows: 3 });
    await later.close();
  });
});

describe('DuckDB layout migration', () => {
  it('opens a file of layout 1, keeps its samples and moves them into sorted storage', async () => {
    const file = tempFile();
    await writeLayout1(file);
    const h = await openHistorian({ file, now: () => D0 + 10 * DAY_MS });
    expect((await h.tags()).map((t) => t.path)).toEqual(['plant/a', 'plant/b']);
    expect(await h.lastValues(['plant/a'])).toEqual([{ path: 'plant/a', ts: D0 + DAY_MS + 5, value: 2.5, quality: 'good' }]);
    const all = await h.queryRaw({ paths: ['plant/a', 'plant/b'], from: D0, to: D0 + 2 * DAY_MS });
    expect(all.map((s) => s.value)).toEqual([1.5, 'on', true, 2.5]);
    await h.maintain(['compact']);
    expect(await h.queryRaw({ paths: ['plant/a', 'plant/b'], from: D0, to: D0 + 2 * DAY_MS })).toEqual(all);
    await h.write([{ path: 'plant/a', ts: D0 + 2 * DAY_MS, value: 3, quality: 'good' }]);
    await h.close();
    expect(await sql(file, `SELECT value FROM meta WHERE key = 'schema_version'`)).toEqual([['2']]);
    expect(await sql(file, 'SELECT (SELECT count(*) FROM samples_sorted)::INTEGER, (SELECT count(*) FROM samples_recent)::INTEGER, (SELECT count(*) FROM history)::INTEGER'))
      .toEqual([[4, 1, 5]]);
  });

  it('refuses a file written by a newer layout, and leaves it untouched', async () => {
    const file = tempFile();
    await writeLayout1(file);
    await sql(file, `UPDATE meta SET value = '3' WHERE key = 'schema_version'`);
    await expect(new DuckDbHistorian({ file }).open()).rejects.toMatchObject({ code: 'CW_HISTORIAN_OPEN_FAILED', message: expect.stringMatching(/schema version 3/) });
    expect(await sql(file, `SELECT count(*)::INTEGER FROM samples`)).toEqual([[4]]);
  });
});

/** A file as Causeway wrote it before compaction: layout 1, verbatim. */
async function writeLayout1(file: string): Promise<void> {
  const instance = await DuckDBInstance.create(file);
  const c = await instance.connect();
  for (const ddl of [
    'CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)',
    'CREATE TABLE tags (id INTEGER PRIMARY KEY, path VARCHAR NOT NULL UNIQUE, value_type VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)',
    'CREATE TABLE samples (tag_id INTEGER NOT NULL, ts BIGINT NOT NULL, quality UTINYINT NOT NULL, v_num DOUBLE, v_str VARCHAR, v_bool BOOLEAN)',
    `CREATE VIEW history AS SELECT t.path, epoch_ms(s.ts) AS time, s.ts,
       CASE s.quality WHEN 0 THEN 'good' WHEN 1 THEN 'uncertain' ELSE 'bad' END AS quality, s.v_num, s.v_str, s.v_bool
       FROM samples s JOIN tags t ON t.id = s.tag_id`,
    `INSERT INTO meta VALUES ('schema_version', '1'), ('flush_seq', '7')`,
    `INSERT INTO tags VALUES (1, 'plant/a', 'number', TIMESTAMP '2026-03-06'), (2, 'plant/b', 'string', TIMESTAMP '2026-03-06')`,
    `INSERT INTO samples VALUES (2, ${D0 + 5}, 0, NULL, 'on', NULL), (1, ${D0 + DAY_MS + 5}, 0, 2.5, NULL, NULL),
       (1, ${D0}, 1, 1.5, NULL, NULL), (2, ${D0 + 9}, 0, NULL, NULL, true)`,
  ]) await c.run(ddl);
  c.closeSync();
  instance.closeSync();
}
