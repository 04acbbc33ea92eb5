/**
 * Data of the historian correctness suite and the answers worked out by hand (the arithmetic is
 * in the comments). Nothing here is computed by the code under test.
 */
import type { Sample, Value } from '../core/sample.js';

export const MIN = 60_000;
/** 2026-11-23 08:00 UTC; every case counts minutes from here. */
export const T = Date.UTC(2026, 10, 23, 8, 0, 0);
/** Four 10-minute buckets: [0,10) [10,20) [20,30) [30,40) minutes after T. */
export const RANGE = { from: T, to: T + 40 * MIN, interval: '10m' } as const;

const at = (path: string, minute: number, value: Value, quality: Sample['quality'] = 'good'): Sample => ({ path, ts: T + minute * MIN, value, quality });

/**
 * line1/temp: 20 before the range (-5), 30 at 5, a bad 999 at 7, 26 at 9, 40 at 15, nothing in
 * [20,30), 10 at 35, and 40 at 50 after the range.
 */
export const TEMP = 'line1/temp';
export const TEMP_SAMPLES: Sample[] = [
  at(TEMP, -5, 20), at(TEMP, 5, 30), at(TEMP, 7, 999, 'bad'), at(TEMP, 9, 26), at(TEMP, 15, 40), at(TEMP, 35, 10), at(TEMP, 50, 40),
];

/** Expected per bucket for TEMP; null where the bucket has no value. */
export const TEMP_EXPECTED: Record<string, (Value | null)[]> = {
  // Good samples per bucket: [30, 26] | [40] | - | [10]; the 999 is bad.
  count: [2, 1, 0, 1],
  avg: [28, 40, null, 10], // (30 + 26) / 2 = 28
  min: [26, 40, null, 10],
  max: [30, 40, null, 10],
  sum: [56, 40, null, 10],
  first: [30, 40, null, 10],
  last: [26, 40, null, 10],
  stddev: [Math.sqrt(8), null, null, null], // deviations ±2 from 28: (4 + 4) / (2 - 1) = 8
  // Linear, with 20 at -5 and 40 at 50 (value·minutes):
  //   [0,5]:  line 20@-5 -> 30@5 gives 25 at 0: (25 + 30) / 2 * 5 = 137.5
  //   [5,9]:  30 -> 26: (30 + 26) / 2 * 4 = 112          (the bad 999 is skipped)
  //   [9,10]: 26@9 -> 40@15 rises 7/3 a minute, 85/3 at 10: (26 + 85/3) / 2 * 1 = 163/6
  //   bucket 0: 137.5 + 112 + 163/6 = 830/3, over 10 minutes = 83/3
  //   [10,15]: (85/3 + 40) / 2 * 5 = 1025/6; [15,20]: 40@15 -> 10@35 is 32.5 at 20: (40 + 32.5) / 2 * 5 = 181.25
  //   bucket 1: 1025/6 + 181.25 = 4225/12, over 10 = 4225/120
  //   bucket 2: 32.5 -> 17.5: 25 * 10 = 250, twa 25
  //   [30,35]: (17.5 + 10) / 2 * 5 = 68.75; [35,40]: 10@35 -> 40@50 is 20 at 40: (10 + 20) / 2 * 5 = 75
  //   bucket 3: 143.75, twa 14.375
  twa: [83 / 3, 4225 / 120, 25, 14.375],
  integral: [(830 / 3) * 60, (4225 / 12) * 60, 250 * 60, 143.75 * 60], // value·minutes * 60 = value·seconds
};

/** TEMP with interpolation step: held values 20 | 26, 40 | 40 | 40, 10. */
export const TEMP_STEP_EXPECTED: Record<string, number[]> = {
  // bucket 0: 20*5 + 30*4 + 26*1 = 246; bucket 1: 26*5 + 40*5 = 330; bucket 2: 400; bucket 3: 40*5 + 10*5 = 250
  twa: [24.6, 33, 40, 25],
  integral: [246 * 60, 330 * 60, 400 * 60, 250 * 60],
};

/** avg of TEMP with each fill; bucket 2 is the empty one. */
export const TEMP_FILLS = {
  none: [28, 40, 10], // the empty bucket is left out
  previous: [28, 40, 40, 10],
  linear: [28, 40, 25, 10], // 40 at 10 min, 10 at 30 min: 40 + (10 - 40) * (20 - 10) / (30 - 10) = 25
} as const;

/** One sample, 7 at 25 minutes. */
export const SINGLE = 'line1/single';
export const SINGLE_SAMPLES: Sample[] = [at(SINGLE, 25, 7)];
export const SINGLE_EXPECTED = {
  avg: [null, null, 7, null],
  count: [0, 0, 1, 0],
  twa: [null, null, 7, 7], // nothing known before 25; 7 holds from 25 to the end
  previous: [null, null, 7, 7], // avg, fill previous
};

/** Two counters with the same readings: c/wraps rolls over at 1000, c/resets has no rollover value. */
export const ROLLS = 'c/wraps';
export const RESETS = 'c/resets';
const COUNTS: [number, number][] = [[-5, 900], [2, 950], [4, 990], [6, 30], [12, 80], [25, 5]];
export const COUNTER_SAMPLES: Sample[] = COUNTS.flatMap(([m, v]) => [at(ROLLS, m, v), at(RESETS, m, v)]);
export const COUNTER_EXPECTED = {
  // bucket 0: 950 - 900 = 50, 990 - 950 = 40, 990 -> 30 wraps: 1000 - 990 + 30 = 40: 130
  // bucket 1: 80 - 30 = 50; bucket 2: 80 -> 5 wraps: 1000 - 80 + 5 = 925; bucket 3: no sample, no increase
  [ROLLS]: [130, 50, 925, 0],
  // A drop is a reset that counted up from 0: bucket 0: 50 + 40 + 30 = 120; bucket 2: 5
  [RESETS]: [120, 50, 5, 0],
};

