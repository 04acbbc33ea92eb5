/**
 * Aggregates per bucket over any Historian backend. The reference computation streams the raw
 * samples page by page through one SeriesAggregator per path; backends that offer bucketStats()
 * compute the value statistics (avg, min, max, count, sum, stddev, first, last) in SQL instead,
 * and the correctness suite checks that both give the same answers.
 */
import { CausewayError } from '../../core/errors.js';
import type { Historian, RollupFieldSet, RollupRead, StoredSample } from '../types.js';
import { BucketColumns } from './bucket-columns.js';
import { rollupCounts, type CounterRule } from '../../core/counter.js';
import { applyFill } from './fill.js';
import { bucketEdges, parseInterval } from './interval.js';
import { scanRaw } from './raw.js';
import { SeriesAggregator } from './series.js';
import { AGGREGATES, FILLS } from './types.js';
import type { Aggregate, AggregateRequest, AggregateSeries, BucketValue, Fill, Interpolation } from './types.js';
import { isTimeZone } from './zone.js';

/** Most buckets one query may produce, over all its paths. */
export const MAX_CELLS = 1_000_000;
/** Raw samples read per page while aggregating. */
export const SCAN_PAGE = 10_000;
/** Ranges up to this long always read raw samples (or bucketStats). */
export const ROLLUP_MIN_SPAN_MS = 86_400_000;

export interface AggregateOptions {
  /** Raw samples read per page (tests). */
  pageSize?: number;
  /** false: never use bucketStats() (tests: the reference). */
  useBucketStats?: boolean;
  /** false: never use a rollup (tests: the same query over raw samples). */
  useRollups?: boolean;
}

/** Aggregates a backend's bucketStats() can answer. */
const STATS_AGGS: ReadonlySet<Aggregate> = new Set(['avg', 'min', 'max', 'count', 'sum', 'stddev', 'first', 'last']);

interface Plan {
  paths: string[];
  edges: number[];
  agg: Aggregate;
  fill: Fill;
  modes: Map<string, Interpolation>;
  counters: Map<string, CounterRule | undefined>;
}

function invalid(problem: string): CausewayError {
  return new CausewayError('CW_HISTORIAN_QUERY_INVALID', { problem });
}

/** Check a request and work out its buckets; throws CW_HISTORIAN_QUERY_INVALID naming the problem. */
export function planAggregates(req: AggregateRequest): Plan {
  const paths = [...new Set(req.paths)];
  if (paths.length === 0) throw invalid('no paths were given');
  if (!Number.isFinite(req.from) || !Number.isFinite(req.to)) throw invalid('from and to must be times in epoch milliseconds');
  if (req.from >= req.to) throw invalid(`from (${new Date(req.from).toISOString()}) is not before to (${new Date(req.to).toISOString()})`);
  if (!AGGREGATES.includes(req.agg)) throw invalid(`agg "${String(req.agg)}" is not one of ${AGGREGATES.join(', ')}`);
  const fill = req.fill ?? 'none';
  if (!FILLS.includes(fill)) throw invalid(`fill "${String(fill)}" is not one of ${FILLS.join(', ')}`);
  const timeZone = req.timeZone ?? 'UTC';
  if (!isTimeZone(timeZone)) throw invalid(`time zone "${timeZone}" is not an IANA time zone such as America/Chicago`);
  const interval = parseInterval(req.interval);
  if (typeof interval === 'string') throw invalid(interval);
  const edges = bucketEdges(Math.floor(req.from), Math.ceil(req.to), interval, timeZone, Math.floor(MAX_CELLS / paths.length));
  if (typeof edges === 'string') throw invalid(edges);
  const counters = new Map(paths.map((p) => [p, req.counter?.(p)]));
  for (const [p, c] of counters) {
    const r = c?.rolloverAt;
    if (r !== undefined && !(Number.isFinite(r) && r > 0)) throw invalid(`the rollover value of ${p} (${String(r)}) is not a number above 0`);
  }
  return { paths, edges, agg: req.agg, fill, modes: new Map(paths.map((p) => [p, req.interpolation?.(p) ?? 'linear'])), counters };
}

