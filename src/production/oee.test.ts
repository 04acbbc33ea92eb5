/**
 * OEE of hand-built shifts. Every expected figure is worked out by hand in the comments, and each
 * ratio is written as the fraction it is: the code divides exact sums once, so `toBe` holds.
 */
import { describe, expect, it } from 'vitest';
import { computeOee, type OeeInput } from './oee.js';
import { buildTimeline } from './states.js';
import type { CounterSeries, LineState, Point, ReasonDefinition } from './types.js';

const MIN = 60_000;
const t = (iso: string) => Date.parse(iso);
const pts = (rows: Array<[string, number]>): Point[] => rows.map(([iso, value]) => ({ ts: t(iso), value, quality: 'good' }));
const counter = (prior: [string, number], rows: Array<[string, number]>, rolloverAt?: number): CounterSeries => ({
  prior: pts([prior])[0]!, samples: pts(rows), ...(rolloverAt ? { counter: { rolloverAt } } : {}),
});

// The filler's state codes, as the demo's: 1 running, 2 idle, 3 down, 4 planned stop (breaks).
const STATE_MAP: Record<string, LineState> = { '1': 'running', '2': 'idle', '3': 'down', '4': 'planned' };
const REASONS = new Map<number, ReasonDefinition>([
  [101, { code: 101, label: 'Bottle jam at infeed', loss: 'breakdown' }],
  [104, { code: 104, label: 'Product changeover', loss: 'setup' }],
  [900, { code: 900, label: 'Planned maintenance', loss: 'planned' }],
]);

function timeline(states: Array<[string, number]>, reasons: Array<[string, number]>, to: string, assigned?: Map<number, number>) {
  return buildTimeline({ to: t(to), states: pts(states), reasons: pts(reasons), stateMap: STATE_MAP, reasonDefs: REASONS, minorStopMs: 5 * MIN, ...(assigned ? { assigned } : {}) });
}

describe('OEE of a night shift crossing midnight, with a 16-bit counter rolling over', () => {
  // Shift C of 2026-01-14, America/Chicago (CST, UTC-6): 22:00 → 06:00 = 04:00Z → 12:00Z, 480 min.
  const from = '2026-01-15T04:00:00Z';
  const to = '2026-01-15T12:00:00Z';
  const states: Array<[string, number]> = [
    ['2026-01-15T03:00:00Z', 1], // 21:00 running (before the shift: the state in force at 22:00)
    ['2026-01-15T05:30:00Z', 3], // 23:30 down, jam (PLC reason 101)          40 min breakdown
    ['2026-01-15T06:10:00Z', 1], // 00:10 running, past midnight
    ['2026-01-15T08:00:00Z', 4], // 02:00 planned stop (meal break)           30 min planned
    ['2026-01-15T08:30:00Z', 3], // 02:30 down 2 min, jam: under 5 min         2 min minor stop
    ['2026-01-15T08:32:00Z', 1], // 02:32 running
    ['2026-01-15T10:00:00Z', 3], // 04:00 down, changeover (PLC reason 104)    20 min setup
    ['2026-01-15T10:20:00Z', 1], // 04:20 running until the end of the shift
  ];
  const reasons: Array<[string, number]> = [['2026-01-15T05:30:01Z', 101], ['2026-01-15T06:10:00Z', 0], ['2026-01-15T08:30:00Z', 101], ['2026-01-15T08:32:00Z', 0], ['2026-01-15T10:00:00Z', 104], ['2026-01-15T10:20:00Z', 0]];
  // Good counter, wrapping at 65536: 60000 before the shift, then +7000 (60000 → 67000 = 1464 after
  // the wrap), +8000, +5000, +580 = 20580 good. Rejects: +100, +120, +80, +120 = 420. Total 21000.
  const good = counter(['2026-01-15T03:59:00Z', 60_000], [['2026-01-15T05:30:00Z', 1464], ['2026-01-15T08:00:00Z', 9464], ['2026-01-15T10:00:00Z', 14_464], ['2026-01-15T11:59:59Z', 15_044]], 65_536);
  const reject = counter(['2026-01-15T03:59:00Z', 100], [['2026-01-15T05:30:00Z', 200], ['2026-01-15T08:00:00Z', 320], ['2026-01-15T10:00:00Z', 400], ['2026-01-15T11:59:59Z', 520]], 65_536);
  const input: OeeInput = {
    from: t(from), to: t(to), timeline: timeline(states, reasons, to), good, counts: { reject },
    idealCycle: [{ start: t(from), end: t(to), ms: 1000 }], // 60 bottles/min ideal
  };
  const r = computeOee(input);

  it('splits the time', () => {
    // calendar 480 min; planned 30 → planned production 450 min; breakdown 40 + setup 20 → operating 390 min;
    // running = 90 + 110 + 88 + 100 = 388 min; minor stop 2 min.
    expect(r.time).toEqual({ calendar: 480 * MIN, unknown: 0, planned: 30 * MIN, plannedProduction: 450 * MIN, operating: 390 * MIN, running: 388 * MIN });
    expect(r.counts).toEqual({ good: 20_580, total: 21_000, reject: 420, startupReject: 0, unrated: 0 });
  });

  it('computes availability, performance, quality and OEE', () => {
    // A = 390 / 450 = 0.8667; P = 21000 × 1 s / 390 min = 21000 / 23400 = 0.8974; Q = 20580 / 21000 = 0.98
    // OEE = 20580 × 1 s / 450 min = 20580 / 27000 = 0.7622 (= A × P × Q)
    expect(r.availability).toBe(390 / 450);
    expect(r.performance).toBe(21_000 / 23_400);
    expect(r.quality).toBe(0.98);
    expect(r.oee).toBe(20_580 / 27_000);
    expect(r.oee).toBeCloseTo(r.availability! * r.performance! * r.quality!, 12);
  });

  it('breaks the losses down into the six big losses, adding up to planned production time', () => {
    // breakdowns 40 min, setup 20 min, minor stops 2 min, reduced speed = 388 min − 21000 s = 23280 − 21000 s = 2280 s,
    // production rejects 420 × 1 s = 420 s. Sum: 2400 + 1200 + 120 + 2280 + 420 = 6420 s; + 20580 s fully productive = 27000 s.
    expect(r.losses).toEqual({ breakdowns: 2_400_000, setupAndAdjustments: 1_200_000, idlingAndMinorStops: 120_000, reducedSpeed: 2_280_000, startupRejects: 0, productionRejects: 420_000 });
    const sum = Object.values(r.losses).reduce((a, b) => a + b, 0);
    expect(sum + r.fullyProductiveMs).toBe(r.time.plannedProduction);
  });

  it('counts rejects after a stop as startup rejects when asked', () => {
    // Startup windows of 10 min after each stop: 00:10, 02:32, 04:20. Rejects are sampled at 02:00, 04:00 and
    // 05:59:59, none inside a window: still 0. A window of 2 h from 04:20 holds the 05:59:59 sample? No: 04:20 + 2 h = 06:20
    // is past the end, so the window is 04:20 → 06:00 and holds +120 rejects (and +580 good).
    expect(computeOee({ ...input, startupMs: 10 * MIN }).counts.startupReject).toBe(0);
    const s = computeOee({ ...input, startupMs: 120 * MIN });
    expect(s.counts.startupReject).toBe(120);
    expect(s.losses.startupRejects).toBe(120_000);
    expect(s.losses.productionRejects).toBe(300_000);
  });
});

