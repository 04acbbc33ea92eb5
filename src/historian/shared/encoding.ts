/**
 * Pure helpers shared by the historian backends: sample checks, quality codes, row encoding and
 * decoding, query bounds and the (ts, path) ordering shared by the database and the in-memory
 * buffer.
 */
import type { Quality, Sample, Value } from '../../core/sample.js';
import type { RawCursor, RawQuery, StoredSample } from '../types.js';

/** Quality as stored in the `quality` column (UTINYINT in DuckDB, SMALLINT in PostgreSQL). */
export type QualityCode = 0 | 1 | 2;

const QUALITY_CODE: Readonly<Record<Quality, QualityCode>> = { good: 0, uncertain: 1, bad: 2 };
const QUALITY_OF_CODE: readonly Quality[] = ['good', 'uncertain', 'bad'];

/** The stored code of a quality: 0 good, 1 uncertain, 2 bad. */
export function qualityCode(q: Quality): QualityCode {
  return QUALITY_CODE[q];
}

/** The quality of a stored code; unknown codes read as `bad` so a damaged row is never trusted. */
export function qualityOf(code: number): Quality {
  return QUALITY_OF_CODE[code] ?? 'bad';
}

/** One accepted sample as the historian buffers and appends it. */
export interface Row {
  tagId: number;
  path: string;
  /** Epoch milliseconds, an integer. */
  ts: number;
  quality: QualityCode;
  value: Value;
}

/**
 * Why a sample cannot be stored, or undefined when it can. Checked before the buffer so one bad
 * sample never fails a flush: non-finite numbers, unknown value types or qualities, empty paths
 * and times outside the safe integer range.
 */
export function sampleProblem(s: Sample): string | undefined {
  if (s === null || typeof s !== 'object') return 'the sample is not an object';
  if (typeof s.path !== 'string' || s.path.length === 0) return 'the path is empty';
  const v: unknown = s.value;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return `the value ${String(v)} is not a finite number`;
  } else if (typeof v !== 'string' && typeof v !== 'boolean') {
    return `the value has type ${v === null ? 'null' : typeof v}; only number, boolean and string are stored`;
  }
  if (typeof s.ts !== 'number' || !Number.isSafeInteger(Math.floor(s.ts))) return `the time ${String(s.ts)} is not epoch milliseconds`;
  if (s.quality !== 'good' && s.quality !== 'uncertain' && s.quality !== 'bad') return `the quality "${String(s.quality)}" is unknown`;
  return undefined;
}

/** Encode a checked sample; sub-millisecond parts of the time are truncated (storage is in ms). */
export function toRow(s: Sample, tagId: number): Row {
  return { tagId, path: s.path, ts: Math.floor(s.ts), quality: QUALITY_CODE[s.quality], value: s.value };
}

/** The row as a stored sample. */
export function toStored(r: Row): StoredSample {
  return { path: r.path, ts: r.ts, value: r.value, quality: qualityOf(r.quality) };
}

/** The value of a stored row from its three typed columns: exactly one is not NULL. */
export function decodeValue(vNum: number | null, vStr: string | null, vBool: boolean | null): Value {
  if (vNum !== null) return vNum;
  if (vBool !== null) return vBool;
  return vStr ?? '';
}

/** Order of query results: by time, then by path. */
export function compareByTimeThenPath(a: StoredSample, b: StoredSample): number {
  if (a.ts !== b.ts) return a.ts - b.ts;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** True when `s` comes strictly after the cursor in the (ts, then path) order. */
export function isAfter(s: { ts: number; path: string }, after: RawCursor): boolean {
  return s.ts > after.ts || (s.ts === after.ts && s.path > after.path);
}

/**
 * Append to `out` those of the first `n` rows whose tag is wanted, whose time is in [from, to)
 * and, when a cursor is given, that come after it.
 */
export function collectMatches(
  rows: readonly Row[], n: number, wanted: ReadonlySet<number>, range: { from: number; to: number; after?: RawCursor }, out: StoredSample[],
): void {
  const after = range.after;
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    if (wanted.has(r.tagId) && r.ts >= range.from && r.ts < range.to && (after === undefined || isAfter(r, after))) out.push(toStored(r));
  }
}

/** Merge two lists already sorted by (ts, path) and keep at most `limit` samples. */
export function mergeSorted(a: readonly StoredSample[], b: readonly StoredSample[], limit = Infinity): StoredSample[] {
  const out: StoredSample[] = [];
  let i = 0;
  let j = 0;
  while (out.length < limit && (i < a.length || j < b.length)) {
    if (j >= b.length || (i < a.length && compareByTimeThenPath(a[i]!, b[j]!) <= 0)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/** Integer bounds `[from, to)` for a time range given in possibly fractional or infinite ms. */
export function timeBounds(from: number, to: number): { from: number; to: number } | string {
  if (typeof from !== 'number' || Number.isNaN(from)) return `from (${String(from)}) is not a time in epoch milliseconds`;
  if (typeof to !== 'number' || Number.isNaN(to)) return `to (${String(to)}) is not a time in epoch milliseconds`;
  // Stored times are integers, so ts >= x  <=>  ts >= ceil(x), and ts < x  <=>  ts < ceil(x).
  const clamp = (x: number) => Math.min(Number.MAX_SAFE_INTEGER, Math.max(Number.MIN_SAFE_INTEGER, Math.ceil(x)));
  return { from: clamp(from), to: clamp(to) };
}

/** A checked result limit: a non-negative integer, or Infinity when absent. */
export function checkedLimit(limit: number | undefined): number | string {
  if (limit === undefined) return Infinity;
  if (!Number.isInteger(limit) || limit < 0) return `limit (${String(limit)}) must be a whole number of 0 or more`;
  return limit;
}

/** The checked bounds, limit and cursor of a raw query, or the problem with them. */
export function checkedRawQuery(q: RawQuery): { bounds: { from: number; to: number }; limit: number; after: RawCursor | undefined } | string {
  const bounds = timeBounds(q.from, q.to);
  if (typeof bounds === 'string') return bounds;
  const limit = checkedLimit(q.limit);
  if (typeof limit === 'string') return limit;
  const after = q.after;
  if (after !== undefined && (!Number.isSafeInteger(after?.ts) || typeof after?.path !== 'string')) return 'the cursor is not a (ts, path) pair';
  return { bounds, limit, after };
}
