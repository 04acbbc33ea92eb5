import { describe, expect, it } from 'vitest';
import { align, bucketFor, pan, planQuery, resolveRange, stats, toY, zoom } from './trend-query';

const NOW = 1_800_000_000_000;

describe('trend queries', () => {
  it('reads relative and absolute ranges from the URL', () => {
    expect(resolveRange('-15m', null, NOW)).toEqual({ from: NOW - 900_000, to: NOW });
    expect(resolveRange(String(NOW - 5000), String(NOW - 1000), NOW)).toEqual({ from: NOW - 5000, to: NOW - 1000 });
    expect(resolveRange(null, null, NOW)).toEqual({ from: NOW - 3_600_000, to: NOW });
    expect(resolveRange('yesterday', null, NOW)).toEqual({ from: NOW - 3_600_000, to: NOW });
  });

  it('asks for M4 when the hub has it, else raw for short ranges and averages per round bucket for long ones', () => {
    expect(planQuery({ from: 0, to: 86_400_000 }, 1000, true)).toEqual({ kind: 'trend', pixels: 1000 });
    expect(planQuery({ from: 0, to: 3_600_000 }, 1000, false)).toEqual({ kind: 'raw' });
    expect(planQuery({ from: 0, to: 86_400_000 }, 1000, false)).toEqual({ kind: 'agg', interval: '2m', intervalMs: 120_000 });
    expect(bucketFor(7 * 86_400_000, 800)).toEqual({ interval: '15m', intervalMs: 900_000 });
  });

  it('lines pens up on shared timestamps, in seconds, with gaps as null', () => {
    const data = align([
      { path: 'a', points: [[1000, 1], [3000, 3]] },
      { path: 'b', points: [[2000, toY(true)], [3000, toY('running')]] },
    ]);
    expect(data).toEqual([[1, 2, 3], [1, null, 3], [null, 1, null]]);
  });

  it('zooms around the pointer and pans by a fraction of the range', () => {
    expect(zoom({ from: 0, to: 100_000 }, 0.5, 0.5)).toEqual({ from: 25_000, to: 75_000 });
    expect(zoom({ from: 0, to: 100_000 }, 0.5, 0)).toEqual({ from: 0, to: 50_000 });
    expect(pan({ from: 0, to: 100_000 }, -0.5)).toEqual({ from: -50_000, to: 50_000 });
  });

  it('summarizes a pen', () => {
    expect(stats([[1, 5], [2, null], [3, 2], [4, 9], [5, 4]])).toEqual({ last: 4, min: 2, max: 9 });
    expect(stats([[1, null]])).toEqual({});
  });
});