describe('OEE across a DST change', () => {
  it('gives the fall-back night shift its 9 hours (2026-11-01, America/Chicago)', () => {
    // Shift C of 2026-10-31: 22:00 CDT = 03:00Z → 06:00 CST = 12:00Z = 540 min, not 480.
    // Down 60 min from 01:30 CDT (06:30Z) to 01:30 CST (07:30Z): the same wall time twice.
    const from = '2026-11-01T03:00:00Z';
    const to = '2026-11-01T12:00:00Z';
    const tl = timeline([['2026-11-01T02:00:00Z', 1], ['2026-11-01T06:30:00Z', 3], ['2026-11-01T07:30:00Z', 1]], [['2026-11-01T06:30:00Z', 101], ['2026-11-01T07:30:00Z', 0]], to);
    // 27000 bottles, 270 rejected, at 1 s ideal.
    const r = computeOee({
      from: t(from), to: t(to), timeline: tl, idealCycle: [{ start: t(from), end: t(to), ms: 1000 }],
      good: counter(['2026-11-01T02:59:00Z', 0], [['2026-11-01T11:59:00Z', 26_730]]),
      counts: { total: counter(['2026-11-01T02:59:00Z', 0], [['2026-11-01T11:59:00Z', 27_000]]) },
    });
    // A = 480 / 540 = 0.8889; P = 27000 s / 480 min = 27000 / 28800 = 0.9375; Q = 26730 / 27000 = 0.99;
    // OEE = 26730 / 32400 = 0.825.
    expect(r.time.plannedProduction).toBe(540 * MIN);
    expect(r.availability).toBe(480 / 540);
    expect(r.performance).toBe(0.9375);
    expect(r.quality).toBe(0.99);
    expect(r.oee).toBe(0.825);
  });

  it('gives the spring-forward night shift its 7 hours (2026-03-08, America/Chicago)', () => {
    // Shift C of 2026-03-07: 22:00 CST = 04:00Z → 06:00 CDT = 11:00Z = 420 min. Running throughout,
    // 21000 made and good at 1 s ideal: A = 1, P = 21000 / 25200 = 0.8333, Q = 1, OEE = 0.8333.
    const from = '2026-03-08T04:00:00Z';
    const to = '2026-03-08T11:00:00Z';
    const r = computeOee({
      from: t(from), to: t(to), timeline: timeline([['2026-03-08T03:00:00Z', 1]], [], to), idealCycle: [{ start: t(from), end: t(to), ms: 1000 }],
      good: counter(['2026-03-08T03:59:00Z', 100], [['2026-03-08T10:59:00Z', 21_100]]),
      counts: { reject: counter(['2026-03-08T03:59:00Z', 0], [['2026-03-08T10:59:00Z', 0]]) },
    });
    expect(r.time.plannedProduction).toBe(420 * MIN);
    expect(r.availability).toBe(1);
    expect(r.performance).toBe(21_000 / 25_200);
    expect(r.oee).toBe(21_000 / 25_200);
  });
});

