/**
 * The rate of change of one attribute, for a rate-of-change alarm, from the source timestamps of
 * its good samples:
 *
 * - without a window: between consecutive good samples, (v₂ − v₁) / (t₂ − t₁);
 * - with a window: against the newest good sample at least `window` older than this one, so the
 *   rate is taken over at least the window and noise between single samples does not count;
 * - the first good sample (and, with a window, every sample until the series spans the window)
 *   gives no rate: the alarm stays as it is;
 * - a sample that is not good (bad, or uncertain such as stale) breaks the series: it gives no
 *   rate, and the rate is taken again from the good samples after it. A change that happened
 *   while the value could not be trusted is not reported as a rate (the quality alarm reports
 *   the quality);
 * - a second sample with the same source time gives no rate (no time passed).
 *
 * A window keeps at most about 1,000 samples: within it, samples closer than window / 1,000 to the
 * last one kept are used for the rate but not kept.
 */
import type { Quality, Value } from '../core/sample.js';

const KEEP = 1000;

export class RateSeries {
  readonly #windowMs: number;
  /** Good samples kept, oldest first: at most one at or before the window's start. */
  #points: Array<{ ts: number; v: number }> = [];

  constructor(windowMs: number) {
    this.#windowMs = windowMs;
  }

  /** Take a sample; the rate per millisecond, or undefined when none can be taken. */
  observe(ts: number, value: Value, quality: Quality): number | undefined {
    if (quality !== 'good' || typeof value !== 'number' || !Number.isFinite(value)) {
      this.#points = [];
      return undefined;
    }
    const pts = this.#points;
    const last = pts[pts.length - 1];
    if (last !== undefined && ts <= last.ts) return undefined;
    if (this.#windowMs <= 0) {
      this.#points = [{ ts, v: value }];
      return last === undefined ? undefined : (value - last.v) / (ts - last.ts);
    }
    const from = ts - this.#windowMs;
    let drop = 0;
    while (drop + 1 < pts.length && pts[drop + 1]!.ts <= from) drop++;
    if (drop > 0) pts.splice(0, drop);
    const start = pts[0];
    const rate = start !== undefined && start.ts <= from ? (value - start.v) / (ts - start.ts) : undefined;
    if (last === undefined || ts - last.ts >= this.#windowMs / KEEP) pts.push({ ts, v: value });
    return rate;
  }
}
