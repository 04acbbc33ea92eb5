/**
 * The short history the calculation functions read: when a value last changed, the last two
 * values (rate), and the samples of a window (time-weighted average). Only attributes a
 * calculation reads this way are tracked, each bounded in time and count. Pure: times come from samples.
 */
import { ExprFault } from '../core/expression/functions.js';
import type { Sample } from '../core/sample.js';
import { counterIncrease, type CounterRule } from '../core/counter.js';

/** Thrown when a function has too little history to answer yet; the calculation waits quietly. */
export class NotReady extends Error {}

/** Most samples kept per attribute, whatever its window: a fast tag must not exhaust memory. */
export const MAX_SAMPLES = 50_000;

interface Series {
  samples: Sample[];
  keepMs: number;
  /** A counter's rule (range, drop meaning); undefined for other attributes. */
  counter: CounterRule | undefined;
  changedAt?: number;
}

/** Seconds from `from` to `to`. */
const seconds = (from: number, to: number): number => (to - from) / 1000;

/** Per second, from two values; a counter's increase follows its rule (a wrap or a reset), as history `delta` does. */
export function rateOf(prev: Sample, last: Sample, counter: CounterRule | undefined): number {
  const dt = seconds(prev.ts, last.ts);
  if (dt <= 0) throw new NotReady('two values at the same time');
  const [a, b] = [Number(prev.value), Number(last.value)];
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new ExprFault('rate() needs numbers');
  const increase = counter ? counterIncrease(a, b, counter) : b - a;
  return increase / dt;
}

/**
 * Time-weighted average over [from, to]: each value holds until the next sample; the window starts
 * at the first sample when history is shorter. Bad samples do not count, nor does the time they hold.
 */
export function timeWeightedAverage(samples: readonly Sample[], from: number, to: number): number {
  let sum = 0;
  let span = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    const start = Math.max(s.ts, from);
    const end = Math.min(samples[i + 1]?.ts ?? to, to);
    if (end <= start || s.quality === 'bad') continue;
    const v = Number(s.value);
    if (typeof s.value !== 'number' || !Number.isFinite(v)) throw new ExprFault('avg() needs numbers');
    sum += v * (end - start);
    span += end - start;
  }
  if (span > 0) return sum / span;
  const last = samples.at(-1);
  if (last && last.ts <= to && last.quality !== 'bad' && typeof last.value === 'number') return last.value;
  throw new NotReady('no good value in the window');
}

export class History {
  readonly #series = new Map<string, Series>();

  /** Track `path`, keeping at least `keepMs` of samples; tracking twice keeps the longer window. */
  track(path: string, keepMs: number, counter: CounterRule | undefined): void {
    const s = this.#series.get(path);
    if (s) s.keepMs = Math.max(s.keepMs, keepMs);
    else this.#series.set(path, { samples: [], keepMs, counter });
  }

  isTracked(path: string): boolean {
    return this.#series.has(path);
  }

  /** Add a sample of a tracked path; an older, out-of-order sample is ignored. */
  record(s: Sample): void {
    const series = this.#series.get(s.path);
    if (!series) return;
    const last = series.samples.at(-1);
    if (last && s.ts < last.ts) return;
    if (!last || last.value !== s.value) series.changedAt = s.ts;
    if (last && last.ts === s.ts) series.samples[series.samples.length - 1] = s;
    else series.samples.push(s);
    this.#prune(series, s.ts);
  }

  /** Seconds from the last change of the value (the first value counts as a change) to `at`. */
  sinceChange(path: string, at: number): number {
    const changedAt = this.#series.get(path)?.changedAt;
    if (changedAt === undefined) throw new NotReady('no value yet');
    return Math.max(0, seconds(changedAt, at));
  }

  /** Per second, from the last two values. */
  rate(path: string): number {
    const series = this.#series.get(path);
    const samples = series?.samples ?? [];
    if (samples.length < 2) throw new NotReady('fewer than two values');
    return rateOf(samples.at(-2)!, samples.at(-1)!, series!.counter);
  }

  /** Time-weighted average over the `windowMs` before `at`. */
  avg(path: string, windowMs: number, at: number): number {
    return timeWeightedAverage(this.#series.get(path)?.samples ?? [], at - windowMs, at);
  }

  /** Drop samples older than the window, keeping the one in force at its start (and at least two for rate). */
  #prune(series: Series, now: number): void {
    const { samples } = series;
    let drop = 0;
    while (drop < samples.length - 2 && samples[drop + 1]!.ts <= now - series.keepMs) drop++;
    drop = Math.max(drop, samples.length - MAX_SAMPLES);
    if (drop > 0) samples.splice(0, drop);
  }
}
