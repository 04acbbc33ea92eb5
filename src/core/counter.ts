/**
 * Counter arithmetic, the one rule every counter figure uses: history `delta` (raw and rollups,
 * both backends), exports, the CLI, rate() in calculations and production's good and total counts. A counter only grows;
 * a drop is a rollover (it wrapped at its range) or a reset to 0, as the attribute declares.
 */

/** What a drop of a counter means: a wrap at `rolloverAt`, a reset to 0, or (auto) whichever is plausible. */
export const COUNTER_DROPS = ['auto', 'rollover', 'reset'] as const;
export type CounterDrop = (typeof COUNTER_DROPS)[number];

/** How one counter counts: its range, and what a drop means (default: auto with a range, reset without). */
export interface CounterRule {
  /** The counter wraps to 0 on reaching this (65536 for a 16-bit counter). */
  rolloverAt?: number;
  onDrop?: CounterDrop;
}

/** The range of a counter declared by `rolloverAt` or a bit width (`bits: 16` wraps at 65536). */
export function counterRange(c: { rolloverAt?: number; bits?: number }): number | undefined {
  return c.rolloverAt ?? (c.bits !== undefined ? 2 ** c.bits : undefined);
}

/** The drop rule in force: `reset` without a range; with one, the declared rule or `auto`. */
export function dropRule(rule: CounterRule | undefined): CounterDrop {
  if (rule?.rolloverAt === undefined) return 'reset';
  return rule.onDrop ?? 'auto';
}

/**
 * The increase from `prev` to `cur`. A drop under `rollover` counts rolloverAt - prev + cur;
 * under `reset`, cur (counting restarted at 0); under `auto`, a rollover when the increase it
 * implies is less than half the range (a 16-bit counter zeroed at an order change is a reset).
 */
export function counterIncrease(prev: number, cur: number, rule: CounterRule | undefined): number {
  if (cur >= prev) return cur - prev;
  const drop = dropRule(rule);
  if (drop === 'reset') return cur;
  const wrapped = rule!.rolloverAt! - prev + cur;
  return drop === 'rollover' || wrapped < rule!.rolloverAt! / 2 ? wrapped : cur;
}

/**
 * True when a rollup's per-bucket drop figures (how many, and the sum of the values before them)
 * give this counter's increase: every drop must mean the same thing, so `auto` with a range reads
 * raw samples instead.
 */
export function rollupCounts(rule: CounterRule | undefined): boolean {
  return dropRule(rule) !== 'auto';
}

/** The increase inside one rollup bucket: last - first, plus per drop the rollover or the value before it. */
export function rollupIncrease(b: { firstX: number; lastX: number; drops: number; dropPrev: number }, rule: CounterRule | undefined): number {
  return b.lastX - b.firstX + (dropRule(rule) === 'rollover' ? b.drops * rule!.rolloverAt! : b.dropPrev);
}
