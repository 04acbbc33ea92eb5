import { describe, expect, it } from 'vitest';
import { counterIncrease, counterRange, dropRule, rollupCounts, rollupIncrease } from './counter.js';

describe('counter arithmetic', () => {
  it.each([
    ['a rise', 100, 150, { rolloverAt: 65_536 }, 50],
    ['a 16-bit wrap (auto): 65536 − 65000 + 300', 65_000, 300, { rolloverAt: 65_536 }, 836],
    ['a reset of a 16-bit counter (auto: the wrap would imply 45386, more than half the range)', 20_300, 150, { rolloverAt: 65_536 }, 150],
    ['the same drop declared a rollover', 20_300, 150, { rolloverAt: 65_536, onDrop: 'rollover' as const }, 45_386],
    ['a wrap declared a reset', 65_000, 300, { rolloverAt: 65_536, onDrop: 'reset' as const }, 300],
    ['a drop without a range: a reset', 500, 20, undefined, 20],
  ])('%s', (_name, prev, cur, rule, expected) => {
    expect(counterIncrease(prev, cur, rule)).toBe(expected);
  });

  it('takes a range from rolloverAt or a bit width', () => {
    expect(counterRange({ bits: 16 })).toBe(65_536);
    expect(counterRange({ bits: 32 })).toBe(4_294_967_296);
    expect(counterRange({ rolloverAt: 1000 })).toBe(1000);
    expect(counterRange({})).toBeUndefined();
  });

  it('lets rollups count only counters whose drops all mean the same', () => {
    expect([dropRule(undefined), dropRule({ rolloverAt: 10 }), dropRule({ rolloverAt: 10, onDrop: 'rollover' })]).toEqual(['reset', 'auto', 'rollover']);
    expect([rollupCounts(undefined), rollupCounts({ rolloverAt: 10 }), rollupCounts({ rolloverAt: 10, onDrop: 'reset' })]).toEqual([true, false, true]);
    // 90 → 95 → 3 → 8 inside one bucket: two drops? one, from 95; reset counts 3, rollover 100 − 95 + 3.
    const b = { firstX: 90, lastX: 8, drops: 1, dropPrev: 95 };
    expect(rollupIncrease(b, undefined)).toBe(5 + 3 + 5);
    expect(rollupIncrease(b, { rolloverAt: 100, onDrop: 'rollover' })).toBe(5 + 8 + 5);
  });
});
