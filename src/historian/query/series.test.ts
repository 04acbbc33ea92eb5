import { describe, expect, it } from 'vitest';
import type { Quality, Value } from '../../core/sample.js';
import type { StoredSample } from '../types.js';
import { SeriesAggregator } from './series.js';
import type { CounterRule } from '../../core/counter.js';
import type { Aggregate, Interpolation } from './types.js';

const MIN = 60_000;
const T = Date.UTC(2026, 10, 23, 8, 0, 0);
/** Three 10-minute buckets: [0, 10), [10, 20), [20, 30) minutes after T. */
const EDGES = [T, T + 10 * MIN, T + 20 * MIN, T + 30 * MIN];
const at = (minute: number, value: Value, quality: Quality = 'good'): StoredSample => ({ path: 'p', ts: T + minute * MIN, value, quality });

/** Linear ramp: 0 at -5, 10 at 5, 20 at 15, then 30 at 35 (after the range). */
const RAMP = { prior: at(-5, 0), samples: [at(5, 10), at(15, 20)], next: at(35, 30) };

interface Case {
  name: string;
  agg: Aggregate;
  samples: StoredSample[];
  prior?: StoredSample;
  next?: StoredSample;
  interpolation?: Interpolation;
  counter?: CounterRule;
  expected: (Value | null)[];
}

const CASES: Case[] = [
  // Linear: bucket 0 runs 5 -> 10 (0..5 min: (5+10)/2*5 = 37.5) and 10 -> 15 (62.5): 100/10 = 10.
  // Bucket 1: 15 -> 20 (87.5), then towards 30 at 35: 20 -> 22.5 (106.25): 193.75/10 = 19.375.
  // Bucket 2: 22.5 -> 27.5: 250/10 = 25.
  { name: 'twa, linear, with the value before the range and after it', agg: 'twa', ...RAMP, expected: [10, 19.375, 25] },
  // Without the sample after the range, 20 holds from 15 on: bucket 1 is 87.5 + 100 = 187.5 -> 18.75.
  { name: 'twa, linear, last value held at the end', agg: 'twa', prior: RAMP.prior, samples: RAMP.samples, expected: [10, 18.75, 20] },
  // Step: bucket 0 holds 0 for 5 min and 10 for 5 min: 50/10 = 5; bucket 1: 10*5 + 20*5 = 150 -> 15.
  { name: 'twa, step', agg: 'twa', ...RAMP, interpolation: 'step', expected: [5, 15, 20] },
  // Without the prior value bucket 0 covers only 5..10 min: step 10; linear 10 -> 15, mean 12.5.
  { name: 'twa without a value before the range covers only the known part', agg: 'twa', samples: RAMP.samples, interpolation: 'step', expected: [10, 15, 20] },
  { name: 'twa without a value before the range, linear', agg: 'twa', samples: RAMP.samples, next: RAMP.next, expected: [12.5, 19.375, 25] },
  // Integral in value·seconds: the twa areas (value·minutes) times 60.
  { name: 'integral, linear (trapezoids)', agg: 'integral', ...RAMP, expected: [6000, 11_625, 15_000] },
  { name: 'integral, step (rectangles)', agg: 'integral', ...RAMP, interpolation: 'step', expected: [3000, 9000, 12_000] },
  { name: 'avg leaves an empty bucket null', agg: 'avg', ...RAMP, expected: [10, 20, null] },
  // 2,4,4,4,5,5,7,9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, sample stddev sqrt(32/7).
  { name: 'stddev (sample)', agg: 'stddev', samples: [2, 4, 4, 4, 5, 5, 7, 9].map((v, i) => at(i, v)), expected: [Math.sqrt(32 / 7), null, null] },
  { name: 'sum', agg: 'sum', samples: [2, 4, 4, 4, 5, 5, 7, 9].map((v, i) => at(i, v)), expected: [40, null, null] },
  { name: 'min', agg: 'min', samples: [at(1, 3), at(2, -1), at(12, 7)], expected: [-1, 7, null] },
  { name: 'max', agg: 'max', samples: [at(1, 3), at(2, -1), at(12, 7)], expected: [3, 7, null] },
  { name: 'count counts every type and is 0 when empty', agg: 'count', samples: [at(1, 3), at(2, 'x'), at(3, true)], expected: [3, 0, 0] },
  { name: 'first and last keep strings', agg: 'first', samples: [at(1, 'A'), at(3, 'B'), at(11, 'C')], expected: ['A', 'C', null] },
  { name: 'last', agg: 'last', samples: [at(1, 'A'), at(3, 'B'), at(11, 'C')], expected: ['B', 'C', null] },
  // Counter with rollover at 100: 90 (prior) 95 99 3 | 10 | 2.
  // Bucket 0: 5 + 4 + (100 - 99 + 3) = 13; bucket 1: 10 - 3 = 7; bucket 2: 100 - 10 + 2 = 92.
  { name: 'delta with rollover', agg: 'delta', prior: at(-5, 90), samples: [at(2, 95), at(4, 99), at(6, 3), at(12, 10), at(25, 2)], counter: { rolloverAt: 100, onDrop: 'rollover' }, expected: [13, 7, 92] },
  // The same counter without a rollover value: a drop is a reset that counted from 0.
  // Bucket 0: 5 + 4 + 3 = 12; bucket 1: 7; bucket 2: 2.
  { name: 'delta with resets', agg: 'delta', prior: at(-5, 90), samples: [at(2, 95), at(4, 99), at(6, 3), at(12, 10), at(25, 2)], expected: [12, 7, 2] },
  // No sample in bucket 1 while a value is in force: no increase (0); nothing known before the first sample: null.
  { name: 'delta of an empty bucket', agg: 'delta', samples: [at(12, 5), at(25, 8)], expected: [null, 0, 3] },
  { name: 'delta of an empty bucket after a value', agg: 'delta', samples: [at(2, 5), at(25, 8)], expected: [0, 0, 3] },
  // Booleans step even on a linear path: false until 5, true until 15, then false.
  { name: 'twa of a boolean is the fraction of time it was true', agg: 'twa', prior: at(-5, false), samples: [at(5, true), at(15, false)], next: at(35, true), expected: [0.5, 0.5, 0] },
  // Bad samples count nowhere but in `bad`: bucket 0 is 10 and 20 -> 15.
  { name: 'bad samples are left out', agg: 'avg', samples: [at(1, 10), at(2, 1000, 'bad'), at(3, 20, 'uncertain')], expected: [15, null, null] },
  { name: 'a single sample', agg: 'twa', samples: [at(25, 4)], expected: [null, null, 4] },
];