/**
 * Aggregate each path over buckets of `interval` covering [from, to), widened to whole buckets,
 * then fill empty buckets. Answers one series per path, in the order of `paths`. Over a long range
 * whose buckets are whole rollup buckets, the rollup answers (README.md, Rollups). `options` are
 * for tests.
 */
export async function queryAggregates(historian: Historian, req: AggregateRequest, options: AggregateOptions = {}): Promise<AggregateSeries[]> {
  const plan = planAggregates(req);
  const pageSize = options.pageSize ?? SCAN_PAGE;
  const sizes = options.useRollups === false || historian.readRollup === undefined ? [] : (historian.rollupSizes?.() ?? []);
  // Rollups keep no sum of squares: stddev reads raw samples; nor how far each counter drop fell: a
  // counter whose drop may be a wrap or a reset (auto) is counted from raw samples.
  const rawOnly = plan.agg === 'stddev' || (plan.agg === 'delta' && [...plan.counters.values()].some((c) => !rollupCounts(c)));
  const size = rawOnly ? undefined : rollupFor(plan.edges, sizes);
  const inSql = historian.bucketStats !== undefined && options.useBucketStats !== false && STATS_AGGS.has(plan.agg);
  let buckets: Map<string, BucketValue[]> | undefined;
  if (size !== undefined) {
    const fields = rollupFields(plan);
    const to = plan.edges[plan.edges.length - 1]!;
    // The next samples are read beside the rollup (a snapshot of their own, in parallel).
    const [rollup, next] = await Promise.all([historian.readRollup!({ paths: plan.paths, size, from: plan.edges[0]!, to, fields }), edgeSamples(historian, plan, 'next')]);
    if (rollup.coveredFrom <= plan.edges[0]! && rollup.until > plan.edges[0]!) {
      // The rollup holds every sample before its end but those that expired from it (older than
      // coveredFrom): where it knows the value in force at the start, no raw sample is newer.
      const known = new Set(rollup.prior.map((s) => s.path));
      const prior = await edgeSamples(historian, { ...plan, paths: plan.paths.filter((p) => !known.has(p)) }, 'prior');
      buckets = await fromSamples(historian, plan, pageSize, { prior: prior.prior, next: next.next }, rollup);
    }
  }
  buckets ??= inSql ? await fromBucketStats(historian, plan) : await fromSamples(historian, plan, pageSize, await edgeSamples(historian, plan));
  return plan.paths.map((path) => ({ path, buckets: applyFill(buckets.get(path)!, plan.fill) }));
}

/** The rollup columns an aggregate folds (fewer columns read, faster). */
function rollupFields(plan: Plan): RollupFieldSet {
  if (plan.agg === 'delta') return 'counter';
  if (plan.agg !== 'twa' && plan.agg !== 'integral') return 'stats';
  const modes = new Set(plan.modes.values());
  return modes.size > 1 ? 'time' : modes.has('step') ? 'time-step' : 'time-linear';
}

/**
 * The samples next to the range an aggregate needs (`which`: both, or one side): before it for
 * the time-weighted aggregates and counters, after it for linear time-weighted ones.
 */
async function edgeSamples(historian: Historian, plan: Plan, which: 'prior' | 'next' | 'both' = 'both'): Promise<{ prior: StoredSample[]; next: StoredSample[] }> {
  const { paths, edges, agg } = plan;
  const needsPrior = which !== 'next' && paths.length > 0 && !STATS_AGGS.has(agg);
  const needsNext = which !== 'prior' && (agg === 'twa' || agg === 'integral') && paths.some((p) => plan.modes.get(p) === 'linear');
  const [prior, next] = await Promise.all([
    needsPrior ? historian.priorValues(paths, edges[0]!, { excludeBad: true }) : [],
    needsNext ? historian.nextValues(paths, edges[edges.length - 1]!, { excludeBad: true }) : [],
  ]);
  return { prior, next };
}

