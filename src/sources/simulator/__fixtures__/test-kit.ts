/** Helpers for the simulator's tests: a source context with a settable clock and a logger spy. */
import type { Logger } from 'pino';
import type { TagConfig } from '../../../config/schema.js';
import type { Sample } from '../../../core/sample.js';
import type { Source, SourceContext } from '../../types.js';
import { simulatorSource, type SimulatorConfig } from '../index.js';

export interface TestRig {
  source: Source;
  ctx: SourceContext;
  /** Set the fake wall clock, epoch ms. */
  setNow(ms: number): void;
  /** Every logger.warn call: [object, message]. */
  warnings: unknown[][];
}

/** A simulator source over `tags` with a fake clock starting at `now` (default 1 000 000 ms). */
export function rig(config: SimulatorConfig, tags: readonly Record<string, unknown>[], now = 1_000_000): TestRig {
  let clock = now;
  const warnings: unknown[][] = [];
  const noop = () => undefined;
  const logger = { warn: (...args: unknown[]) => warnings.push(args), info: noop, debug: noop, error: noop, trace: noop, fatal: noop } as unknown as Logger;
  const ctx: SourceContext = {
    id: 'sim',
    zone: 'ot',
    logger,
    tags: tags as unknown as TagConfig[],
    dataDir: '/nonexistent/simulator-needs-no-data-dir',
    commandsAllowed: false,
    now: () => clock,
    reportError: noop,
  };
  return { source: simulatorSource.create(config, ctx), ctx, setNow: (ms) => (clock = ms), warnings };
}

/** Values of one tag from a list of samples, in time order. */
export function series(samples: readonly Sample[], tagId: string): Sample[] {
  return samples.filter((s) => s.path === `sim/${tagId}`);
}

/** Connect and poll once at `at`, returning the samples. */
export async function runUntil(r: TestRig, at: number): Promise<Sample[]> {
  await r.source.connect(new AbortController().signal);
  r.setNow(at);
  return r.source.poll!();
}

/** Mean and standard deviation of numbers. */
export function stats(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return { mean, sd };
}
