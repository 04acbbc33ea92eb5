/**
 * The simulation: one value per tag per step, computed in dependency order. Every random draw is
 * addressed by (seed, tag id, purpose, step), so the value at step k depends only on the seed,
 * the tags' config, k and the setpoints written — never on how the steps were split into polls.
 */
import { coerceValue, type Quality, type Value, type ValueType } from '../../core/sample.js';
import { counterAt, resetSteps } from './counter.js';
import { MachineTimeline } from './machine-state.js';
import { naturalType, type SimTag } from './plan.js';
import { gaussianAt, streamSeed, uniformAt } from './rng.js';
import type { SignalConfig } from './schema.js';
import { episodeAt, excursionAt, FirstOrderLag, quantize, rampAt, RandomWalk, sineAt, stepAt } from './signals.js';

/** One tag's value at one step. */
export interface StepValue {
  id: string;
  value: Value;
  quality: Quality;
}

/** Holds a setpoint value; writes take effect from a given step on. */
class Setpoint {
  #value: Value;
  readonly #pending: { step: number; value: Value }[] = [];

  constructor(initial: Value) {
    this.#value = initial;
  }

  set(value: Value, fromStep: number): void {
    this.#pending.push({ step: fromStep, value });
    this.#pending.sort((a, b) => a.step - b.step);
  }

  at(k: number): Value {
    while (this.#pending.length > 0 && this.#pending[0]!.step <= k) this.#value = this.#pending.shift()!.value;
    return this.#value;
  }
}

/** The signals that carry the numeric extras (noise, quantize, whileRunning). */
type NumericSignal = Exclude<SignalConfig, { kind: 'machine-state' | 'reason' | 'state-is' | 'counter' | 'setpoint' }>;

interface Runner {
  readonly tag: SimTag;
  readonly type: ValueType;
  /** The clean value at step k: what dependants see (no noise, no quantization). */
  clean(k: number): Value;
  /** The emitted value at step k from the clean one: noise, quantization, the tag's type. */
  emit(k: number, clean: Value): Value;
  readonly qualityStream: number;
  readonly timeline?: MachineTimeline;
  readonly setpoint?: Setpoint;
}

/** A running simulation of a set of tags already in dependency order (see planTags). */
export class Simulation {
  readonly periodSeconds: number;
  readonly #seed: number;
  readonly #runners: Runner[] = [];
  readonly #byId = new Map<string, Runner>();
  readonly #clean = new Map<string, Value>();

  constructor(ordered: readonly SimTag[], options: { seed: number; periodMs: number }) {
    this.#seed = options.seed;
    this.periodSeconds = options.periodMs / 1000;
    for (const tag of ordered) {
      const runner = this.#build(tag);
      this.#runners.push(runner);
      this.#byId.set(tag.id, runner);
    }
  }

  /** Every tag's value at step k; k must increase between calls (gaps are fine). */
  step(k: number): StepValue[] {
    const out: StepValue[] = [];
    for (const r of this.#runners) {
      const clean = r.clean(k);
      this.#clean.set(r.tag.id, clean);
      // A sensor dropping out reports nothing; what depends on it goes on.
      if (r.tag.dropouts && episodeAt(r.tag.dropouts, k * this.periodSeconds) !== undefined) continue;
      const bad = r.tag.badQualityRate !== undefined && uniformAt(r.qualityStream, k) < r.tag.badQualityRate;
      out.push({ id: r.tag.id, value: r.emit(k, clean), quality: bad ? 'bad' : 'good' });
    }
    return out;
  }

  /** True when the tag is a setpoint and so accepts writes. */
  isWritable(tagId: string): boolean {
    return this.#byId.get(tagId)?.setpoint !== undefined;
  }

  /**
   * Set a setpoint tag from step `fromStep` on. Returns why not when it cannot: an unknown tag,
   * a tag that is not a setpoint, or a value that does not fit the setpoint's type.
   */
  write(tagId: string, value: Value, fromStep: number): string | undefined {
    const r = this.#byId.get(tagId);
    if (!r) return 'there is no such tag';
    if (!r.setpoint) return `its signal is ${r.tag.signal.kind}; only setpoint tags accept writes`;
    const want = naturalType(r.tag.signal);
    const coerced = coerceValue(value, want);
    if (coerced === undefined) return `${JSON.stringify(value)} is not a ${want}`;
    r.setpoint.set(coerced, fromStep);
    return undefined;
  }

