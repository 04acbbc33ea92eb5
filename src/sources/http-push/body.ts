/** Reading a pushed JSON body into samples. Pure: every problem is reported per sample, never thrown away silently. */
import type { Quality, Sample, Value } from '../../core/sample.js';
import { isQuality, isValue } from '../../core/sample.js';

export interface PushedSample {
  tag: string;
  value: Value;
  ts?: number | string;
  quality?: Quality;
}

export interface BodyRejection {
  index: number;
  tag?: string;
  reason: string;
}

export interface ReadBody {
  samples: Sample[];
  rejected: BodyRejection[];
  /** Said to the device about how the body was read (e.g. the zone of times without an offset). */
  notes?: string[];
}

/** The entries of a body: `{samples:[...]}`, a bare array, or `{ts?, values:{tag: value}}`. Undefined when the shape is wrong. */
function entriesOf(body: unknown): unknown[] | undefined {
  if (Array.isArray(body)) return body;
  if (typeof body !== 'object' || body === null) return undefined;
  const o = body as Record<string, unknown>;
  if (Array.isArray(o.samples)) return o.samples;
  if (typeof o.values === 'object' && o.values !== null && !Array.isArray(o.values)) {
    return Object.entries(o.values as Record<string, unknown>).map(([tag, value]) => ({ tag, value, ts: o.ts, quality: o.quality }));
  }
  return undefined;
}

/** Epoch numbers below this are taken for seconds: 1e11 ms is 1973-03-03, 1e11 s is the year 5138. */
export const SECONDS_BELOW = 1e11;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/** A timestamp as sent (epoch ms, or ISO 8601 text) in epoch ms, or why it cannot be taken. */
function timestampOf(ts: unknown, local: ReadOptions['localTime']): number | string {
  if (typeof ts === 'number') {
    if (!Number.isSafeInteger(ts)) return '"ts" is not a whole number of epoch milliseconds';
    if (ts < 0) return `"ts" ${ts} lies before 1970`;
    if (ts < SECONDS_BELOW) return `"ts" ${ts} looks like epoch seconds (it would be ${new Date(ts).toISOString()}); send milliseconds (${ts} × 1000 = ${ts * 1000})`;
    return ts;
  }
  if (typeof ts !== 'string' || !ISO.test(ts)) return '"ts" is not epoch milliseconds or ISO 8601';
  if (!HAS_OFFSET.test(ts)) {
    if (!local) return `"ts" ${ts} has no time zone offset; add Z (UTC) or one such as +01:00`;
    return local.instant(ts) ?? '"ts" is not epoch milliseconds or ISO 8601';
  }
  const ms = Date.parse(ts);
  if (Number.isNaN(ms)) return '"ts" is not epoch milliseconds or ISO 8601';
  return ms < 0 ? `"ts" ${ts} lies before 1970` : ms;
}

function readOne(entry: unknown, index: number, opts: ReadOptions): Sample | BodyRejection {
  if (typeof entry !== 'object' || entry === null) return { index, reason: 'not an object' };
  const e = entry as Record<string, unknown>;
  if (typeof e.tag !== 'string' || e.tag === '') return { index, reason: 'no "tag"' };
  const tag = e.tag;
  if (!opts.knownTags.has(tag)) return { index, tag, reason: `unknown tag "${tag}" (not listed under this source's tags)` };
  if (!isValue(e.value)) return { index, tag, reason: '"value" is not a finite number, boolean or string' };
  const ts = e.ts === undefined || e.ts === null ? opts.now : timestampOf(e.ts, opts.localTime);
  if (typeof ts === 'string') return { index, tag, reason: ts };
  const quality = e.quality === undefined || e.quality === null ? 'good' : e.quality;
  if (!isQuality(quality)) return { index, tag, reason: '"quality" is not good, uncertain or bad' };
  const sample: Sample = { path: `${opts.sourceId}/${tag}`, value: e.value, ts, quality };
  // The hub's own checks (plausible time, the tag's and the bound attribute's type), before the answer.
  const problem = opts.check?.(sample);
  return problem === undefined ? sample : { index, tag, reason: problem };
}

/** True when an entry's "ts" is ISO text without an offset (read in the site's zone, if any). */
function isLocalTime(entry: unknown): boolean {
  const ts = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).ts : undefined;
  return typeof ts === 'string' && ISO.test(ts) && !HAS_OFFSET.test(ts);
}

export interface ReadOptions {
  sourceId: string;
  knownTags: ReadonlySet<string>;
  now: number;
  maxSamples: number;
  /** The site's zone: ISO times without an offset are read in it; without it they are refused. */
  localTime?: { timeZone: string; instant(local: string): number | undefined };
  /** The checks the hub applies downstream: the problem with a sample, or undefined when it passes. */
  check?: (sample: Sample) => string | undefined;
}

/** Read a body; `undefined` + problem when its shape is wrong or it holds too many samples. */
export function readBody(body: unknown, opts: ReadOptions): ReadBody | { problem: string; tooMany?: boolean } {
  const entries = entriesOf(body);
  if (!entries) return { problem: 'expected {"samples":[...]}, an array of samples, or {"values":{...}}' };
  if (entries.length > opts.maxSamples) return { problem: `${entries.length} samples, more than ${opts.maxSamples}`, tooMany: true };
  const out: ReadBody = { samples: [], rejected: [] };
  let local = false;
  entries.forEach((entry, i) => {
    const r = readOne(entry, i, opts);
    if ('reason' in r) out.rejected.push(r);
    else {
      out.samples.push(r);
      local ||= isLocalTime(entry);
    }
  });
  if (local && opts.localTime) out.notes = [`Times without an offset were read in ${opts.localTime.timeZone}, the site's time zone.`];
  return out;
}
