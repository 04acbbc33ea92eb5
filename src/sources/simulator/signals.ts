/**
 * Pure numeric signal generators. Time `t` is seconds since step 0; `k` is the step index.
 * Stateful generators (random walk, lag) are evaluated at increasing k and handle gaps (skipped
 * steps) with the exact n-step transition, so they never loop over skipped steps.
 */
import { gaussianAt } from './rng.js';

/** offset + amplitude * sin(2π t / periodSeconds + phase°). */
export function sineAt(s: { amplitude: number; periodSeconds: number; offset: number; phase?: number }, t: number): number {
  const phase = ((s.phase ?? 0) * Math.PI) / 180;
  return s.offset + s.amplitude * Math.sin((2 * Math.PI * t) / s.periodSeconds + phase);
}

/** A linear ramp from `from` to `to`; holds at `to` afterwards, or starts again when `repeat`. */
export function rampAt(s: { from: number; to: number; durationSeconds: number; repeat?: boolean }, t: number): number {
  const cycles = t / s.durationSeconds;
  const f = s.repeat ? cycles - Math.floor(cycles) : Math.min(1, Math.max(0, cycles));
  return s.from + (s.to - s.from) * f;
}

/** The level held at time t: levels in turn, each for holdSeconds, round and round. */
export function stepAt(s: { levels: readonly number[]; holdSeconds: number }, t: number): number {
  const i = Math.floor(t / s.holdSeconds + 1e-9) % s.levels.length;
  return s.levels[Math.max(0, i)]!;
}

/** Round to a multiple of `step`, without floating-point tails (0.30000000000000004) or -0. */
export function quantize(value: number, step: number): number {
  const decimals = decimalsOf(step);
  const rounded = Number((Math.round(value / step) * step).toFixed(decimals));
  return rounded === 0 ? 0 : rounded;
}

const decimalsCache = new Map<number, number>();

function decimalsOf(step: number): number {
  let d = decimalsCache.get(step);
  if (d === undefined) {
    d = countDecimals(step);
    if (decimalsCache.size < 1024) decimalsCache.set(step, d);
  }
  return d;
}

function countDecimals(step: number): number {
  for (let d = 0; d < 15; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return d;
  }
  return 15;
}

/** Fold a value back into [min, max] as a reflecting wall would, then clamp. */
export function reflect(value: number, min: number, max: number): number {
  let v = value;
  if (v > max) v = max - (v - max);
  if (v < min) v = min + (min - v);
  return Math.min(max, Math.max(min, v));
}

export interface RandomWalkSpec {
  start: number;
  step: number;
  min: number;
  max: number;
  meanReversion?: number;
}

/**
 * A mean-reverting random walk (discrete Ornstein–Uhlenbeck), one draw per step from a
 * counter-based stream; a gap of n steps uses the exact n-step distribution in one draw.
 */
export class RandomWalk {
  readonly #spec: RandomWalkSpec;
  readonly #stream: number;
  readonly #pull: number;
  readonly #sd: number;
  #k = 0;
  #x: number;

  constructor(spec: RandomWalkSpec, periodSeconds: number, stream: number) {
    this.#spec = spec;
    this.#stream = stream;
    this.#pull = 1 - (1 - (spec.meanReversion ?? 0)) ** periodSeconds;
    this.#sd = spec.step * Math.sqrt(periodSeconds);
    this.#x = Math.min(spec.max, Math.max(spec.min, spec.start));
  }

  /** The value at step k (k must not decrease between calls). */
  at(k: number): number {
    const n = k - this.#k;
    if (n <= 0) return this.#x;
    const keep = 1 - this.#pull;
    const decay = keep ** n;
    const variance = this.#pull > 0 ? (this.#sd ** 2 * (1 - decay ** 2)) / (1 - keep ** 2) : this.#sd ** 2 * n;
    const mean = this.#spec.start + (this.#x - this.#spec.start) * decay;
    this.#x = reflect(mean + Math.sqrt(variance) * gaussianAt(this.#stream, k), this.#spec.min, this.#spec.max);
    this.#k = k;
    return this.#x;
  }
}

/** A first-order lag (PT1) with time constant lagSeconds; across a gap the input is taken as constant. */
export class FirstOrderLag {
  readonly #keep: number;
  #k = -1;
  #y = 0;

  constructor(lagSeconds: number, periodSeconds: number) {
    this.#keep = lagSeconds > 0 ? Math.exp(-periodSeconds / lagSeconds) : 0;
  }

  /** The lagged value at step k for input x (k must not decrease between calls). */
  at(k: number, x: number): number {
    if (this.#k < 0) this.#y = x;
    else if (k > this.#k) this.#y = x + (this.#y - x) * this.#keep ** (k - this.#k);
    this.#k = k;
    return this.#y;
  }
}

/** Seconds into the current episode at time t, or undefined outside every episode. */
export function episodeAt(e: { firstSeconds: number; everySeconds?: number; durationSeconds: number }, t: number): number | undefined {
  if (t < e.firstSeconds) return undefined;
  const into = e.everySeconds === undefined ? t - e.firstSeconds : (t - e.firstSeconds) % e.everySeconds;
  return into < e.durationSeconds ? into : undefined;
}

/** How far an excursion moves the value at time t: up over the first quarter, held, back over the last quarter. */
export function excursionAt(e: { firstSeconds: number; everySeconds?: number; durationSeconds: number; by: number }, t: number): number {
  const into = episodeAt(e, t);
  if (into === undefined) return 0;
  const edge = e.durationSeconds / 4;
  return e.by * Math.min(1, into / edge, (e.durationSeconds - into) / edge) || 0;
}
