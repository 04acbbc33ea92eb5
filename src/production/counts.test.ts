import { describe, expect, it } from 'vitest';
import { counterIncrease } from '../core/counter.js';
import { MemoryHistorian } from '../historian/memory.js';
import { queryAggregates } from '../historian/query/aggregate.js';
import { counterDeltas, goodAndTotal } from './counts.js';
import { productionSettings } from './settings.js';
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

  it('skips uncertain samples: a stale mark repeating an older value is not a counter reset', () => {
    // Readings 100, 130 (stored before the mark, from a late poll), the hub's mark repeating 100 at
    // 35, then 140. By hand: 140 − 100 = 40; read as readings, the mark's drop 130 → 100 would add 100 + 40.
    const samples = [p(10, 100), p(30, 130), p(35, 100, 'uncertain'), p(40, 140)];
    expect(counterDeltas({ samples, counter: { rolloverAt: 65_536 } }, [0, 50])).toEqual([40]);
    expect(counterDeltas({ samples, counter: { rolloverAt: 65_536 } }, [0, 33, 50])).toEqual([30, 10]);
  });

  it('adds good and rejects to a total', () => {
    const good = { prior: p(-1, 0), samples: [p(5, 90)] };
    const reject = { prior: p(-1, 0), samples: [p(5, 10)] };
    expect(goodAndTotal(good, { reject }, [0, 10])).toEqual({ good: [90], total: [100] });
    expect(goodAndTotal(good, { total: { prior: p(-1, 0), samples: [p(5, 95)] } }, [0, 10])).toEqual({ good: [90], total: [95] });
  });

  it('counts a shift exactly as history delta does, with the counter rule the attribute declares', async () => {
    // A 16-bit good counter over an 8-hour shift: two wraps, then zeroed at an order change.
    const H = 3_600_000;
    const rows: [number, number][] = [[-60_000, 65_000], [H, 65_500], [2 * H, 300], [3 * H, 40_000], [4 * H, 65_000], [5 * H, 500], [6 * H, 10_000], [7 * H, 50]];
    const h = new MemoryHistorian();
    await h.write(rows.map(([ts, value]) => ({ path: 'line1/filler/good', ts, value, quality: 'good' as const })));
    const settings = productionSettings({ lines: [{ id: 'line1', path: 'line1', state: { attribute: 'filler/state', map: { '1': 'running' } }, good: { attribute: 'filler/good' }, reject: { attribute: 'filler/reject' } }] }, undefined, '/tmp', (path) => (path === 'line1/filler/good' ? { rolloverAt: 65_536 } : undefined));
    const rule = settings.lines[0]!.good.counter;
    expect(rule).toEqual({ rolloverAt: 65_536 });
    const oee = counterDeltas({ prior: p(rows[0]![0], rows[0]![1]), samples: rows.slice(1).map(([ts, v]) => p(ts, v)), counter: rule! }, [0, 8 * H]);
    const [history] = await queryAggregates(h, { paths: ['line1/filler/good'], from: 0, to: 8 * H, interval: '8h', agg: 'delta', counter: () => rule });
    // By hand: 500 + 336 + 39700 + 25000 + 1036 + 9500 + 50 (the drop to 50 is a reset).
    expect(oee).toEqual([76_122]);
    expect(history!.buckets.map((b) => b.value)).toEqual([76_122]);
  });

  it('takes the line\'s own rolloverAt over the attribute\'s, keeping the attribute\'s drop rule', () => {
    const settings = productionSettings({ lines: [{ id: 'l', path: 'l', state: { attribute: 's', map: { '1': 'running' } }, good: { attribute: 'g', rolloverAt: 1000 }, total: { attribute: 't' } }] }, undefined, '/tmp', () => ({ rolloverAt: 65_536, onDrop: 'rollover' }));
    expect(settings.lines[0]!.good.counter).toEqual({ rolloverAt: 1000, onDrop: 'rollover' });
    expect(settings.lines[0]!.counts).toEqual({ total: { path: 'l/t', counter: { rolloverAt: 65_536, onDrop: 'rollover' } } });
  });
});
