/**
 * How old a sample is when it reaches a stage: from its arrival at the hub (the moment the ingest
 * spool accepted it) to the historian having it durable, or a sink's destination having
 * acknowledged it. Kept as Prometheus-style histograms (1 ms to 10 s), since start, per stage and
 * sink, and as a rolling window for the console (the p50/p99 of the last minute). Pure: the caller
 * passes the time. Ages are observed per run of samples that arrived together, so a batch costs one
 * observation per spool record it holds, not one per sample.
 */

/** Upper bounds of the buckets, seconds. */
export const AGE_BUCKETS: readonly number[] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Samples that arrived at the hub at the same moment (epoch ms). */
export interface ArrivalRun {
  at: number;
  samples: number;
}

export type AgeStage = 'historian' | 'sink';

/** Cumulative bucket counts (the last one is +Inf), their sum in seconds and the count. */
export class AgeHistogram {
  readonly counts: number[] = new Array<number>(AGE_BUCKETS.length + 1).fill(0);
  sum = 0;
  count = 0;

  /** Record `n` samples of the same age. */
  observe(seconds: number, n = 1): void {
    if (!(n > 0)) return;
    const age = Math.max(0, seconds);
    let i = 0;
    while (i < AGE_BUCKETS.length && age > AGE_BUCKETS[i]!) i++;
    this.counts[i]! += n;
    this.sum += age * n;
    this.count += n;
  }

  /** Add another histogram's counts to this one. */
  add(other: AgeHistogram): void {
    for (let i = 0; i < this.counts.length; i++) this.counts[i]! += other.counts[i]!;
    this.sum += other.sum;
    this.count += other.count;
  }

  /** Counts per bucket, cumulative as Prometheus exposes them (`le` bounds, then +Inf). */
  cumulative(): number[] {
    let run = 0;
    return this.counts.map((c) => (run += c));
  }

  /**
   * The q-quantile in seconds, interpolated linearly inside its bucket as Prometheus'
   * histogram_quantile does; undefined without samples; 10 s (the top bound) when it lies beyond.
   */
  quantile(q: number): number | undefined {
    if (this.count === 0) return undefined;
    const rank = q * this.count;
    let below = 0;
    for (let i = 0; i < this.counts.length; i++) {
      const c = this.counts[i]!;
      if (c > 0 && below + c >= rank) {
        if (i === AGE_BUCKETS.length) return AGE_BUCKETS[i - 1]!;
        const lo = i === 0 ? 0 : AGE_BUCKETS[i - 1]!;
        const hi = AGE_BUCKETS[i]!;
        return lo + ((hi - lo) * (rank - below)) / c;
      }
      below += c;
    }
    return AGE_BUCKETS.at(-1)!;
  }
}

/** One stage's histograms: since start, and the slots of the rolling window. */
interface Series {
  stage: AgeStage;
  sink?: string;
  total: AgeHistogram;
  slots: Array<{ start: number; hist: AgeHistogram }>;
}

/** A stage's figures for the console: the last minute, and the count since start. */
export interface AgeSummary {
  stage: AgeStage;
  sink?: string;
  /** Samples observed in the window. */
  samples: number;
  p50Seconds?: number;
  p99Seconds?: number;
  /** Samples observed since start. */
  total: number;
}

/** The window the console summary covers, and the slot size it moves by. */
export const WINDOW_MS = 60_000;
const SLOT_MS = 10_000;

export class SampleAges {
  readonly #series = new Map<string, Series>();

  /** Record the age at `now` of every run (samples that arrived together). */
  observe(stage: AgeStage, sink: string | undefined, runs: readonly ArrivalRun[], now: number): void {
    if (runs.length === 0) return;
    const s = this.#seriesOf(stage, sink);
    const slot = this.#slotOf(s, now);
    for (const r of runs) {
      const seconds = (now - r.at) / 1000;
      s.total.observe(seconds, r.samples);
      slot.observe(seconds, r.samples);
    }
  }

  /** Every series since start, historian first, then sinks by id. */
  histograms(): Array<{ stage: AgeStage; sink?: string; histogram: AgeHistogram }> {
    return this.#sorted().map((s) => ({ stage: s.stage, ...(s.sink === undefined ? {} : { sink: s.sink }), histogram: s.total }));
  }

  /** p50 and p99 per stage over the last minute. */
  summary(now: number): AgeSummary[] {
    return this.#sorted().map((s) => {
      const recent = new AgeHistogram();
      for (const slot of s.slots) if (slot.start > now - WINDOW_MS) recent.add(slot.hist);
      const p50 = recent.quantile(0.5);
      const p99 = recent.quantile(0.99);
      return {
        stage: s.stage, ...(s.sink === undefined ? {} : { sink: s.sink }), samples: recent.count,
        ...(p50 === undefined ? {} : { p50Seconds: round(p50) }), ...(p99 === undefined ? {} : { p99Seconds: round(p99) }),
        total: s.total.count,
      };
    });
  }

  #sorted(): Series[] {
    return [...this.#series.values()].sort((a, b) => (a.stage === b.stage ? (a.sink ?? '').localeCompare(b.sink ?? '') : a.stage === 'historian' ? -1 : 1));
  }

  #seriesOf(stage: AgeStage, sink: string | undefined): Series {
    const key = `${stage}\n${sink ?? ''}`;
    let s = this.#series.get(key);
    if (!s) {
      s = { stage, ...(sink === undefined ? {} : { sink }), total: new AgeHistogram(), slots: [] };
      this.#series.set(key, s);
    }
    return s;
  }

  #slotOf(s: Series, now: number): AgeHistogram {
    const start = now - (now % SLOT_MS);
    const last = s.slots.at(-1);
    if (last && last.start === start) return last.hist;
    const hist = new AgeHistogram();
    s.slots.push({ start, hist });
    while (s.slots.length > 0 && s.slots[0]!.start <= now - WINDOW_MS - SLOT_MS) s.slots.shift();
    return hist;
  }
}

function round(seconds: number): number {
  return Math.round(seconds * 10_000) / 10_000;
}

/** Runs of the given records' samples that a consumer takes: one run per record holding any. */
export function runsOf(records: ReadonlyArray<{ at?: number; taken: number }>): ArrivalRun[] {
  const runs: ArrivalRun[] = [];
  for (const r of records) {
    if (r.at === undefined || r.taken === 0) continue;
    const last = runs.at(-1);
    if (last && last.at === r.at) last.samples += r.taken;
    else runs.push({ at: r.at, samples: r.taken });
  }
  return runs;
}

/**
 * The runs of `subset`, a subsequence of `batch` (same sample objects, same order, e.g. what a
 * contract gate lets through), given the runs of `batch`.
 */
export function runsOfSubset<T>(batch: readonly T[], runs: readonly ArrivalRun[], subset: readonly T[]): ArrivalRun[] {
  const out: ArrivalRun[] = [];
  let i = 0;
  let j = 0;
  for (const r of runs) {
    let kept = 0;
    for (const end = i + r.samples; i < end && i < batch.length; i++) {
      if (j < subset.length && subset[j] === batch[i]) {
        kept++;
        j++;
      }
    }
    if (kept > 0) out.push({ at: r.at, samples: kept });
  }
  return out;
}
