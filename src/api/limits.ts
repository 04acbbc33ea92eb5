/**
 * Bounded work per request (docs/api-limits.md): every query route checks what it is asked for
 * (range, paths, buckets, rows, periods) against `api.limits` before any work starts, and refuses
 * with CW_API_QUERY_TOO_LARGE (422) naming the limit; computations that stay long even within the
 * limits run through a pacer that yields to the event loop and stops at a deadline.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CausewayError } from '../core/errors.js';
import { countBuckets, parseInterval } from '../historian/query/interval.js';
import { isTimeZone } from '../historian/query/zone.js';

export interface ApiLimits {
  /** Longest range of an aggregate, trend, OEE or downtime request, in days (exports have their own limits). */
  maxRangeDays: number;
  /** Most cells one request computes: buckets × paths, pixels × paths, OEE periods × lines. */
  maxBuckets: number;
  /** Most paths in one history, trend or export request. */
  maxSeries: number;
  /** Most rows in one page of raw history. */
  maxRows: number;
  /** A paced computation stops after this long. */
  deadlineSeconds: number;
  /** Live WebSocket connections at once, in all and per user. */
  maxSockets: number;
  maxSocketsPerUser: number;
  /** Web origins besides the hub's own whose pages may open the live WebSocket. */
  allowedOrigins: readonly string[];
}

export const DEFAULT_API_LIMITS: Readonly<ApiLimits> = Object.freeze({
  maxRangeDays: 366,
  maxBuckets: 20_000,
  maxSeries: 1000,
  maxRows: 100_000,
  deadlineSeconds: 30,
  maxSockets: 200,
  maxSocketsPerUser: 10,
  allowedOrigins: [],
});

/** The limits in force: the configured ones over the defaults, frozen. */
export function apiLimits(configured: Partial<ApiLimits> = {}): Readonly<ApiLimits> {
  const defined = Object.fromEntries(Object.entries(configured).filter(([, v]) => v !== undefined));
  return Object.freeze({ ...DEFAULT_API_LIMITS, ...defined });
}

/** The limits a hub's services carry, or the defaults (API tests over fake services). */
export function limitsOf(services: { limits?: Readonly<ApiLimits> }): Readonly<ApiLimits> {
  return services.limits ?? DEFAULT_API_LIMITS;
}

const DAY_MS = 86_400_000;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function tooLarge(what: string, limit: string, key: keyof ApiLimits, advice: string): CausewayError {
  return new CausewayError('CW_API_QUERY_TOO_LARGE', { what, limit, key: `api.limits.${key}`, advice });
}

/** Refuse a range longer than maxRangeDays. */
export function checkRange(limits: ApiLimits, range: { from: number; to: number }): void {
  const days = (range.to - range.from) / DAY_MS;
  if (days > limits.maxRangeDays) {
    throw tooLarge(`a range of ${fmt(days)} days`, `${fmt(limits.maxRangeDays)} days`, 'maxRangeDays', 'Ask for a shorter range (from and to), or several shorter ones one after the other');
  }
}

/** Refuse more paths than maxSeries. */
export function checkSeries(limits: ApiLimits, paths: number): void {
  if (paths > limits.maxSeries) throw tooLarge(`${fmt(paths)} paths`, `${fmt(limits.maxSeries)} paths`, 'maxSeries', 'Ask for fewer paths at once, in several requests');
}

/** Refuse a raw page of more than maxRows rows. */
export function checkRows(limits: ApiLimits, rows: number): void {
  if (rows > limits.maxRows) throw tooLarge(`pages of ${fmt(rows)} rows`, fmt(limits.maxRows), 'maxRows', 'Ask for a smaller limit and page on with the cursor');
}

/** Refuse more cells (buckets, pixels or periods, times paths or lines) than maxBuckets. */
export function checkCells(limits: ApiLimits, cells: number, what: string, advice: string): void {
  if (cells > limits.maxBuckets) throw tooLarge(`${fmt(cells)} ${what}`, fmt(limits.maxBuckets), 'maxBuckets', advice);
}

/**
 * An aggregate query (history or export with agg): its paths, its range and its buckets × paths,
 * counted without building them. An interval or time zone that is not one is left for the query
 * itself to refuse with its own message.
 */
export function checkAggregate(limits: ApiLimits, q: { paths: number; from: number; to: number; interval: string; timeZone?: string }): void {
  checkSeries(limits, q.paths);
  const interval = parseInterval(q.interval);
  const zone = q.timeZone ?? 'UTC';
  if (typeof interval !== 'string' && isTimeZone(zone)) {
    // Before the range check: a huge range is best answered with the bucket count it implies.
    const buckets = countBuckets(Math.floor(q.from), Math.ceil(q.to), interval, zone) * q.paths;
    checkCells(limits, buckets, 'buckets', 'Ask for a shorter range or a longer interval');
  }
  checkRange(limits, q);
}

/** A trend: its paths, its range and pixels × paths. */
export function checkTrend(limits: ApiLimits, q: { paths: number; from: number; to: number; pixels: number }): void {
  checkSeries(limits, q.paths);
  checkRange(limits, q);
  checkCells(limits, q.pixels * q.paths, 'pixel columns (pixels × paths)', 'Ask for fewer pixels or fewer paths');
}

/** OEE: its range and periods × lines (a shift calendar's shifts a day, days, or one per line). */
export function checkOee(limits: ApiLimits, q: { from: number; to: number; lines: number; by: string; shiftsPerDay: number }): void {
  checkRange(limits, q);
  const days = Math.ceil((q.to - q.from) / DAY_MS) + 1;
  const perLine = q.by === 'shift' ? days * Math.max(1, q.shiftsPerDay) : q.by === 'day' ? days : 1;
  checkCells(limits, perLine * q.lines, 'OEE periods (periods × lines)', 'Ask for a shorter range, one line, or by=day or by=range instead of by=shift');
}

/** A pacer: call it between steps of a long computation. */
export type Pace = () => Promise<void>;

/**
 * Yield to the event loop once a slice of `sliceMs` of work has gone by, and stop with
 * CW_API_QUERY_TIMEOUT once the computation has run for deadlineSeconds: so no request holds the
 * hub (its other requests, ingest, health) for longer than a slice.
 */
export function pacer(limits: ApiLimits, what: string, sliceMs = 10): Pace {
  const started = performance.now();
  let slice = started;
  return async function pace() {
    const now = performance.now();
    if (now - slice < sliceMs) return;
    if (now - started > limits.deadlineSeconds * 1000) throw new CausewayError('CW_API_QUERY_TIMEOUT', { what, seconds: limits.deadlineSeconds });
    await nextTurn();
    slice = performance.now();
  };
}
