/**
 * The retention suite for both backends: rules by path pattern (first match wins) delete exactly
 * the samples older than their cutoff and keep the rest; retention runs at open and on demand.
 */
import { expect, it } from 'vitest';
import type { Sample } from '../core/sample.js';
import type { RetentionRule } from './retention/plan.js';
import type { MaintainedHistorian } from './shared/maintained-historian.js';
import type { Historian, StoredSample } from './types.js';

const DAY = 86_400_000;
/** Midday, so day offsets never straddle a partition edge by accident. */
export const RETENTION_NOW = Date.UTC(2026, 10, 23, 12);
export const RULES: RetentionRule[] = [
  { paths: 'acme/springfield/**', keep: '90d' },
  { paths: 'sim/*', keep: '30d' },
  { paths: 'keep/**', keep: 'forever' },
  { paths: '**', keep: '2y' },
];
const PATHS = ['acme/springfield/line1/speed', 'sim/temp', 'sim/area/temp', 'other/x'];
const CUTOFF: Record<string, number> = { 'acme/springfield/line1/speed': 90, 'sim/temp': 30, 'sim/area/temp': 730, 'other/x': 730 };
const AGES = [800, 731, 100, 90, 31, 30, 10, 0];

/** Per path: a sample at each age in days, and one just before and at its cutoff. */
function samples(): Sample[] {
  return PATHS.flatMap((path) => {
    const cut = RETENTION_NOW - CUTOFF[path]! * DAY;
    return [...AGES.map((d) => RETENTION_NOW - d * DAY + 1), cut - 1, cut].map((ts) => ({ path, ts, value: (ts % 1000) / 7, quality: 'good' as const }));
  });
}

/** Opens a historian with these options: on a fresh file or schema, or with `same` on the one opened last. */
export type RetentionOpen = (opts: { retention: RetentionRule[]; now: () => number }, same?: boolean) => Promise<MaintainedHistorian>;

/** Register the suite's tests in the current describe(); `partitions`: the backend drops whole partitions. */
export function retentionSuite(open: RetentionOpen, partitions: boolean): void {
  const all = (h: Historian) => h.queryRaw({ paths: [...PATHS, 'keep/a'], from: RETENTION_NOW - 1000 * DAY, to: RETENTION_NOW + DAY });
  const kept = (s: readonly Sample[]) => s.filter((x) => x.path.startsWith('keep/') || x.ts >= RETENTION_NOW - CUTOFF[x.path]! * DAY);
  const key = (s: Sample | StoredSample) => `${s.path} ${s.ts}`;

  it('deletes exactly the samples older than their rule and keeps the rest', async () => {
    const h = await open({ retention: RULES, now: () => RETENTION_NOW });
    await h.maintain([]); // let the run at open finish first: it would take the deletions this test counts
    const data = [...samples(), { path: 'keep/a', ts: RETENTION_NOW - 900 * DAY + 5, value: 1, quality: 'good' as const }];
    await h.write(data);
    await h.flush();
    const report = await h.retention();
    const want = kept(data);
    expect((await all(h)).map(key).sort()).toEqual(want.map(key).sort());
    // keep/a is kept for ever, so the 800-day-old partition holds a live sample: nothing is dropped whole.
    expect(report).toMatchObject({ deleted: data.length - want.length });
    if (partitions) expect(report.droppedPartitions).toEqual([]);
    expect(await h.retention()).toMatchObject({ deleted: 0 });
  });

  it.runIf(partitions)('drops the partitions whose samples have all expired', async () => {
    const h = await open({ retention: RULES, now: () => RETENTION_NOW });
    await h.maintain([]);
    const data = samples();
    await h.write(data);
    await h.flush();
    const report = await h.retention();
    // The days 800 and 731 days back hold only samples older than every rule's cutoff (730 days at most).
    const day = (d: number) => `samples_${new Date(RETENTION_NOW - d * DAY).toISOString().slice(0, 10).replaceAll('-', '')}`;
    expect(report.droppedPartitions).toEqual([day(800), day(731)]);
    expect(report.deleted).toBe(data.length - kept(data).length - 2 * PATHS.length);
    expect((await all(h)).map(key).sort()).toEqual(kept(data).map(key).sort());
    await h.write([{ path: 'sim/temp', ts: RETENTION_NOW - 800 * DAY, value: 1, quality: 'good' }]); // a late sample for the dropped day
    await h.flush();
  });

  it('applies retention once at open', async () => {
    const first = await open({ retention: [], now: () => RETENTION_NOW });
    await first.write(samples());
    await first.close();
    const h = await open({ retention: RULES, now: () => RETENTION_NOW }, true);
    await h.maintain([]); // the run at open has finished
    expect((await all(h)).map(key).sort()).toEqual(kept(samples()).map(key).sort());
  });
}
