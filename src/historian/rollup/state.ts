/**
 * What a store knows of its rollups between runs: which it keeps, how far each is summarised
 * (its watermark), and the last flush; from that, the late rows a flush must queue and how far a
 * read may use a rollup. Pure; both stores hold one.
 */
import type { Row } from '../shared/encoding.js';
import { lateRangesInAppendOrder } from './config.js';
import { floorTo } from './job.js';
import type { RollupSpec } from './job.js';

/** A rollup's state as read inside one snapshot. */
export interface RollupSnapshot {
  /** Watermark: buckets before it are summarised. */
  until?: number;
  /** Buckets before this have expired. */
  from?: number;
  /** The earliest queued late sample of the tags read: buckets from its bucket on are stale. */
  dirtyLo?: number;
}

export class RollupState {
  readonly specs: readonly RollupSpec[];
  /** Watermark per rollup name, as committed. */
  readonly until = new Map<string, number>();
  /** The last committed flush. */
  seq = 0;
  /**
   * The watermark a running rollup job is working towards: rows flushed meanwhile for time before
   * it are queued as late, so none slips between the job's reads and its watermark.
   */
  claimed = -Infinity;

  constructor(specs: readonly RollupSpec[]) {
    this.specs = specs;
  }

  /** Take the watermarks of the kept rollups from the meta table's key/value pairs. */
  load(meta: ReadonlyMap<string, string>): void {
    for (const r of this.specs) {
      const v = meta.get(`rollup_${r.name}_until`);
      if (v !== undefined && Number.isFinite(Number(v))) this.until.set(r.name, Number(v));
    }
  }

  /** The kept rollup of `size` ms. */
  spec(size: number): RollupSpec | undefined {
    return this.specs.find((r) => r.ms === size);
  }

  /** Per tag, the time range of a flush's rows (in append order) some rollup has already summarised: the flush queues them. */
  late(rows: readonly Row[]): [number, number, number][] {
    const before = Math.max(this.claimed, ...this.until.values());
    return Number.isFinite(before) ? lateRangesInAppendOrder(rows, before) : [];
  }

  /** Where reads of [from, to) switch from the rollup to raw samples: a bucket edge, at least `from`. */
  static readUntil(r: RollupSpec, s: RollupSnapshot, from: number, to: number): number {
    let until = Math.min(s.until ?? -Infinity, floorTo(to, r.ms));
    if (s.dirtyLo !== undefined) until = Math.min(until, floorTo(s.dirtyLo, r.ms));
    return Math.max(from, until);
  }

  /** Whole buckets [a, b) of [from, to) an M4 read takes from the rollup (a >= b: none). */
  static m4Window(r: RollupSpec, s: RollupSnapshot, from: number, to: number): [number, number] {
    const a = floorTo(from + r.ms - 1, r.ms);
    return [a, RollupState.readUntil(r, s, a, to)];
  }
}