function run(c: Case) {
  const opts = { agg: c.agg, edges: EDGES, interpolation: c.interpolation ?? 'linear', ...(c.counter !== undefined ? { counter: c.counter } : {}) };
  const s = new SeriesAggregator(opts, c.prior);
  for (const x of c.samples) s.push(x);
  return s.finish(c.next);
}

describe('SeriesAggregator', () => {
  it.each(CASES)('$name', (c) => {
    const got = run(c).map((b) => b.value);
    expect(got).toHaveLength(c.expected.length);
    c.expected.forEach((e, i) => {
      if (typeof e === 'number') expect(got[i]).toBeCloseTo(e, 9);
      else expect(got[i]).toEqual(e);
    });
  });

  it('reports bucket bounds, usable counts and bad counts', () => {
    const got = run({ name: '', agg: 'avg', samples: [at(1, 10), at(2, 1000, 'bad'), at(21, 3, 'bad')], expected: [] });
    expect(got).toEqual([
      { start: EDGES[0], end: EDGES[1], value: 10, count: 1, bad: 1 },
      { start: EDGES[1], end: EDGES[2], value: null, count: 0, bad: 0 },
      { start: EDGES[2], end: EDGES[3], value: null, count: 0, bad: 1 },
    ]);
  });

  it('ignores a bad prior value and samples outside the buckets', () => {
    const got = run({ name: '', agg: 'twa', prior: at(-5, 100, 'bad'), samples: [at(-1, 50), at(5, 10), at(30, 99)], interpolation: 'step', expected: [] });
    expect(got.map((b) => b.value)).toEqual([10, 10, 10]);
  });
});
