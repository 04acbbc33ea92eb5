/**
 * Deadband (report by exception): decide whether a sample differs enough from the last *stored*
 * sample of its path to be worth storing. Pure: no timers, no I/O; time is the samples' own `ts`.
 *
 * A sample passes when it is the first of its path, its quality or value type changed, a boolean
 * or string changed at all, a number moved strictly more than the deadband, or the last stored
 * sample is at least `maxIntervalMs` old (heartbeat). The reference is the last *stored* value,
 * so a slow drift of many small steps is stored once it adds up to more than the deadband.
 */
import type { Quality, Sample, Value } from './sample.js';

/** The deadband of one path. Thresholds are in engineering units (after scale and offset). */
export interface DeadbandSpec {
  /** Store when |value - stored| > absolute. */
  absolute?: number;
  /**
   * Store when |value - stored| > percent × span / 100. Without a span, the percent is taken of
   * the magnitude of the last stored value (so a stored 0 lets any change through).
   * When both absolute and percent are set, exceeding either one stores the sample.
   */
  percent?: number;
  /** Engineering range the percent is taken of, e.g. 0..150 bar gives span 150. */
  span?: number;
  /** Heartbeat: store an unchanged value when the last stored one is at least this old. None when absent. */
  maxIntervalMs?: number;
}

/** Why a sample passed or not. */
export type DeadbandDecision =
  | 'first'
  | 'quality_changed'
  | 'type_changed'
  | 'changed'
  | 'heartbeat'
  | 'out_of_order'
  | 'filtered';

/** The one small record kept per path. */
interface Reference {
  value: Value;
  ts: number;
  quality: Quality;
}

/** True when a decision lets the sample through. */
export function passes(decision: DeadbandDecision): boolean {
  return decision !== 'filtered';
}

/** The smallest change that passes: the lower of the absolute and percent thresholds. */
export function deadbandThreshold(spec: DeadbandSpec, reference: number): number {
  let threshold = Number.POSITIVE_INFINITY;
  if (spec.absolute !== undefined) threshold = spec.absolute;
  if (spec.percent !== undefined) {
    const base = spec.span ?? Math.abs(reference);
    threshold = Math.min(threshold, (spec.percent * base) / 100);
  }
  // Only a heartbeat configured: any change passes, only exact repeats are suppressed.
  return threshold === Number.POSITIVE_INFINITY ? 0 : threshold;
}

/** Compare a sample with its reference, without side effects. */
function judge(sample: Sample, ref: Reference | undefined, spec: DeadbandSpec): DeadbandDecision {
  if (!ref) return 'first';
  if (sample.ts < ref.ts) return 'out_of_order';
  if (sample.quality !== ref.quality) return 'quality_changed';
  if (typeof sample.value !== typeof ref.value) return 'type_changed';
  if (movedEnough(sample.value, ref.value, spec)) return 'changed';
  if (spec.maxIntervalMs !== undefined && sample.ts - ref.ts >= spec.maxIntervalMs) return 'heartbeat';
  return 'filtered';
}

/** A number moved strictly more than the deadband; a boolean or string changed at all. */
function movedEnough(value: Value, reference: Value, spec: DeadbandSpec): boolean {
  if (typeof value === 'number' && typeof reference === 'number') {
    return Math.abs(value - reference) > deadbandThreshold(spec, reference);
  }
  return value !== reference;
}

/** Deadband state of many paths: one reference record per path. */
/** The references a filter() moved, as they were before, for restore(). */
export type DeadbandUndo = Array<[string, Reference | undefined]>;

export class DeadbandFilter {
  readonly #refs = new Map<string, Reference>();

  /**
   * Decide for one sample and, when it passes in order, make it the path's new reference.
   * Without a spec every sample passes and nothing is remembered.
   */
  decide(sample: Sample, spec: DeadbandSpec | undefined, undo?: DeadbandUndo): DeadbandDecision {
    if (!spec) return 'changed';
    const ref = this.#refs.get(sample.path);
    const decision = judge(sample, ref, spec);
    if (decision === 'filtered' || decision === 'out_of_order') return decision;
    undo?.push([sample.path, ref ? { ...ref } : undefined]);
    if (ref) {
      ref.value = sample.value;
      ref.ts = sample.ts;
      ref.quality = sample.quality;
    } else {
      this.#refs.set(sample.path, { value: sample.value, ts: sample.ts, quality: sample.quality });
    }
    return decision;
  }

  /** Split a batch into the samples to store and those the deadband suppressed, keeping order. */
  filter(batch: readonly Sample[], specOf: (path: string) => DeadbandSpec | undefined, undo?: DeadbandUndo): { passed: Sample[]; filtered: Sample[] } {
    const passed: Sample[] = [];
    const filtered: Sample[] = [];
    for (const sample of batch) {
      if (passes(this.decide(sample, specOf(sample.path), undo))) passed.push(sample);
      else filtered.push(sample);
    }
    return { passed, filtered };
  }

  /** Put back the references a filter() moved (its batch was not accepted after all), newest first. */
  restore(undo: DeadbandUndo): void {
    for (let i = undo.length - 1; i >= 0; i--) {
      const [path, ref] = undo[i]!;
      if (ref) this.#refs.set(path, ref);
      else this.#refs.delete(path);
    }
  }

  /** Forget the reference of every path the predicate selects (a source removed or reconfigured). */
  forget(select: (path: string) => boolean): void {
    for (const path of this.#refs.keys()) if (select(path)) this.#refs.delete(path);
  }

  /** Number of paths with a reference. */
  get size(): number {
    return this.#refs.size;
  }
}
