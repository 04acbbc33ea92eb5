/**
 * Pure parts of the trend view: the time range from the URL, how to ask the hub for a range
 * (M4 from /api/v1/trend, or raw samples for short ranges and averages per bucket for long ones
 * from /api/v1/history), and the series lined up for uPlot.
 */

export interface Range {
  from: number;
  to: number;
}

export type Plan = { kind: 'trend'; pixels: number } | { kind: 'raw' } | { kind: 'agg'; interval: string; intervalMs: number };

/** Above this span, /api/v1/history is asked for averages per bucket instead of every sample. */
export const RAW_MAX_SPAN_MS = 2 * 3_600_000;
export const DEFAULT_SPAN = '-1h';
export const PRESETS: ReadonlyArray<{ label: string; from: string }> = [
  { label: '15 min', from: '-15m' },
  { label: '1 hour', from: '-1h' },
  { label: '8 hours', from: '-8h' },
  { label: '24 hours', from: '-24h' },
  { label: '7 days', from: '-7d' },
];

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "-15m", "-2h", "-7d" → milliseconds before now; an epoch-ms number as is; undefined for anything else. */
export function parseTime(text: string | null | undefined, now: number): number | undefined {
  if (!text) return undefined;
  const rel = /^-(\d+)([smhd])$/.exec(text);
  if (rel) return now - Number(rel[1]) * UNIT_MS[rel[2]!]!;
  return /^\d{10,}$/.test(text) ? Number(text) : undefined;
}

/** The range the URL asks for: `from` relative or absolute, `to` absent for "until now". */
export function resolveRange(from: string | null, to: string | null, now: number): Range {
  const end = parseTime(to, now) ?? now;
  const start = parseTime(from, now) ?? parseTime(DEFAULT_SPAN, end)!;
  return start < end ? { from: start, to: end } : { from: end - 3_600_000, to: end };
}

const STEPS: ReadonlyArray<[string, number]> = [
  ['1s', 1000], ['2s', 2000], ['5s', 5000], ['10s', 10_000], ['15s', 15_000], ['30s', 30_000],
  ['1m', 60_000], ['2m', 120_000], ['5m', 300_000], ['10m', 600_000], ['15m', 900_000], ['30m', 1_800_000],
  ['1h', 3_600_000], ['2h', 7_200_000], ['3h', 10_800_000], ['6h', 21_600_000], ['12h', 43_200_000], ['1d', 86_400_000],
];

/** The smallest round bucket that gives at most `pixels` buckets over `spanMs`. */
export function bucketFor(spanMs: number, pixels: number): { interval: string; intervalMs: number } {
  const wanted = spanMs / Math.max(1, pixels);
  const step = STEPS.find(([, ms]) => ms >= wanted) ?? STEPS[STEPS.length - 1]!;
  return { interval: step[0], intervalMs: step[1] };
}

/** How to ask for a range drawn `pixels` wide: M4 when the hub has it, else raw or bucketed averages. */
export function planQuery(range: Range, pixels: number, hasTrend: boolean): Plan {
  const px = Math.max(50, Math.min(4000, Math.round(pixels)));
  if (hasTrend) return { kind: 'trend', pixels: px };
  if (range.to - range.from <= RAW_MAX_SPAN_MS) return { kind: 'raw' };
  return { kind: 'agg', ...bucketFor(range.to - range.from, px) };
}

/** What the chart shows, in words. */
export function describePlan(plan: Plan, grainMs?: number): string {
  if (plan.kind === 'trend') return `first, last, min and max per pixel column (M4, ${plan.pixels} columns${grainMs && grainMs > 1 ? `, ${grainMs / 1000} s grain` : ''})`;
  if (plan.kind === 'raw') return 'every stored sample';
  return `average per ${plan.interval} bucket`;
}

export interface PenSeries {
  path: string;
  unit?: string;
  /** [epoch ms, value]; null where the value is not a number (a state text). */
  points: Array<[number, number | null]>;
}

/** A sample value as a y coordinate: numbers as they are, booleans 0/1, text not drawn. */
export function toY(v: number | boolean | string | null): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

/** uPlot's aligned columns: shared x in seconds, one y array per pen, null where a pen has no point. */
export function align(series: readonly PenSeries[]): [number[], ...Array<Array<number | null>>] {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const ys = series.map((s) => {
    const y: Array<number | null> = new Array<number | null>(xs.length).fill(null);
    for (const [t, v] of s.points) y[index.get(t)!] = v;
    return y;
  });
  return [xs.map((x) => x / 1000), ...ys];
}

/** Last, smallest and largest drawn value of a pen. */
export function stats(points: ReadonlyArray<[number, number | null]>): { last?: number; min?: number; max?: number } {
  let last: number | undefined;
  let min = Infinity;
  let max = -Infinity;
  for (const [, v] of points) {
    if (v === null) continue;
    last = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return last === undefined ? {} : { last, min, max };
}

/** Zoom around a point: factor < 1 zooms in. `at` is where the pointer is, as a fraction of the width. */
export function zoom(range: Range, factor: number, at = 0.5): Range {
  const span = range.to - range.from;
  const center = range.from + span * at;
  const next = Math.max(1000, span * factor);
  return { from: Math.round(center - next * at), to: Math.round(center + next * (1 - at)) };
}

/** Move the range by a fraction of its width (negative: back in time). */
export function pan(range: Range, fraction: number): Range {
  const shift = Math.round((range.to - range.from) * fraction);
  return { from: range.from + shift, to: range.to + shift };
}