/**
 * A 16-bit good counter (bits: 16, onDrop auto) over a 40-minute "shift": it wraps twice, then is
 * zeroed at an order change. By hand: 65000 before; +500 (65500) | wrap 65536 - 65500 + 300 = 336
 * | +39700 (40000) | +25000 (65000) | wrap 65536 - 65000 + 500 = 1036 | +9500 (10000) | a drop to 50
 * would imply 55586 (more than half the range): a reset, +50. Shift: 76122 (one 40m bucket).
 * Per 10m bucket: [500 + 336, 39700 + 25000, 1036 + 9500, 50].
 */
export const GOOD16 = 'c/good16';
export const GOOD16_RULE = { rolloverAt: 65_536 } as const;
export const GOOD16_SAMPLES: Sample[] = ([[-1, 65_000], [3, 65_500], [8, 300], [12, 40_000], [18, 65_000], [21, 500], [29, 10_000], [35, 50]] as const).map(([m, v]) => at(GOOD16, m, v));
export const GOOD16_EXPECTED = { shift: 76_122, buckets: [836, 64_700, 10_536, 50], asResets: [500 + 300, 64_700, 500 + 9500, 50] };

/** A boolean and a state string: false/IDLE before the range, true/RUN at 5, false/STOP at 15. */
export const RUNNING = 'm/running';
export const STATE = 'm/state';
export const STEP_SAMPLES: Sample[] = [
  at(RUNNING, -5, false), at(RUNNING, 5, true), at(RUNNING, 15, false),
  at(STATE, -5, 'IDLE'), at(STATE, 5, 'RUN'), at(STATE, 15, 'STOP'),
];
export const STEP_EXPECTED = {
  // Booleans step even when the path asks for linear: true during [5,15) only.
  runningTwa: [0.5, 0.5, 0, 0],
  stateFirst: ['RUN', 'STOP', null, null],
  stateCount: [1, 1, 0, 0],
};

/** Hourly samples of 1 across the Chicago DST changes: every hour on the hour, UTC. */
export const DST = 'site/flow';
export function hourly(fromIso: string, toIso: string): Sample[] {
  const out: Sample[] = [];
  for (let t = Date.parse(fromIso); t < Date.parse(toIso); t += 60 * MIN) out.push({ path: DST, ts: t, value: 1, quality: 'good' });
  return out;
}
export const DST_CASES = [
  {
    name: 'spring forward (2026-03-08 has 23 hours)',
    // Local midnights: Mar 7 06:00Z (CST), Mar 8 06:00Z (CST), Mar 9 05:00Z (CDT), Mar 10 05:00Z (CDT).
    samples: hourly('2026-03-07T06:00:00Z', '2026-03-10T05:00:00Z'),
    from: '2026-03-07T06:00:00Z', to: '2026-03-10T05:00:00Z',
    starts: ['2026-03-07T06:00:00.000Z', '2026-03-08T06:00:00.000Z', '2026-03-09T05:00:00.000Z'],
    counts: [24, 23, 24],
    integral: [86_400, 82_800, 86_400], // the value 1 held for 24 h, 23 h, 24 h, in seconds
  },
  {
    name: 'fall back (2026-11-01 has 25 hours)',
    // Local midnights: Oct 31 05:00Z (CDT), Nov 1 05:00Z (CDT), Nov 2 06:00Z (CST), Nov 3 06:00Z (CST).
    samples: hourly('2026-10-31T05:00:00Z', '2026-11-03T06:00:00Z'),
    from: '2026-10-31T05:00:00Z', to: '2026-11-03T06:00:00Z',
    starts: ['2026-10-31T05:00:00.000Z', '2026-11-01T05:00:00.000Z', '2026-11-02T06:00:00.000Z'],
    counts: [24, 25, 24],
    integral: [86_400, 90_000, 86_400],
  },
];

/** Values of TEMP at instants (minutes), linear and step. */
export const AT_CASES: { minute: number; linear: number | null; step: number | null }[] = [
  { minute: 12, linear: 33, step: 26 }, // 26@9 -> 40@15: 26 + 14 * 3 / 6 = 33
  { minute: 8, linear: 27, step: 30 }, // the bad 999 at 7 is skipped: 30@5 -> 26@9: 30 - 1 * 3 = 27
  { minute: 15, linear: 40, step: 40 }, // exactly on a sample
  { minute: 70, linear: 40, step: 40 }, // after the last sample (40 at 50) the value holds
  { minute: -10, linear: null, step: null }, // before the first sample
];

/** Raw paging: three paths, ties on time across paths and a doubled sample of one path. */
export function pagingSamples(): Sample[] {
  const out: Sample[] = [];
  for (let i = 0; i < 9; i++) {
    for (const p of ['r/a', 'r/b', 'r/c']) out.push(at(p, i % 4, i * 10 + p.charCodeAt(2)));
  }
  return out;
}