  #stream(tag: SimTag, purpose: string): number {
    return streamSeed(this.#seed, tag.id, purpose);
  }

  #timeline(id: string): MachineTimeline {
    return this.#byId.get(id)!.timeline!;
  }

  #build(tag: SimTag): Runner {
    const s = tag.signal;
    const type = tag.type ?? naturalType(s);
    const qualityStream = this.#stream(tag, 'quality');
    const plain = (k: number, v: Value): Value => coerceValue(v, type) ?? v;
    switch (s.kind) {
      case 'machine-state': {
        const timeline = new MachineTimeline(s, this.periodSeconds, this.#stream(tag, 'states'));
        const emit = (k: number, v: Value): Value => (type === 'string' ? timeline.labelAt(k) : plain(k, v));
        return { tag, type, qualityStream, timeline, clean: (k) => timeline.codeAt(k), emit };
      }
      case 'reason': {
        const timeline = this.#timeline(s.tag);
        const emit = (k: number, v: Value): Value => (type === 'string' ? (timeline.reasonAt(k)?.label ?? 'none') : plain(k, v));
        return { tag, type, qualityStream, clean: (k) => timeline.reasonAt(k)?.code ?? 0, emit };
      }
      case 'state-is': {
        const timeline = this.#timeline(s.tag);
        return { tag, type, qualityStream, clean: (k) => timeline.stateAt(k) === s.state, emit: plain };
      }
      case 'counter': {
        const timeline = s.whileRunning === undefined ? undefined : this.#timeline(s.whileRunning);
        const every = resetSteps(s, this.periodSeconds);
        if (timeline && every !== undefined) timeline.retain(every);
        const running = timeline ? (j: number) => timeline.runningStepsBefore(j) : (j: number) => j;
        return { tag, type, qualityStream, clean: (k) => counterAt(s, this.periodSeconds, k, running), emit: plain };
      }
      case 'setpoint': {
        const setpoint = new Setpoint(s.value);
        return { tag, type, qualityStream, setpoint, clean: (k) => setpoint.at(k), emit: plain };
      }
      default:
        return this.#numeric(tag, s, type, qualityStream);
    }
  }

  /** Signals with the numeric extras: whileRunning gating, noise, quantize. */
  #numeric(tag: SimTag, s: NumericSignal, type: ValueType, qualityStream: number): Runner {
    const base = this.#base(tag, s);
    const gate = s.whileRunning === undefined ? undefined : this.#timeline(s.whileRunning);
    const stopped = (k: number): boolean => gate !== undefined && gate.stateAt(k) !== 'running';
    const noiseStream = this.#stream(tag, 'noise');
    const clean = (k: number): Value => {
      let v = base(k); // always advanced, so hidden dynamics go on while the machine stands
      if (s.excursions && typeof v === 'number') v += excursionAt(s.excursions, k * this.periodSeconds);
      return stopped(k) ? (s.stoppedValue ?? 0) : v;
    };
    const emit = (k: number, v: Value): Value => {
      let out = v;
      if (typeof out === 'number' && !stopped(k)) {
        if (s.noise && s.noise.stddev > 0) out += s.noise.stddev * gaussianAt(noiseStream, k);
        if (s.quantize) out = quantize(out, s.quantize.step);
      }
      return coerceValue(out, type) ?? out;
    };
    return { tag, type, qualityStream, clean, emit };
  }

  #base(tag: SimTag, s: NumericSignal): (k: number) => Value {
    const t = (k: number): number => k * this.periodSeconds;
    switch (s.kind) {
      case 'constant':
        return () => s.value;
      case 'sine':
        return (k) => sineAt(s, t(k));
      case 'ramp':
        return (k) => rampAt(s, t(k));
      case 'step':
        return (k) => stepAt(s, t(k));
      case 'random-walk': {
        const walk = new RandomWalk(s, this.periodSeconds, this.#stream(tag, 'walk'));
        return (k) => walk.at(k);
      }
      case 'follow': {
        const lag = new FirstOrderLag(s.lagSeconds ?? 0, this.periodSeconds);
        return (k) => {
          const input = this.#clean.get(s.tag);
          const x = typeof input === 'number' ? input : input === true ? 1 : 0;
          return lag.at(k, s.gain * x + s.offset);
        };
      }
    }
  }
}
