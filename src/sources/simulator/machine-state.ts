/**
 * A machine's state over time as a semi-Markov chain: running, then idle or down (chosen by
 * weight), then running again. Durations are Erlang-2 distributed around each state's mean
 * ("exponential-ish", without a pile of zero-length stops) and whole steps long, so a state holds
 * for the whole interval [t_k, t_k+1) and counters can integrate running time exactly.
 * The events come from one sequential stream per tag, so any step can be asked for in any order
 * of polls and the answer depends only on the seed, the config and k. An `opening` scripts the
 * first states (a demo's stop in its first minutes); the random chain follows it.
 */
import { mulberry32, pickWeighted } from './rng.js';
import type { MachineStateConfig, StateName } from './schema.js';

export const DEFAULT_CODES: Readonly<Record<StateName, number>> = { running: 1, idle: 2, down: 3 };
export const DEFAULT_DOWN_REASONS = [{ code: 1, label: 'unspecified', weight: 1 }] as const;

/** One stretch of a single state: steps [start, end). `reason` indexes downReasons, -1 when not down. */
export interface StateEvent {
  readonly start: number;
  readonly end: number;
  readonly state: StateName;
  readonly reason: number;
  /** Running steps before `start`. */
  readonly runningBefore: number;
}

/** Long-run share of time in each state the config implies (for docs and tests). */
export function expectedShares(cfg: MachineStateConfig): Record<StateName, number> {
  const { running, idle, down } = cfg.states;
  const wi = idle ? (idle.weight ?? 1) : 0;
  const wd = down ? (down.weight ?? 1) : 0;
  const sum = wi + wd;
  const mi = sum > 0 && idle ? (wi / sum) * idle.meanSeconds : 0;
  const md = sum > 0 && down ? (wd / sum) * down.meanSeconds : 0;
  const cycle = running.meanSeconds + mi + md;
  return { running: running.meanSeconds / cycle, idle: mi / cycle, down: md / cycle };
}

/** The event timeline of one machine-state tag, generated lazily and pruned behind the last step asked for. */
export class MachineTimeline {
  readonly config: MachineStateConfig;
  readonly #periodSeconds: number;
  readonly #next: () => number;
  readonly #events: StateEvent[] = [];
  #retainSteps = 1;

  constructor(config: MachineStateConfig, periodSeconds: number, stream: number) {
    this.config = config;
    this.#periodSeconds = periodSeconds;
    this.#next = mulberry32(stream);
    if (config.opening) {
      this.#script(config.opening);
      return;
    }
    const initial = config.initial && config.states[config.initial] ? config.initial : 'running';
    this.#events.push(this.#event(initial, 0, 0));
  }

  /** The scripted start: each state for its seconds (at least a step), then the random chain. */
  #script(opening: NonNullable<MachineStateConfig['opening']>): void {
    let start = 0;
    let runningBefore = 0;
    for (const o of opening) {
      const length = Math.max(1, Math.round(o.seconds / this.#periodSeconds));
      const reason = o.state !== 'down' ? -1 : Math.max(0, this.#reasons().findIndex((r) => r.code === o.reason));
      this.#events.push({ start, end: start + length, state: o.state, reason, runningBefore });
      if (o.state === 'running') runningBefore += length;
      start += length;
    }
  }

  /** Keep at least this many steps of history behind the latest step asked for (counter resets look back). */
  retain(steps: number): void {
    this.#retainSteps = Math.max(this.#retainSteps, Math.ceil(steps) + 1);
  }

  /** The event covering step k. */
  eventAt(k: number): StateEvent {
    let last = this.#events[this.#events.length - 1]!;
    while (last.end <= k) {
      last = this.#event(this.#following(last.state), last.end, last.runningBefore + (last.state === 'running' ? last.end - last.start : 0));
      this.#events.push(last);
    }
    const e = this.#find(k);
    this.#prune(k);
    return e;
  }

  /** The state during step k. */
  stateAt(k: number): StateName {
    return this.eventAt(k).state;
  }

  /** The emitted code of the state during step k. */
  codeAt(k: number): number {
    const state = this.stateAt(k);
    return this.config.states[state]?.code ?? DEFAULT_CODES[state];
  }

  /** The emitted label of the state during step k. */
  labelAt(k: number): string {
    const state = this.stateAt(k);
    return this.config.states[state]?.label ?? state;
  }

  /** The current down reason during step k, or undefined when not down. */
  reasonAt(k: number): { code: number; label: string } | undefined {
    const e = this.eventAt(k);
    return e.state === 'down' ? this.#reasons()[e.reason] : undefined;
  }

  /** Steps spent running in [0, k). */
  runningStepsBefore(k: number): number {
    const e = this.eventAt(k);
    return e.runningBefore + (e.state === 'running' ? k - e.start : 0);
  }

  #reasons(): readonly { code: number; label: string; weight: number }[] {
    return this.config.downReasons ?? DEFAULT_DOWN_REASONS;
  }

  #event(state: StateName, start: number, runningBefore: number): StateEvent {
    const spec = this.config.states[state]!;
    const meanSteps = spec.meanSeconds / this.#periodSeconds;
    const alone = state === 'running' && !this.config.states.idle && !this.config.states.down;
    // Erlang-2: the sum of two exponentials of half the mean.
    const draw = (-meanSteps / 2) * (Math.log(1 - this.#next()) + Math.log(1 - this.#next()));
    const length = alone ? Number.POSITIVE_INFINITY : Math.max(1, Math.round(draw));
    const reason = state === 'down' ? pickWeighted(this.#reasons().map((r) => r.weight), this.#next()) : -1;
    return { start, end: start + length, state, reason, runningBefore };
  }

  #following(state: StateName): StateName {
    if (state !== 'running') return 'running';
    const { idle, down } = this.config.states;
    if (!idle) return 'down';
    if (!down) return 'idle';
    return pickWeighted([idle.weight ?? 1, down.weight ?? 1], this.#next()) === 0 ? 'idle' : 'down';
  }

  #find(k: number): StateEvent {
    const events = this.#events;
    if (k < events[0]!.start) throw new RangeError(`step ${k} is older than the kept history (from step ${events[0]!.start})`);
    let lo = 0;
    let hi = events.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (events[mid]!.start <= k) lo = mid;
      else hi = mid - 1;
    }
    return events[lo]!;
  }

  #prune(k: number): void {
    const keepFrom = k - this.#retainSteps;
    let drop = 0;
    while (drop < this.#events.length - 1 && this.#events[drop]!.end <= keepFrom) drop++;
    if (drop > 0) this.#events.splice(0, drop);
  }
}