describe('OEE with a reason assigned after the fact', () => {
  // Shift A of 2026-01-15 in UTC for short arithmetic: 06:00 → 14:00 = 480 min; down 08:00 → 09:00 with no PLC reason.
  const from = '2026-01-15T06:00:00Z';
  const to = '2026-01-15T14:00:00Z';
  const states: Array<[string, number]> = [['2026-01-15T05:00:00Z', 1], ['2026-01-15T08:00:00Z', 3], ['2026-01-15T09:00:00Z', 1]];
  const run = (assigned?: Map<number, number>) => computeOee({
    from: t(from), to: t(to), timeline: timeline(states, [], to, assigned), idealCycle: [{ start: t(from), end: t(to), ms: 2000 }],
    // 12600 made, all good, at 2 s ideal: 25200 s = 420 min of ideal time.
    good: counter(['2026-01-15T05:59:00Z', 0], [['2026-01-15T13:59:00Z', 12_600]]),
    counts: { reject: counter(['2026-01-15T05:59:00Z', 0], [['2026-01-15T13:59:00Z', 0]]) },
  });
  const stop = t('2026-01-15T08:00:00Z');

  it('counts an unexplained stop as a breakdown', () => {
    // A = 420 / 480 = 0.875; P = 420 / 420 = 1; OEE = 0.875.
    const r = run();
    expect(r.losses.breakdowns).toBe(60 * MIN);
    expect(r.availability).toBe(0.875);
    expect(r.oee).toBe(0.875);
  });

  it('moves the stop to setup when an operator says it was a changeover: availability unchanged', () => {
    const r = run(new Map([[stop, 104]]));
    expect(r.losses.breakdowns).toBe(0);
    expect(r.losses.setupAndAdjustments).toBe(60 * MIN);
    expect(r.availability).toBe(0.875);
  });

  it('takes the stop out of planned production time when an operator says it was planned maintenance', () => {
    // Planned production 480 − 60 = 420 min: A = 420 / 420 = 1, P = 1, OEE = 1.
    const r = run(new Map([[stop, 900]]));
    expect(r.time.planned).toBe(60 * MIN);
    expect(r.availability).toBe(1);
    expect(r.oee).toBe(1);
  });

  it('lets the operator override the PLC reason', () => {
    const tl = timeline(states, [['2026-01-15T08:00:00Z', 101]], to, new Map([[stop, 104]]));
    expect(tl[1]).toMatchObject({ state: 'down', reason: 104, reasonSource: 'operator', class: 'setup' });
    expect(timeline(states, [['2026-01-15T08:00:00Z', 101]], to)[1]).toMatchObject({ reason: 101, reasonSource: 'plc', class: 'breakdown' });
  });
});

describe('OEE edge cases', () => {
  it('has no ratios over an empty planned production time, and no performance for unrated units', () => {
    const from = t('2026-01-15T06:00:00Z');
    const to = t('2026-01-15T07:00:00Z');
    const planned = computeOee({ from, to, timeline: timeline([['2026-01-15T05:00:00Z', 4]], [], '2026-01-15T07:00:00Z'), idealCycle: [], good: { samples: [] }, counts: { reject: { samples: [] } } });
    expect([planned.availability, planned.performance, planned.quality, planned.oee]).toEqual([null, null, null, null]);
    const unknown = computeOee({ from, to, timeline: [], idealCycle: [], good: { samples: [] }, counts: { reject: { samples: [] } } });
    expect(unknown.time.unknown).toBe(60 * MIN);
    const unrated = computeOee({
      from, to, timeline: timeline([['2026-01-15T05:00:00Z', 1]], [], '2026-01-15T07:00:00Z'), idealCycle: [],
      good: counter(['2026-01-15T05:59:00Z', 0], [['2026-01-15T06:30:00Z', 10]]), counts: { reject: { samples: [] } },
    });
    expect(unrated.counts.unrated).toBe(10);
    expect(unrated.performance).toBeNull();
    expect(unrated.quality).toBe(1);
  });
});