/**
 * The largest rollup size (of `sizes`) every edge is a multiple of, for a range longer than
 * ROLLUP_MIN_SPAN_MS; undefined when none fits: whole rollup buckets then make whole query buckets.
 */
export function rollupFor(edges: readonly number[], sizes: readonly number[]): number | undefined {
  if (edges[edges.length - 1]! - edges[0]! <= ROLLUP_MIN_SPAN_MS) return undefined;
  let best: number | undefined;
  for (const r of sizes) {
    let fits = true;
    for (let i = 0; i < edges.length && fits; i++) fits = edges[i]! % r === 0;
    if (fits && (best === undefined || r > best)) best = r;
  }
  return best;
}

/**
 * The reference: stream raw samples through one aggregator per path. With a rollup read, its
 * buckets are folded in first and raw samples are read only from where it ends.
 */
async function fromSamples(
  historian: Historian, plan: Plan, pageSize: number, edgeReads: { prior: StoredSample[]; next: StoredSample[] }, rollup?: RollupRead,
): Promise<Map<string, BucketValue[]>> {
  const { paths, edges, agg } = plan;
  const from = edges[0]!;
  const to = edges[edges.length - 1]!;
  // Where retention has deleted raw samples, the rollup still knows the value in force and the next sample.
  const priorOf = newest(edgeReads.prior, rollup?.prior ?? [], (a, b) => a.ts > b.ts);
  const nextOf = newest(edgeReads.next, rollup?.next ?? [], (a, b) => a.ts < b.ts);
  const series = new Map(paths.map((p) => {
    const counter = plan.counters.get(p);
    const opts = { agg, edges, interpolation: plan.modes.get(p)!, ...(counter !== undefined ? { counter } : {}) };
    return [p, new SeriesAggregator(opts, priorOf.get(p))];
  }));
  rollup?.buckets.forEach((b) => series.get(b.path)?.pushSummary(b));
  for await (const page of scanRaw(historian, { paths, from: rollup?.until ?? from, to }, pageSize)) {
    for (const s of page) series.get(s.path)?.push(s);
  }
  return new Map(paths.map((p) => [p, series.get(p)!.finish(nextOf.get(p))]));
}

/** Value statistics computed by the backend, folded into the same accumulators and final values. */
async function fromBucketStats(historian: Historian, plan: Plan): Promise<Map<string, BucketValue[]>> {
  const { paths, edges, agg } = plan;
  const firstLast = agg === 'first' || agg === 'last';
  const cols = new Map(paths.map((p) => [p, new BucketColumns(edges.length - 1, firstLast)]));
  for (const st of await historian.bucketStats!({ paths, edges, firstLast })) {
    const c = cols.get(st.path);
    if (c && st.bucket >= 0 && st.bucket < c.length) c.mergeStats(st.bucket, st);
  }
  return new Map(paths.map((p) => {
    const c = cols.get(p)!;
    const out = new Array<BucketValue>(c.length);
    for (let i = 0; i < c.length; i++) out[i] = { start: edges[i]!, end: edges[i + 1]!, value: c.value(i, agg), count: c.count[i]!, bad: c.bad[i]! };
    return [p, out];
  }));
}

/** Per path, the sample of `a` and `b` that `better` prefers (a rollup's edge sample, or a raw one). */
function newest(a: readonly StoredSample[], b: readonly StoredSample[], better: (x: StoredSample, y: StoredSample) => boolean): Map<string, StoredSample> {
  const out = new Map(a.map((s) => [s.path, s]));
  for (const s of b) {
    const had = out.get(s.path);
    if (had === undefined || better(s, had)) out.set(s.path, s);
  }
  return out;
}
