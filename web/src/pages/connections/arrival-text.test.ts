import { describe, expect, it } from 'vitest';
import { arrivalText } from './arrival-text';

const NOW = 1_700_000_000_000;

describe('arrival text', () => {
  it('reads a meter pushing every 5 s as values per minute with its cadence, not 0 values/s', () => {
    expect(arrivalText({ valuesPerSecond: 0.2, valuesPerMinute: 12, valuesInWindow: 12, windowSeconds: 60, lastAt: NOW - 3000, typicalIntervalMs: 5000 }, NOW)).toBe('12 values/min · last value 3 s ago, every ~5 s');
  });

  it('reads a fast poll source as values per second, without a cadence', () => {
    expect(arrivalText({ valuesPerSecond: 42.5, valuesPerMinute: 2550, valuesInWindow: 2550, windowSeconds: 60, lastAt: NOW - 200, typicalIntervalMs: 1000 }, NOW)).toBe('42.5 values/s');
  });

  it('says so when nothing came', () => {
    expect(arrivalText({ valuesPerSecond: 0, valuesPerMinute: 0, valuesInWindow: 0, windowSeconds: 60, lastAt: NOW - 600_000 }, NOW)).toBe('no values in the last 1 min · last value 10 min ago');
    expect(arrivalText({ valuesPerSecond: 0, valuesPerMinute: 0, valuesInWindow: 0, windowSeconds: 0 }, NOW)).toBe('no values yet');
  });
});
