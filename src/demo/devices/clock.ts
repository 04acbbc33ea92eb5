/**
 * A simulated device's heartbeat: the simulator engine (seeded) stepped once per period on the
 * wall-clock grid. Step k is `epoch + k * period`; all devices of one demo share the epoch, so a
 * restarted device continues the same series (its counters do not start again from zero) — much
 * like a PLC with retentive memory.
 */
import type { TagConfig } from '../../config/schema.js';
import type { Value } from '../../core/sample.js';
import type { DemoTag } from '../../sources/simulator/demo-tags.js';
import { Simulation, type StepValue } from '../../sources/simulator/index.js';
import { readTags } from '../../sources/simulator/tags.js';

/** The values of one step. */
export interface PlantStep {
  k: number;
  /** Epoch ms of the step. */
  ts: number;
  values: ReadonlyMap<string, StepValue>;
}

export interface PlantClockOptions {
  seed: number;
  /** Epoch ms of step 0 (aligned down to the period). */
  epochMs: number;
  periodMs?: number;
  onStep(step: PlantStep): void;
  now?: () => number;
}

/** The simulation of a device's tags, stepping on the wall-clock grid once started. */
export class PlantClock {
  readonly #sim: Simulation;
  readonly #opts: Required<Omit<PlantClockOptions, 'onStep'>> & Pick<PlantClockOptions, 'onStep'>;
  #last = -1;
  #current: PlantStep | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running = false;

  constructor(tags: readonly DemoTag[], opts: PlantClockOptions) {
    const { ordered, problems } = readTags(tags as unknown as TagConfig[]);
    if (problems.length > 0) throw new Error(`the device's simulator tags are invalid: ${problems.join('; ')}`);
    const periodMs = opts.periodMs ?? 1000;
    this.#opts = { ...opts, periodMs, now: opts.now ?? Date.now, epochMs: Math.floor(opts.epochMs / periodMs) * periodMs };
    this.#sim = new Simulation(ordered, { seed: opts.seed, periodMs });
  }

  /** The latest step (after start(), there always is one). */
  get current(): PlantStep | undefined {
    return this.#current;
  }

  /** Step to now, then on every grid boundary until stop(). */
  start(): void {
    this.#running = true;
    this.tick();
  }

  stop(): void {
    this.#running = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Compute the step of the current grid slot if not done yet (skipped slots are not generated). */
  tick(): void {
    const { now, epochMs, periodMs } = this.#opts;
    const t = now();
    const k = Math.max(0, Math.floor((t - epochMs) / periodMs));
    if (k > this.#last) {
      this.#last = k;
      const values = new Map(this.#sim.step(k).map((v) => [v.id, v]));
      this.#current = { k, ts: epochMs + k * periodMs, values };
      this.#opts.onStep(this.#current);
    }
    if (!this.#running) return;
    // A few ms past the boundary, so the timer never fires just before it.
    const next = epochMs + (k + 1) * periodMs + 5 - t;
    this.#timer = setTimeout(() => this.tick(), Math.max(1, next));
  }

  /** Write a setpoint tag; it applies from the next step. Returns why not, when it cannot. */
  write(tagId: string, value: Value): string | undefined {
    return this.#sim.write(tagId, value, this.#last + 1);
  }
}
