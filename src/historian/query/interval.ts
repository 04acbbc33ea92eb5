/**
 * Bucket intervals and their edges. Fixed intervals (ms, s, m, h) are lengths aligned to the Unix
 * epoch; calendar intervals (d, w, mo, y) follow the wall clock of a time zone, so a day that
 * crosses a DST change lasts 23 or 25 hours.
 */
import { instantOf, localTimeOf, wallMs } from './zone.js';

/** A parsed interval. */
export type Interval =
  | { kind: 'fixed'; ms: number }
  | { kind: 'calendar'; unit: 'day' | 'week' | 'month'; count: number };

const FIXED_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DAY_MS = 86_400_000;
/** 1970-01-05, a Monday: weeks start on Mondays (ISO 8601). */
const MONDAY_DAY = 4;

/**
 * Parse an interval: a whole number of milliseconds, or a count with a unit: `ms`, `s`, `m`, `h`
 * (fixed), `d`, `w` (Monday-based), `mo`, `y` (calendar, in the query's time zone).
 * Returns a problem sentence when the text is not an interval.
 */
export function parseInterval(spec: number | string): Interval | string {
  if (typeof spec === 'number') {
    return Number.isSafeInteger(spec) && spec > 0 ? { kind: 'fixed', ms: spec } : `interval ${String(spec)} is not a whole number of milliseconds above 0`;
  }
  const m = typeof spec === 'string' ? /^(\d{1,9})(ms|s|m|h|d|w|mo|y)$/.exec(spec.trim()) : null;
  if (!m || Number(m[1]) === 0) return `interval "${String(spec)}" is not a count above 0 with a unit ms, s, m, h, d, w, mo or y (e.g. 15m, 1h, 1d)`;
  const n = Number(m[1]);
  const unit = m[2]!;
  if (unit in FIXED_MS) return { kind: 'fixed', ms: n * FIXED_MS[unit]! };
  if (unit === 'd') return { kind: 'calendar', unit: 'day', count: n };
  if (unit === 'w') return { kind: 'calendar', unit: 'week', count: n };
  return { kind: 'calendar', unit: 'month', count: unit === 'y' ? n * 12 : n };
}

function floorTo(x: number, n: number): number {
  return x - (((x % n) + n) % n);
}

/** The index of the calendar bucket holding `t`: days, weeks or months since 1970 in local time. */
function calendarIndex(t: number, unit: 'day' | 'week' | 'month', timeZone: string): number {
  const l = localTimeOf(t, timeZone);
  if (unit === 'month') return (l.year - 1970) * 12 + (l.month - 1);
  const day = Math.floor(wallMs({ ...l, hour: 0, minute: 0, second: 0 }) / DAY_MS);
  return unit === 'day' ? day : Math.floor((day - MONDAY_DAY) / 7);
}

/** The instant calendar bucket `index` begins: local midnight of its first day. */
function calendarStart(index: number, unit: 'day' | 'week' | 'month', timeZone: string): number {
  if (unit === 'month') {
    const year = 1970 + Math.floor(index / 12);
    return instantOf({ year, month: (((index % 12) + 12) % 12) + 1, day: 1, hour: 0, minute: 0, second: 0 }, timeZone);
  }
  const day = unit === 'day' ? index : MONDAY_DAY + index * 7;
  const d = new Date(day * DAY_MS);
  return instantOf({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0, second: 0 }, timeZone);
}

/**
 * How many buckets of `interval` cover [from, to), counted without building them (a few time-zone
 * lookups). Callers check it before bucketEdges(), whose calendar edges cost a lookup each.
 */
export function countBuckets(from: number, to: number, interval: Interval, timeZone: string): number {
  if (to <= from) return 1;
  if (interval.kind === 'fixed') {
    const first = floorTo(from, interval.ms);
    return Math.max(1, Math.ceil((to - first) / interval.ms));
  }
  const { unit, count } = interval;
  const first = floorTo(calendarIndex(from, unit, timeZone), count);
  // The last bucket begins before `to`: the one holding it, or the one before when `to` is its first instant.
  const holding = calendarIndex(to, unit, timeZone);
  const last = calendarStart(holding, unit, timeZone) < to ? holding : holding - 1;
  return Math.max(1, Math.floor((last - first) / count) + 1);
}

/**
 * The edges of the buckets covering [from, to): edges[0] <= from is the start of the bucket
 * holding `from`, the last edge is >= `to`; bucket i is [edges[i], edges[i + 1]). Returns a
 * problem sentence when there would be more than `maxBuckets` buckets.
 */
export function bucketEdges(from: number, to: number, interval: Interval, timeZone: string, maxBuckets: number): number[] | string {
  const tooMany = () => `the range holds more than ${maxBuckets} buckets of this interval; choose a longer interval or a shorter range`;
  if (interval.kind === 'fixed') {
    const ms = interval.ms;
    const first = floorTo(from, ms);
    if ((to - first) / ms > maxBuckets) return tooMany();
    // The last edge is the first at or after `to`; sized up front (a month of minutes is 43 201 edges).
    let k = Math.max(0, Math.ceil((to - first) / ms));
    while (k > 0 && first + (k - 1) * ms >= to) k--;
    while (first + k * ms < to) k++;
    const fixed = new Array<number>(k + 1);
    for (let j = 0; j <= k; j++) fixed[j] = first + j * ms;
    return fixed;
  }
  // Counted first: a million calendar edges would hold the event loop for seconds before the refusal.
  if (countBuckets(from, to, interval, timeZone) > maxBuckets) return tooMany();
  const edges: number[] = [];
  const { unit, count } = interval;
  for (let i = floorTo(calendarIndex(from, unit, timeZone), count); ; i += count) {
    const e = calendarStart(i, unit, timeZone);
    edges.push(e);
    if (e >= to) return edges;
    if (edges.length > maxBuckets) return tooMany();
  }
}
