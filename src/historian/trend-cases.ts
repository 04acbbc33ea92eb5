/**
 * The trend suite for backends with m4(): their SQL must give exactly the points of the TypeScript
 * reference (query/m4.ts) on seeded random data, part flushed and part still buffered.
 */
import { expect, it } from 'vitest';
import type { Sample } from '../core/sample.js';
import type { HistorianFactory } from './correctness-cases.js';
import { m4Samples, rng } from './query/m4-data.js';
import { queryTrend } from './query/trend.js';

const PATHS = ['m4/num', 'm4/bool', 'm4/str', 'm4/one', 'm4/mixed', 'm4/none'];

/** Register the suite's tests in the current describe(). */
export function trendSuite(open: HistorianFactory): void {
  it.each([[1, 1], [7, 1], [50, 1], [400, 1], [13, 1000]])('computes the M4 cells of %i columns (grain %i ms) in SQL exactly as the reference', async (pixels, grain) => {
    const { samples, from, to } = m4Samples(rng(pixels * 31 + grain));
    const h = await open();
    expect(h.m4).toBeTypeOf('function');
    const shuffled = samples.slice().sort((a, b) => (a.ts * 7919) % 13 - (b.ts * 7919) % 13);
    const half = Math.floor(shuffled.length / 2);
    await h.write(shuffled.slice(0, half) as Sample[]);
    await h.flush();
    await h.write(shuffled.slice(half) as Sample[]); // left in the buffer
    const req = { paths: PATHS, from, to, pixels };
    const sql = await queryTrend(h, req, { grain });
    const reference = await queryTrend(h, req, { grain, useBackend: false, pageSize: 97 });
    expect(sql).toEqual(reference);
    expect(sql.series.find((s) => s.path === 'm4/num')!.points.length).toBeGreaterThan(pixels);
    await h.flush();
    expect(await queryTrend(h, req, { grain })).toEqual(reference);
  });
}
