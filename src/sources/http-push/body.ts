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

/** A timestamp as sent (epoch ms, or ISO 8601 text), or undefined when it is none. */
function timestampOf(ts: unknown): number | undefined {
  if (typeof ts === 'number' && Number.isSafeInteger(ts) && ts >= 0) return ts;
  if (typeof ts === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(ts)) {
    const ms = Date.parse(ts);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

function readOne(entry: unknown, index: number, opts: ReadOptions): Sample | BodyRejection {
  if (typeof entry !== 'object' || entry === null) return { index, reason: 'not an object' };
  const e = entry as Record<string, unknown>;
  if (typeof e.tag !== 'string' || e.tag === '') return { index, reason: 'no "tag"' };
  const tag = e.tag;
  if (!opts.knownTags.has(tag)) return { index, tag, reason: `unknown tag "${tag}" (not listed under this source's tags)` };
  if (!isValue(e.value)) return { index, tag, reason: '"value" is not a finite number, boolean or string' };
  const ts = e.ts === undefined || e.ts === null ? opts.now : timestampOf(e.ts);
  if (ts === undefined) return { index, tag, reason: '"ts" is not epoch milliseconds or ISO 8601' };
  const quality = e.quality === undefined || e.quality === null ? 'good' : e.quality;
  if (!isQuality(quality)) return { index, tag, reason: '"quality" is not good, uncertain or bad' };
  return { path: `${opts.sourceId}/${tag}`, value: e.value, ts, quality };
}

export interface ReadOptions {
  sourceId: string;
  knownTags: ReadonlySet<string>;
  now: number;
  maxSamples: number;
}

/** Read a body; `undefined` + problem when its shape is wrong or it holds too many samples. */
export function readBody(body: unknown, opts: ReadOptions): ReadBody | { problem: string; tooMany?: boolean } {
  const entries = entriesOf(body);
  if (!entries) return { problem: 'expected {"samples":[...]}, an array of samples, or {"values":{...}}' };
  if (entries.length > opts.maxSamples) return { problem: `${entries.length} samples, more than ${opts.maxSamples}`, tooMany: true };
  const out: ReadBody = { samples: [], rejected: [] };
  entries.forEach((entry, i) => {
    const r = readOne(entry, i, opts);
    if ('reason' in r) out.rejected.push(r);
    else out.samples.push(r);
  });
  return out;
}
