import { describe, expect, it } from 'vitest';
import { counterAt, countsIn, resetSteps, wrap } from './counter.js';

const free = (j: number) => j;

describe('countsIn', () => {
  it.each([
    [10, 1, 10],
    [0.29, 100, 29], // 0.29 * 100 is 28.999999999999996 in floating point
    [0.1, 3, 0],
    [0.1, 10, 1],
    [9.92, 0.5, 4],
    [0, 1e6, 0],
  ])('%d per second over %ds is %d', (rate, seconds, expected) => {
    expect(countsIn(rate, seconds)).toBe(expected);
  });
});

describe('wrap', () => {
  it.each([
    [65535, 65536, 65535],
    [65536, 65536, 0],
    [65537, 65536, 1],
    [2 ** 32 + 5, 2 ** 32, 5],
    [12, 5, 2],
  ])('%d in a register wrapping at %d reads %d', (total, at, expected) => {
    expect(wrap(total, at)).toBe(expected);
  });
});

describe('counterAt', () => {
  it('counts the rate per second of counting time, from start', () => {
    const spec = { ratePerSecond: 10, start: 100 };
    expect(counterAt(spec, 1, 0, free)).toBe(100);
    expect(counterAt(spec, 1, 1, free)).toBe(110);
    expect(counterAt(spec, 0.5, 7, free)).toBe(135);
  });

  it('rolls over to 0 exactly on reaching rolloverAt', () => {
    const spec = { ratePerSecond: 1, rolloverAt: 65536, start: 65530 };
    const values = Array.from({ length: 10 }, (_, k) => counterAt(spec, 1, k, free));
    expect(values).toEqual([65530, 65531, 65532, 65533, 65534, 65535, 0, 1, 2, 3]);
  });

  it('counts only the steps the machine ran', () => {
    // running in steps 0-4 and 10-14 only
    const running = (j: number) => Math.min(j, 5) + Math.max(0, Math.min(j, 15) - 10);
    const spec = { ratePerSecond: 2 };
    const values = Array.from({ length: 16 }, (_, k) => counterAt(spec, 1, k, running));
    expect(values).toEqual([0, 2, 4, 6, 8, 10, 10, 10, 10, 10, 10, 12, 14, 16, 18, 20]);
  });

  it('resets to 0 every resetEvery seconds and counts again from there', () => {
    const spec = { ratePerSecond: 1, start: 1000, resetEvery: 60 };
    expect(resetSteps(spec, 0.5)).toBe(120);
    expect(counterAt(spec, 1, 59, free)).toBe(1059);
    expect(counterAt(spec, 1, 60, free)).toBe(0);
    expect(counterAt(spec, 1, 61, free)).toBe(1);
    expect(counterAt(spec, 1, 150, free)).toBe(30);
  });

  it('defaults to a 32-bit register', () => {
    expect(counterAt({ ratePerSecond: 1, start: 2 ** 32 - 1 }, 1, 1, free)).toBe(0);
  });
});
