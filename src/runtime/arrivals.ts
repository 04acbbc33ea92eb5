/**
 * How fast values arrive at one source, from the batches it delivered: values over a sliding minute
 * (one-second buckets, so memory stays fixed), when the last batch came, and the typical gap
 * between batches (the median of the last few), so a device pushing every 5 s reads "every ~5 s"
 * instead of "0 values/s". Pure: the caller passes the time.
 */

/** The sliding window, seconds. */
export const WINDOW_SECONDS = 60;
/** Gaps between batches kept for the typical interval. */
const GAPS_KEPT = 9;

export interface ArrivalRates {
  /**
   * Values in the window divided by its span: a minute, or before a minute has passed, the time
   * since the first arrival plus one typical gap (n values at a steady cadence span n gaps).
   */
  valuesPerSecond: number;
  valuesPerMinute: number;
  /** Values that arrived in the window. */
  valuesInWindow: number;
  /** The span the rates cover, seconds (shorter than a minute right after start). */
  windowSeconds: number;
  /** When the latest batch arrived, epoch ms. */
  lastAt?: number;
  /** The median gap between the latest batches, ms; absent before two batches. */
  typicalIntervalMs?: number;
}

export class ArrivalMeter {
  readonly #values = new Array<number>(WINDOW_SECONDS).fill(0);
  readonly #second = new Array<number>(WINDOW_SECONDS).fill(-1);
  readonly #gaps: number[] = [];
  #startedAt: number | undefined;
  #firstAt: number | undefined;
  #lastAt: number | undefined;

  /** Start counting (the first connect); the window's span grows from here. */
  begin(now: number): void {
    this.#startedAt ??= now;
  }

  /** A batch of `values` values arrived at `now`. */
  record(now: number, values: number): void {
    this.begin(now);
    this.#firstAt ??= now;
    const sec = Math.floor(now / 1000);
    const i = sec % WINDOW_SECONDS;
    if (this.#second[i] !== sec) {
      this.#second[i] = sec;
      this.#values[i] = 0;
    }
    this.#values[i]! += values;
    if (this.#lastAt !== undefined && now > this.#lastAt) {
      this.#gaps.push(now - this.#lastAt);
      if (this.#gaps.length > GAPS_KEPT) this.#gaps.shift();
    }
    this.#lastAt = now;
  }

  /** The median gap, or 0 before two batches. */
  #typicalGap(): number {
    return this.#gaps.length > 0 ? median(this.#gaps) : 0;
  }

  snapshot(now: number): ArrivalRates {
    const sec = Math.floor(now / 1000);
    let n = 0;
    for (let i = 0; i < WINDOW_SECONDS; i++) if (this.#second[i]! > sec - WINDOW_SECONDS && this.#second[i]! <= sec) n += this.#values[i]!;
    const spanMs = this.#startedAt === undefined ? 0 : Math.min(WINDOW_SECONDS * 1000, Math.max(0, now - this.#startedAt));
    // Until the window is full, the rate covers the time since the first arrival (not since connect,
    // which would read a device pushing every 5 s that first pushed 4 s after connect as too slow).
    const rateMs = this.#firstAt === undefined ? 0 : Math.min(spanMs, Math.max(0, now - this.#firstAt) + this.#typicalGap());
    const perSecond = rateMs >= 1000 ? n / (rateMs / 1000) : 0;
    return {
      valuesPerSecond: round(perSecond),
      valuesPerMinute: round(perSecond * 60),
      valuesInWindow: n,
      windowSeconds: Math.round(spanMs / 1000),
      ...(this.#lastAt !== undefined ? { lastAt: this.#lastAt } : {}),
      ...(this.#gaps.length > 0 ? { typicalIntervalMs: median(this.#gaps) } : {}),
    };
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}
