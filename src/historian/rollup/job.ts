/**
 * The rollup run, shared by both backends (each supplies the SQL): summarise the new range up to
 * a little before now, summarise again the buckets that late samples changed, expire buckets
 * older than the rollup keeps. Window by window (a day of buckets each, one transaction), so a
 * backfill of months never holds the writer for long. See README.md in this folder.
 */
import type { RollupState } from './state.js';

/** A rollup the historian keeps: its name, bucket size and how long its buckets are kept. */
export interface RollupSpec {
  name: string;
  ms: number;
  /** Infinity: for ever. */
  keepMs: number;
}

/** Buckets start being summarised this long after they end, so the usual flush lag never makes them late. */
export const ROLLUP_LAG_MS = 120_000;
/** Buckets summarised per transaction: a UTC day (a whole number of buckets of every size). */
export const ROLLUP_WINDOW_MS = 86_400_000;

/** What a backend does for the run; each call is one unit of writer work. */
export interface RollupBackend {
  /** The oldest stored sample's time, or undefined when there is none. */
  oldestSample(): Promise<number | undefined>;
  /** Starts of the UTC days holding samples with lo <= ts < hi, ascending. */
  daysWithSamples(lo: number, hi: number): Promise<number[]>;
  /** Starts of the UTC days before `before` holding samples that late samples up to flush `seq` make stale, ascending. */
  dirtyDays(seq: number, before: number): Promise<number[]>;
  /** Summarise [lo, hi) again: every bucket, or only those with late samples up to flush `dirtySeq`. */
  window(r: RollupSpec, lo: number, hi: number, opts: { dirtySeq?: number; until?: number }): Promise<number>;
  /** Record that the rollup has summarised everything before `until`. */
  setUntil(r: RollupSpec, until: number): Promise<void>;
  /** Delete buckets starting before `before` and record that the rollup covers only from there. */
  expire(r: RollupSpec, before: number): Promise<number>;
  /** Forget queued late samples up to flush `seq`. */
  clearDirty(seq: number): Promise<void>;
}

export interface RollupRunReport {
  /** Per rollup: buckets written for new time, written again for late samples, and expired; the new watermark. */
  [name: string]: { written: number; rewritten: number; expired: number; until: number };
}

/** `t` floored to a multiple of `ms` (also before 1970). */
export function floorTo(t: number, ms: number): number {
  return t - (((t % ms) + ms) % ms);
}

/**
 * One run at `now` over the store's rollups (`state`: watermarks, updated as windows commit);
 * queued late samples up to the last flush are handled and then forgotten. Only days that hold
 * samples are visited, so a long idle stretch costs nothing.
 */
export async function runRollups(b: RollupBackend, state: RollupState, now: number): Promise<RollupRunReport> {
  const report: RollupRunReport = {};
  const { specs: rollups, until, seq } = state;
  // From here on, flushes queue rows older than the targets as late: the reads below may miss them.
  state.claimed = Math.max(state.claimed, ...rollups.map((r) => floorTo(now - ROLLUP_LAG_MS, r.ms)));
  for (const r of rollups) {
    const target = floorTo(now - ROLLUP_LAG_MS, r.ms);
    let start = until.get(r.name);
    if (start === undefined) {
      const oldest = await b.oldestSample();
      start = oldest === undefined ? target : Math.min(target, floorTo(oldest, r.ms));
    }
    const rep = { written: 0, rewritten: 0, expired: 0, until: Math.max(start, target) };
    // Late samples first: their buckets lie before `start`; those from `start` on are new anyway.
    for (const day of await b.dirtyDays(seq, start)) {
      rep.rewritten += await b.window(r, day, Math.min(start, day + ROLLUP_WINDOW_MS), { dirtySeq: seq });
    }
    for (const day of start < target ? await b.daysWithSamples(start, target) : []) {
      const hi = Math.min(target, day + ROLLUP_WINDOW_MS);
      rep.written += await b.window(r, Math.max(start, day), hi, { until: hi });
      until.set(r.name, hi);
    }
    if (until.get(r.name) !== rep.until) {
      await b.setUntil(r, rep.until);
      until.set(r.name, rep.until);
    }
    if (Number.isFinite(r.keepMs)) rep.expired = await b.expire(r, floorTo(now - r.keepMs, r.ms));
    report[r.name] = rep;
  }
  await b.clearDirty(seq);
  return report;
}
