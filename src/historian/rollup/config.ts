/** Which rollups a historian keeps, from its config, and the late samples a flush queues for them. Pure. */
import { parseKeep } from '../retention/plan.js';
import { firstAtOrAfter, forEachTagRun } from '../shared/append-order.js';
import type { Row } from '../shared/encoding.js';
import type { RollupSpec } from './job.js';
import { ROLLUPS } from './sizes.js';
import type { RollupName } from './sizes.js';

/** As configured: `historian.rollups: { '1m': { keep: '2y' }, '1h': { keep: '10y' } }`; `{}` keeps none. */
export type RollupsConfig = Partial<Record<RollupName, { keep?: string }>>;

/** When the config says nothing: both rollups, kept for ever (like raw samples without retention). */
export const DEFAULT_ROLLUPS: RollupsConfig = { '1m': {}, '1h': {} };

/** The rollups to keep, smallest first; throws an Error naming a bad entry. */
export function rollupSpecs(config: RollupsConfig | undefined): RollupSpec[] {
  const c = config ?? DEFAULT_ROLLUPS;
  for (const key of Object.keys(c)) {
    if (!ROLLUPS.some((r) => r.name === key)) throw new Error(`rollup "${key}" is not one of ${ROLLUPS.map((r) => r.name).join(', ')}`);
  }
  return ROLLUPS.flatMap((r) => {
    const entry = c[r.name];
    if (entry === undefined) return [];
    const keepMs = entry.keep === undefined ? Infinity : parseKeep(entry.keep);
    if (typeof keepMs === 'string') throw new Error(`rollup ${r.name}: ${keepMs}`);
    return [{ name: r.name, ms: r.ms, keepMs }];
  });
}

/**
 * Per tag, the [lo, hi] time range of the rows before `before` (a rollup has summarised up to
 * there), in order of first appearance. Any order of rows works; rows grouped by tag (as a flush
 * appends them) look each tag up once instead of once a row.
 */
export function lateRanges(rows: readonly Row[], before: number): [number, number, number][] {
  const ranges = new Map<number, [number, number, number]>();
  let cur: [number, number, number] | undefined;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const ts = r.ts;
    if (ts >= before) continue;
    if (cur === undefined || cur[0] !== r.tagId) {
      cur = ranges.get(r.tagId);
      if (cur === undefined) {
        cur = [r.tagId, ts, ts];
        ranges.set(r.tagId, cur);
        continue;
      }
    }
    if (ts < cur[1]) cur[1] = ts;
    if (ts > cur[2]) cur[2] = ts;
  }
  return [...ranges.values()];
}

/** lateRanges() of rows in append order (by tag, then time: a flush's), reading a few rows per tag. */
export function lateRangesInAppendOrder(rows: readonly Row[], before: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  forEachTagRun(rows, (lo, hi) => {
    const end = firstAtOrAfter(rows, lo, hi, before);
    if (end > lo) out.push([rows[lo]!.tagId, rows[lo]!.ts, rows[end - 1]!.ts]);
  });
  return out;
}
