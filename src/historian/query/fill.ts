/** Filling empty buckets: buckets whose aggregate is null and that hold no good or uncertain sample. */
import type { BucketValue, Fill } from './types.js';

/** True when a bucket is empty: no value and no usable sample (a fill may give it one). */
export function isEmptyBucket(b: BucketValue): boolean {
  return b.value === null && b.count === 0;
}

/**
 * Apply a fill to one path's buckets (in time order):
 * - none: empty buckets are left out of the answer.
 * - previous: an empty bucket takes the value of the nearest earlier bucket that has one; with
 *   none earlier in the range it stays null.
 * - linear: an empty bucket between two buckets with numeric values takes the straight line
 *   between them at its start time; between non-numeric values it takes the previous value; with
 *   no bucket with a value on one side it stays null (no extrapolation).
 */
export function applyFill(buckets: BucketValue[], fill: Fill): BucketValue[] {
  // A month of minutes is 43 200 buckets: without empty ones, the array itself is the answer.
  if (fill === 'none') return buckets.some(isEmptyBucket) ? buckets.filter((b) => !isEmptyBucket(b)) : buckets;
  const out = buckets.map((b) => ({ ...b }));
  const nextWithValue = fill === 'linear' ? nextValueIndex(out) : [];
  let prev: BucketValue | undefined;
  for (let i = 0; i < out.length; i++) {
    const b = out[i]!;
    if (!isEmptyBucket(b)) {
      if (b.value !== null) prev = b;
      continue;
    }
    if (prev === undefined) continue;
    if (fill === 'previous') {
      setFilled(b, prev.value);
      continue;
    }
    const next = out[nextWithValue[i]!];
    if (next === undefined) continue;
    if (typeof prev.value === 'number' && typeof next.value === 'number') {
      setFilled(b, prev.value + ((next.value - prev.value) * (b.start - prev.start)) / (next.start - prev.start));
    } else {
      setFilled(b, prev.value);
    }
  }
  return out;
}

/** For each bucket, the index of the nearest later bucket with its own value (or -1). */
function nextValueIndex(buckets: readonly BucketValue[]): number[] {
  const idx = new Array<number>(buckets.length);
  let next = -1;
  for (let i = buckets.length - 1; i >= 0; i--) {
    idx[i] = next;
    if (buckets[i]!.value !== null) next = i;
  }
  return idx;
}

function setFilled(b: BucketValue, value: BucketValue['value']): void {
  b.value = value;
  b.filled = true;
}
