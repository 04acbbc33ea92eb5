/**
 * The `simulator` source kind: a seeded, deterministic plant (machine states with downtime and
 * reasons, counters, drifting process values). A poll source: the runtime owns the timer; each
 * poll returns every simulation step since the last one, on the step grid.
 */
import { readFile } from 'node:fs/promises';
import { CausewayError } from '../../core/errors.js';
import { rawTagPath } from '../../core/path.js';
import type { Sample, Value } from '../../core/sample.js';
import { durationMs } from '../../core/time.js';
import type { DeviceInfo, Source, SourceConnector, SourceContext } from '../types.js';
import { Simulation } from './engine.js';
import { simulatorDefinition } from './definition.js';
import { SimulatorConfigSchema, type SimulatorConfig } from './schema.js';
import { readTags, schemaProblem } from './tags.js';

export type { SimulatorConfig, SimulatorTag, SignalConfig } from './schema.js';
export { SimulatorConfigSchema, SimulatorTagSchema } from './schema.js';
export { Simulation, type StepValue } from './engine.js';
export { demoMachineTags, type DemoMachine } from './demo-tags.js';

export const DEFAULT_PERIOD_MS = 1000;
export const DEFAULT_MAX_CATCH_UP_STEPS = 3600;
const FALLBACK_VERSION = '0.1.0';

/** A running simulator; see simulatorSource. */
class SimulatorSource implements Source {
  readonly #ctx: SourceContext;
  readonly #sim: Simulation;
  readonly #periodMs: number;
  readonly #maxCatchUp: number;
  readonly #startTime: number | undefined;
  /** Epoch ms of step 0, set by the first connect(). */
  #start: number | undefined;
  /** The last step returned by poll(). */
  #last = -1;
  readonly #paths = new Map<string, string>();

  constructor(config: SimulatorConfig, ctx: SourceContext) {
    const invalid = (problem: string) => new CausewayError('CW_SOURCE_CONFIG_INVALID', { source: ctx.id, problem });
    const problem = schemaProblem(SimulatorConfigSchema, config ?? {}, 'config');
    if (problem) throw invalid(problem);
    this.#ctx = ctx;
    this.#periodMs = durationMs(config?.period, DEFAULT_PERIOD_MS);
    if (!(this.#periodMs >= 1)) throw invalid(`config.period must be at least 1 ms, not ${String(config?.period)}`);
    this.#maxCatchUp = config?.maxCatchUpSteps ?? DEFAULT_MAX_CATCH_UP_STEPS;
    this.#startTime = config?.startTime;
    const { ordered, problems } = readTags(ctx.tags);
    if (problems.length > 0) throw invalid(problems.join('; '));
    this.#sim = new Simulation(ordered, { seed: config?.seed ?? 1, periodMs: this.#periodMs });
  }

  async connect(_signal: AbortSignal): Promise<void> {
    // A reconnect continues the same series rather than starting it again.
    if (this.#start !== undefined) return;
    const raw = this.#startTime ?? this.#ctx.now();
    this.#start = Math.floor(raw / this.#periodMs) * this.#periodMs;
  }

  async poll(): Promise<Sample[]> {
    const start = this.#start;
    if (start === undefined) {
      throw new CausewayError('CW_SOURCE_READ_FAILED', { source: this.#ctx.id, reason: 'it was polled before it was connected' });
    }
    const target = Math.floor((this.#ctx.now() - start) / this.#periodMs);
    if (target <= this.#last) return [];
    let first = this.#last + 1;
    if (target - this.#last > this.#maxCatchUp) {
      const skipped = target - this.#last - this.#maxCatchUp;
      first = target - this.#maxCatchUp + 1;
      this.#ctx.logger.warn(
        { skipped, from: start + (this.#last + 1) * this.#periodMs, to: start + (first - 1) * this.#periodMs },
        `Simulator ${this.#ctx.id} fell behind by more than ${this.#maxCatchUp} steps and skipped ${skipped}; raise maxCatchUpSteps to keep them.`,
      );
    }
    const samples: Sample[] = [];
    for (let k = first; k <= target; k++) {
      const ts = start + k * this.#periodMs;
      for (const v of this.#sim.step(k)) samples.push({ path: this.#path(v.id), value: v.value, ts, quality: v.quality });
    }
    this.#last = target;
    return samples;
  }

  #path(tagId: string): string {
    let path = this.#paths.get(tagId);
    if (path === undefined) this.#paths.set(tagId, (path = rawTagPath(this.#ctx.id, tagId)));
    return path;
  }

  async discover(): Promise<DeviceInfo> {
    return { manufacturer: 'Causeway', product: 'Plant simulator', softwareVersion: await packageVersion() };
  }

  /** Set a setpoint tag; the value applies from the first step not yet returned at or after now. */
  async write(tagId: string, value: Value): Promise<void> {
    const now = this.#ctx.now();
    const from = this.#start === undefined ? 0 : Math.max(this.#last + 1, Math.ceil((now - this.#start) / this.#periodMs));
    const reason = this.#sim.write(tagId, value, from);
    if (reason) throw new CausewayError('CW_SOURCE_WRITE_REJECTED', { source: this.#ctx.id, tag: tagId, reason });
  }

  async close(): Promise<void> {}
}

let versionCache: Promise<string> | undefined;

/** The hub's package version, for the inventory; '0.1.0' when package.json cannot be read. */
function packageVersion(): Promise<string> {
  versionCache ??= readFile(new URL('../../../package.json', import.meta.url), 'utf8')
    .then((text) => {
      const version = (JSON.parse(text) as { version?: unknown }).version;
      return typeof version === 'string' ? version : FALLBACK_VERSION;
    })
    .catch(() => FALLBACK_VERSION);
  return versionCache;
}

/** The simulator source kind, loaded. */
export const simulatorSource: SourceConnector<SimulatorConfig> = {
  ...simulatorDefinition,
  create(config: SimulatorConfig, ctx: SourceContext): Source {
    return new SimulatorSource(config, ctx);
  },
};
