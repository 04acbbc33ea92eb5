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
  // start[id] is where the rows of tag `id` begin in the output; start[maxId + 1] === n.
  const start = new Int32Array(maxId + 2);
  for (const b of batches) for (let i = 0; i < b.length; i++) start[b[i]!.tagId + 1]!++;
  for (let id = 1; id < start.length; id++) start[id]! += start[id - 1]!;
  const next = start.slice(0, maxId + 1);
  // Filled by push, then overwritten: `new Array(n)` of more than ~100 000 elements gets slow
  // dictionary storage in V8.
  const out: Row[] = [];
  const filler = batches.find((b) => b.length > 0)?.[0];
  for (let i = 0; i < n; i++) out.push(filler!);
  for (const b of batches) {
    for (let i = 0; i < b.length; i++) {
      const r = b[i]!;
      out[next[r.tagId]!++] = r;
    }
  }
  for (let id = 0; id <= maxId; id++) sortRunByTime(out, start[id]!, start[id + 1]!);
  return out;
}

/** Sort out[lo, hi) by time (stably) unless it is in time order already. */
function sortRunByTime(out: Row[], lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    if (out[i]!.ts < out[i - 1]!.ts) {
      const run = out.slice(lo, hi).sort(byTime);
      for (let j = 0; j < run.length; j++) out[lo + j] = run[j]!;
      return;
    }
  }
}

function byTime(a: Row, b: Row): number {
  return a.ts - b.ts;
}

function comparisonSort(batches: readonly (readonly Row[])[]): Row[] {
  return batches.flat().sort((a, b) => a.tagId - b.tagId || a.ts - b.ts);
}
