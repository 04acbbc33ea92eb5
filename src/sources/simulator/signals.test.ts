import { describe, expect, it } from 'vitest';
import { streamSeed } from './rng.js';
import { FirstOrderLag, quantize, rampAt, RandomWalk, reflect, sineAt, stepAt } from './signals.js';
import { stats } from './__fixtures__/test-kit.js';

describe('sineAt', () => {
  const s = { amplitude: 2, periodSeconds: 60, offset: 10 };
  it.each([
    [0, 10],
    [15, 12],
    [30, 10],
    [45, 8],
    [60, 10],
  ])('at t=%ds is %d', (t, expected) => {
    expect(sineAt(s, t)).toBeCloseTo(expected, 9);
  });

  it('shifts by the phase in degrees', () => {
    expect(sineAt({ ...s, phase: 90 }, 0)).toBeCloseTo(12, 9);
    expect(sineAt({ ...s, phase: 180 }, 15)).toBeCloseTo(8, 9);
  });
});

describe('rampAt', () => {
  const r = { from: 10, to: 20, durationSeconds: 100 };
  it.each([
    [0, false, 10],
    [50, false, 15],
    [100, false, 20],
    [250, false, 20],
    [150, true, 15],
    [200, true, 10],
  ])('at t=%ds (repeat %s) is %d', (t, repeat, expected) => {
    expect(rampAt({ ...r, repeat }, t)).toBeCloseTo(expected, 9);
  });

  it('ramps down when to < from', () => {
    expect(rampAt({ from: 5, to: 1, durationSeconds: 4 }, 1)).toBe(4);
  });
});

describe('stepAt', () => {
  const s = { levels: [1, 5, 3], holdSeconds: 10 };
  it.each([
    [0, 1],
    [9.9, 1],
    [10, 5],
    [25, 3],
    [30, 1],
    [0.3 * 100, 1], // 30.000000000000004 still the 4th hold, not a float tail of the 3rd
  ])('at t=%ds is %d', (t, expected) => {
    expect(stepAt(s, t)).toBe(expected);
  });
});

describe('quantize', () => {
  it.each([
    [0.1 + 0.2, 0.1, 0.3],
    [12.34, 0.5, 12.5],
    [12.24, 0.5, 12],
    [499.96, 0.1, 500],
    [-0.04, 0.1, 0],
    [7.004, 0.01, 7],
    [123.456, 1, 123],
    [1234, 100, 1200],
  ])('%d with step %d is %d', (value, step, expected) => {
    const q = quantize(value, step);
    expect(q).toBe(expected);
    expect(Object.is(q, -0)).toBe(false);
  });
});

describe('reflect', () => {
  it.each([
    [5, 0, 10, 5],
    [12, 0, 10, 8],
    [-3, 0, 10, 3],
    [25, 0, 10, 5],
    [45, 0, 10, 10],
  ])('%d in [%d, %d] is %d', (v, min, max, expected) => {
    expect(reflect(v, min, max)).toBe(expected);
  });
});

describe('RandomWalk', () => {
  const spec = { start: 50, step: 0.5, min: 40, max: 60, meanReversion: 0.01 };

  it('repeats for a stream and stays within [min, max]', () => {
    const a = new RandomWalk(spec, 1, streamSeed(1, 'w'));
    const b = new RandomWalk(spec, 1, streamSeed(1, 'w'));
    const xs = Array.from({ length: 20_000 }, (_, k) => a.at(k));
    expect(Array.from({ length: 20_000 }, (_, k) => b.at(k))).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(40);
    expect(Math.max(...xs)).toBeLessThanOrEqual(60);
    expect(new Set(xs).size).toBeGreaterThan(1000);
  });

  it('drifts slowly: steps have the configured size and the mean stays near start', () => {
    const w = new RandomWalk({ ...spec, min: 0, max: 100 }, 1, streamSeed(2, 'w'));
    const xs = Array.from({ length: 50_000 }, (_, k) => w.at(k));
    const diffs = xs.slice(1).map((x, i) => x - xs[i]!);
    expect(stats(diffs).sd).toBeGreaterThan(0.45);
    expect(stats(diffs).sd).toBeLessThan(0.55);
    expect(Math.abs(stats(xs).mean - 50)).toBeLessThan(1.5);
    // stationary spread of the OU process: step / sqrt(1 - (1 - r)^2) ≈ 3.5
    expect(stats(xs).sd).toBeGreaterThan(2.5);
    expect(stats(xs).sd).toBeLessThan(4.5);
  });

  it('jumps a gap in one draw with the n-step spread', () => {
    const ends = Array.from({ length: 4000 }, (_, i) => new RandomWalk({ start: 0, step: 1, min: -1e9, max: 1e9 }, 1, streamSeed(3, i)).at(100));
    // no mean reversion: 100 one-second steps of sd 1 spread as sd 10
    expect(stats(ends).sd).toBeGreaterThan(9.3);
    expect(stats(ends).sd).toBeLessThan(10.7);
  });
});

describe('FirstOrderLag', () => {
  it('starts at the input and reaches 63 % of a step after one time constant', () => {
    const lag = new FirstOrderLag(10, 1);
    expect(lag.at(0, 0)).toBe(0);
    let y = 0;
    for (let k = 1; k <= 10; k++) y = lag.at(k, 100);
    expect(y).toBeCloseTo(100 * (1 - Math.exp(-1)), 6);
  });

  it('over a gap equals stepping through it when the input holds', () => {
    const stepped = new FirstOrderLag(5, 0.5);
    const jumped = new FirstOrderLag(5, 0.5);
    stepped.at(0, 10);
    jumped.at(0, 10);
    let y = 0;
    for (let k = 1; k <= 20; k++) y = stepped.at(k, 30);
    expect(jumped.at(20, 30)).toBeCloseTo(y, 9);
  });

  it('passes the input through without a time constant', () => {
    const lag = new FirstOrderLag(0, 1);
    lag.at(0, 1);
    expect(lag.at(1, 42)).toBe(42);
  });
});
