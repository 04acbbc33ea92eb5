/**
 * Where exported rows come from, page by page: raw samples through the query layer's windowed
 * cursor scan, or aggregate buckets a chunk of buckets at a time. Never the whole range in memory.
 */
import { CausewayError } from '../../core/errors.js';
import { planAggregates, queryAggregates } from '../query/aggregate.js';
import { parseInterval } from '../query/interval.js';
import { scanRaw } from '../query/raw.js';
import type { Interval } from '../query/interval.js';
import type { Historian } from '../types.js';
import { EXPORT_FORMATS } from './types.js';
import type { ExportMode, ExportRequest, ExportRow } from './types.js';

/** A request whose every part was checked. */
export interface CheckedExport {
  req: ExportRequest;
  /** Unique paths, in the order asked for. */
  paths: string[];
  from: number;
  to: number;
  mode: ExportMode;
  interval?: Interval;
}

function invalid(problem: string): CausewayError {
  return new CausewayError('CW_HISTORIAN_QUERY_INVALID', { problem });
}

/** Check an export request; throws CW_HISTORIAN_QUERY_INVALID naming the problem. */
export function checkExport(req: ExportRequest): CheckedExport {
  const paths = [...new Set(req.paths)];
  if (paths.length === 0 || paths.some((p) => typeof p !== 'string' || p === '')) throw invalid('no paths were given');
  if (!EXPORT_FORMATS.includes(req.format)) throw invalid(`format "${String(req.format)}" is not one of ${EXPORT_FORMATS.join(', ')}`);
  if (!Number.isFinite(req.from) || !Number.isFinite(req.to)) throw invalid('from and to must be times in epoch milliseconds');
  const from = Math.ceil(req.from);
  const to = Math.ceil(req.to);
  if (from >= to) throw invalid(`from (${new Date(from).toISOString()}) is not before to (${new Date(to).toISOString()})`);
  if (req.wide && req.format !== 'csv') throw invalid('wide is a CSV layout; a Parquet export is long (one row per sample), pivot it in the tool that reads it');
  if (req.agg === undefined) {
    if (req.interval !== undefined) throw invalid('interval goes with agg (e.g. agg=avg, interval=1m); without agg the export holds raw samples');
    return { req, paths, from, to, mode: 'raw' };
  }
  if (req.interval === undefined) throw invalid(`agg ${req.agg} needs an interval, e.g. 1m`);
  // The whole check of agg, interval, time zone and rollovers, on a sliver of the range.
  planAggregates({ ...aggRequest(req, paths), from, to: from + 1 });
  const interval = parseInterval(req.interval) as Interval;
  return { req, paths, from, to, mode: 'agg', interval };
}

/**
 * Rows the export will hold, counted before it starts: samples in the range (one SQL count, from
 * the backend's bucket statistics), or buckets over all paths. Undefined when the backend cannot
 * count cheaply.
 */
export async function countRows(historian: Historian, c: CheckedExport): Promise<number | undefined> {
  if (c.mode === 'agg') {
    if (c.interval?.kind === 'fixed') return fixedBuckets(c.from, c.to, c.interval.ms) * c.paths.length;
    return (planAggregates({ ...aggRequest(c.req, c.paths), from: c.from, to: c.to }).edges.length - 1) * c.paths.length;
  }
  if (!historian.bucketStats) return undefined;
  const stats = await historian.bucketStats({ paths: c.paths, edges: [c.from, c.to] });
  return stats.reduce((n, s) => n + s.count + s.bad, 0);
}

/** The rows of the export, page by page, in (time, then path) order. */
export function exportPages(historian: Historian, c: CheckedExport, pageSize: number): AsyncGenerator<ExportRow[]> {
  return c.mode === 'raw' ? scanRaw(historian, c, pageSize) : aggPages(historian, c, pageSize);
}

/** Buckets of a fixed interval covering [from, to), widened to whole buckets. */
function fixedBuckets(from: number, to: number, ms: number): number {
  const first = Math.floor(from / ms) * ms;
  return Math.ceil((to - first) / ms);
}

function aggRequest(req: ExportRequest, paths: string[]) {
  return {
    paths, agg: req.agg!, interval: req.interval!,
    ...(req.timeZone ? { timeZone: req.timeZone } : {}),
    ...(req.interpolation ? { interpolation: req.interpolation } : {}),
    ...(req.counter ? { counter: req.counter } : {}),
    ...(req.fill ? { fill: req.fill } : {}),
  };
}

/**
 * Aggregate buckets a chunk at a time. Fixed intervals are cut at bucket edges into chunks of
 * about a page of buckets over all paths: each bucket's value depends only on the samples around
 * it, so the chunks give the answer of one query. Calendar buckets (a day or longer) come in one
 * query, and so does a fill other than none (it reaches across chunks).
 */
async function* aggPages(historian: Historian, c: CheckedExport, pageSize: number): AsyncGenerator<ExportRow[]> {
  const base = aggRequest(c.req, c.paths);
  const byPath = [...c.paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const chunks: [number, number][] = [];
  // A fill reaches across buckets (the previous or next value): one query, bounded by MAX_CELLS.
  if (c.interval?.kind === 'fixed' && (c.req.fill ?? 'none') === 'none') {
    const ms = c.interval.ms;
    const step = ms * Math.max(1, Math.floor(pageSize / c.paths.length));
    for (let t = Math.floor(c.from / ms) * ms; t < c.to; t += step) chunks.push([Math.max(t, c.from), Math.min(c.to, t + step)]);
  } else {
    chunks.push([c.from, c.to]);
  }
  for (const [from, to] of chunks) {
    const series = await queryAggregates(historian, { ...base, from, to });
    const rows: ExportRow[] = [];
    for (const s of series) for (const b of s.buckets) rows.push({ ts: b.start, path: s.path, value: b.value, count: b.count, bad: b.bad });
    const rank = new Map(byPath.map((p, i) => [p, i]));
    rows.sort((a, b) => a.ts - b.ts || rank.get(a.path)! - rank.get(b.path)!);
    if (rows.length > 0) yield rows;
  }
}
