/**
 * The order a flush appends rows in: grouped by tag, then by time, arrival order kept otherwise.
 * Runs of one tag compress far better (tag id run-length encoded, neighbouring values alike, small
 * time deltas) than arrival order does. Pure.
 *
 * A comparison sort of a 500 000-row flush took ~60 ms of the main thread; tag ids are small
 * dense integers, so a counting sort by id (two passes over the rows) followed by a check that
 * each tag's rows are already in time order (they nearly always are: a source reports a tag's
 * samples in time order) does the same in a few milliseconds.
 */
import type { Row } from './encoding.js';

/** Above this many ids per row, counting slots would cost more than comparing: sort by comparison instead. */
const SPARSE_IDS_PER_ROW = 4;

/** Rows of all `batches`, in arrival order, sorted by tag id, then time; stable. */
export function sortForAppend(batches: readonly (readonly Row[])[]): Row[] {
  let n = 0;
  let maxId = 0;
  for (const b of batches) {
    n += b.length;
    for (let i = 0; i < b.length; i++) if (b[i]!.tagId > maxId) maxId = b[i]!.tagId;
  }
  if (maxId > SPARSE_IDS_PER_ROW * n + 65_536 || !Number.isSafeInteger(maxId)) return comparisonSort(batches);
  // Every pass over the rows reads them in arrival order, the order they lie in memory: read in
  // tag order, each row is a cache miss (a 500 000-row flush spends ~40 ms on misses per pass).
  // start[id] is where the rows of tag `id` begin in the output; start[maxId + 1] === n.
  const start = new Int32Array(maxId + 2);
  const lastTs = new Float64Array(maxId + 1).fill(-Infinity);
  const unordered = new Uint8Array(maxId + 1);
  for (const b of batches) {
    for (let i = 0; i < b.length; i++) {
      const r = b[i]!;
      start[r.tagId + 1]!++;
      if (r.ts < lastTs[r.tagId]!) unordered[r.tagId] = 1;
      else lastTs[r.tagId] = r.ts;
    }
  }
  for (let id = 1; id < start.length; id++) start[id]! += start[id - 1]!;
  const next = start.slice(0, maxId + 1);
  const out = new Array<Row>(n);
  for (const b of batches) {
    for (let i = 0; i < b.length; i++) {
      const r = b[i]!;
      out[next[r.tagId]!++] = r;
    }
  }
  for (let id = 0; id <= maxId; id++) if (unordered[id] === 1) sortRun(out, start[id]!, start[id + 1]!);
  return out;
}

/** Sort out[lo, hi) by time, stably. */
function sortRun(out: Row[], lo: number, hi: number): void {
  const run = out.slice(lo, hi).sort(byTime);
  for (let j = 0; j < run.length; j++) out[lo + j] = run[j]!;
}

function byTime(a: Row, b: Row): number {
  return a.ts - b.ts;
}

function comparisonSort(batches: readonly (readonly Row[])[]): Row[] {
  return batches.flat().sort((a, b) => a.tagId - b.tagId || a.ts - b.ts);
}

/**
 * Call `visit(lo, hi)` for each tag's run [lo, hi) of rows in append order (sortForAppend). Runs
 * are found by galloping on the tag id, so a run of k rows reads about 2·log2(k) of them, not k.
 */
export function forEachTagRun(rows: readonly Row[], visit: (lo: number, hi: number) => void): void {
  let lo = 0;
  while (lo < rows.length) {
    const id = rows[lo]!.tagId;
    let step = 1;
    while (lo + step < rows.length && rows[lo + step]!.tagId === id) step *= 2;
    let a = lo + (step >> 1); // holds `id`
    let b = Math.min(rows.length, lo + step); // the end, or a row of a later tag
    while (b - a > 1) {
      const m = (a + b) >>> 1;
      if (rows[m]!.tagId === id) a = m;
      else b = m;
    }
    visit(lo, b);
    lo = b;
  }
}

/** The first index of [lo, hi) whose time is at least `t`, in one tag's run (times ascending); hi when none. */
export function firstAtOrAfter(rows: readonly Row[], lo: number, hi: number, t: number): number {
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (rows[m]!.ts < t) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/** How many rows in append order have a time before `t`. */
export function countBefore(rows: readonly Row[], t: number): number {
  let count = 0;
  forEachTagRun(rows, (lo, hi) => {
    count += firstAtOrAfter(rows, lo, hi, t) - lo;
  });
  return count;
}
