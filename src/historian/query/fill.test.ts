import { describe, expect, it } from 'vitest';
import { applyFill } from './fill.js';
import type { BucketValue, Fill } from './types.js';

const b = (start: number, value: BucketValue['value'], count = value === null ? 0 : 1): BucketValue => ({ start, end: start + 10, value, count, bad: 0 });
/** Values at 0 and 30, two empty buckets between, one before and one after. */
const SERIES = [b(-10, null), b(0, 10), b(10, null), b(20, null), b(30, 40), b(40, null)];

describe('applyFill', () => {
  it.each<[Fill, (number | null)[], number[]]>([
    // none: empty buckets are left out.
    ['none', [10, 40], []],
    // previous: the value before; nothing before the first value.
    ['previous', [null, 10, 10, 10, 40, 40], [10, 20, 40]],
    // linear: 10 + (40 - 10) * (10 - 0) / (30 - 0) = 20, and 30 at 20; no extrapolation at the ends.
    ['linear', [null, 10, 20, 30, 40, null], [10, 20]],
  ])('%s', (fill, values, filledStarts) => {
    const got = applyFill(SERIES, fill);
    expect(got.map((x) => x.value)).toEqual(values);
    expect(got.filter((x) => x.filled).map((x) => x.start)).toEqual(filledStarts);
  });

  it('keeps buckets that have samples but no value (stddev of one sample) as they are', () => {
    const got = applyFill([b(0, 5), b(10, null, 1), b(20, 7)], 'previous');
    expect(got.map((x) => x.value)).toEqual([5, null, 7]);
    expect(applyFill([b(0, 5), b(10, null, 1)], 'none')).toHaveLength(2);
  });

  it('falls back to the previous value between non-numbers', () => {
    expect(applyFill([b(0, 'A'), b(10, null), b(20, 'B')], 'linear').map((x) => x.value)).toEqual(['A', 'A', 'B']);
  });

  it('does not change its input', () => {
    const input = [b(0, 1), b(10, null)];
    applyFill(input, 'previous');
    expect(input[1]).toEqual(b(10, null));
  });
});
