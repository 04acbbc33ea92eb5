/**
 * Trends for charts: per path at most four points a pixel column (M4, see m4.ts), which draw the
 * same line as every sample would. Backends with m4() compute the cells in SQL; the reference
 * streams the raw samples through M4Builder. Long ranges use a rollup when one is kept (see
 * README.md, Trends).
 */
import { CausewayError } from '../../core/errors.js';
import type { Historian, M4Query, TrendPoint } from '../types.js';
import { M4Builder, m4Spec, trendPoints } from './m4.js';
import type { M4Spec } from './m4.js';
import { scanRaw } from './raw.js';

/** A trend request: see queryTrend(). */
export interface TrendRequest {
  paths: readonly string[];
  /** Inclusive start, epoch ms. */
  from: number;
  /** Exclusive end, epoch ms. */
  to: number;
  /** Columns (pixels) to reduce to, 1 to 10 000: at most 4 points each. */
  pixels: number;
}

export interface TrendSeries {
  path: string;
  /** Good and uncertain samples only, in time order: each column's first, smallest, largest and last. */
  points: TrendPoint[];
}

export interface TrendAnswer {
  /** Column grain in ms: 1, or the rollup size whose buckets the columns were rounded to. */
  grain: number;
  series: TrendSeries[];
}

/** Options for tests: force the reference (`useBackend: false`) or a grain. */
export interface TrendOptions {
  useBackend?: boolean;
  grain?: number;
  pageSize?: number;
}

/** A column must span this many rollup buckets before a trend uses the rollup. */
export const BUCKETS_PER_COLUMN = 8;
/** Ranges up to this long always read raw samples. */
export const RAW_TREND_SPAN_MS = 86_400_000;

/** The largest rollup (of `sizes`) that fits BUCKETS_PER_COLUMN times in a column of a long range; else 1. */
export function trendGrain(spec: Pick<M4Spec, 'from' | 'to' | 'pixels'>, sizes: readonly number[]): number {
  const span = spec.to - spec.from;
  if (span <= RAW_TREND_SPAN_MS) return 1;
  const fits = sizes.filter((r) => r * BUCKETS_PER_COLUMN * spec.pixels <= span);
  return fits.length > 0 ? Math.max(...fits) : 1;
}

/** Check a request: whole-ms bounds (as raw reads round them) and pixels; throws CW_HISTORIAN_QUERY_INVALID. */
export function planTrend(req: TrendRequest, grain: number): { paths: string[]; q: M4Query; spec: M4Spec } {
  const paths = [...new Set(req.paths)];
  const invalid = (problem: string) => new CausewayError('CW_HISTORIAN_QUERY_INVALID', { problem });
  if (paths.length === 0) throw invalid('no paths were given');
  if (!Number.isFinite(req.from) || !Number.isFinite(req.to)) throw invalid('from and to must be times in epoch milliseconds');
  const q: M4Query = { paths, from: Math.ceil(req.from), to: Math.ceil(req.to), pixels: req.pixels, grain };
  const spec = m4Spec(q);
  if (typeof spec === 'string') throw invalid(spec);
  return { paths, q, spec };
}

/**
 * The trend of each path over [from, to) reduced to `pixels` columns, in the order of `paths`:
 * every column's first, last, smallest and largest good or uncertain sample, deduplicated, in
 * time order. Numbers and booleans (as 1/0) have all four; strings their first and last.
 */
export async function queryTrend(historian: Historian, req: TrendRequest, options: TrendOptions = {}): Promise<TrendAnswer> {
  const sizes = historian.rollupSizes?.() ?? [];
  const grain = options.grain ?? trendGrain({ from: req.from, to: req.to, pixels: req.pixels }, sizes);
  const { paths, q, spec } = planTrend(req, grain);
  const builder = new M4Builder(spec);
  if (historian.m4 !== undefined && options.useBackend !== false) {
    for (const cell of await historian.m4(q)) builder.addCell(cell);
  } else {
    for await (const page of scanRaw(historian, q, options.pageSize ?? 10_000)) for (const s of page) builder.addSample(s);
  }
  return { grain, series: paths.map((path) => ({ path, points: trendPoints(builder.cellsOf(path)) })) };
}
