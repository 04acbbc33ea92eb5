import { describe, expect, it } from 'vitest';
import { counterIncrease } from '../core/counter.js';
import { counterDeltas, goodAndTotal } from './counts.js';
import type { Point } from './types.js';

const p = (ts: number, value: number, quality: Point['quality'] = 'good'): Point => ({ ts, value, quality });

describe('counts from counters', () => {
  it.each([
    ['a rise', 100, 150, 65_536, 50],
    ['a rollover of a 16-bit counter: 65536 − 65000 + 300', 65_000, 300, 65_536, 836],
    ['a reset of a 16-bit counter (the wrap would imply 45386, more than half the range)', 20_300, 150, 65_536, 150],
    ['a reset of a counter without a rollover value', 500, 20, undefined, 20],
  ])('%s', (_name, prev, cur, rolloverAt, expected) => {
    expect(counterIncrease(prev, cur, rolloverAt === undefined ? undefined : { rolloverAt })).toBe(expected);
  });

  it('counts through a rollover and a reset, in the interval of the later sample', () => {
    // 65000 before; +836 (wrap) at 10; +20000 at 20; reset to 150 at 30 (+150); +10000 at 45.
    const series = { prior: p(-5, 65_000), samples: [p(10, 300), p(20, 20_300), p(30, 150), p(45, 10_150)], counter: { rolloverAt: 65_536 } };
    expect(counterDeltas(series, [0, 25, 50])).toEqual([836 + 20_000, 150 + 10_000]);
    expect(counterDeltas(series, [0, 50])).toEqual([30_986]);
  });

  it('skips bad samples and starts from the first sample when there is no prior', () => {
    expect(counterDeltas({ samples: [p(1, 10), p(2, 999, 'bad'), p(3, 15)] }, [0, 10])).toEqual([5]);
  });

  it('adds good and rejects to a total', () => {
    const good = { prior: p(-1, 0), samples: [p(5, 90)] };
    const reject = { prior: p(-1, 0), samples: [p(5, 10)] };
    expect(goodAndTotal(good, { reject }, [0, 10])).toEqual({ good: [90], total: [100] });
    expect(goodAndTotal(good, { total: { prior: p(-1, 0), samples: [p(5, 95)] } }, [0, 10])).toEqual({ good: [90], total: [95] });
  });
});
