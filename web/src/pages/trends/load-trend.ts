/** Ask the hub for the pens' history over a range, as the plan says. */
import { get } from '../../api/client';
import { toY, type PenSeries, type Plan, type Range } from './trend-query';

export interface Loaded {
  series: PenSeries[];
  /** Column rounding of an M4 answer, ms. */
  grain?: number;
  /** True when raw history had more samples than one page. */
  truncated?: boolean;
}

const RAW_LIMIT = 100_000;

export async function loadTrend(paths: string[], range: Range, plan: Plan, signal: AbortSignal): Promise<Loaded> {
  const base = { path: paths, from: String(Math.floor(range.from)), to: String(Math.ceil(range.to)) };
  if (plan.kind === 'trend') {
    const a = await get('/api/v1/trend', { query: { ...base, pixels: plan.pixels }, signal });
    return { grain: a.grain, series: a.series.map((s) => ({ path: s.path, ...(s.unit ? { unit: s.unit } : {}), points: s.points.map((p) => [p.ts, toY(p.value)]) })) };
  }
  const a = await get('/api/v1/history', { query: plan.kind === 'raw' ? { ...base, limit: RAW_LIMIT } : { ...base, agg: 'avg', interval: plan.interval }, signal });
  const series = a.series.map((s): PenSeries => {
    const unit = s.unit ? { unit: s.unit } : {};
    if ('samples' in s) return { path: s.path, ...unit, points: s.samples.filter((p) => p.quality !== 'bad').map((p) => [p.ts, toY(p.value)]) };
    return { path: s.path, ...unit, points: s.buckets.map((b) => [(b.start + b.end) / 2, toY(b.value)]) };
  });
  return { series, truncated: a.truncated };
}
